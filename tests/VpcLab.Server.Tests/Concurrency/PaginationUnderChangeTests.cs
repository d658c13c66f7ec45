using Amazon;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Ec2Quotas = VpcLab.ControlPlane.Ec2Quotas;
using VpcLab.Server.Hosting;

namespace VpcLab.Server.Tests.Concurrency;

/// <summary>Paging while the world changes (docs/semantics.md#pagination; AWS: "use the NextToken ... to retrieve the
/// next page", https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-pagination.html): a token names the last item
/// of its page, so it stays valid while VPCs are created and deleted, a page never repeats an item, pages come in id
/// order, and every VPC that existed through the whole walk is listed.</summary>
public sealed class PaginationUnderChangeTests : IAsyncLifetime
{
    private VpcLabServer _server = null!;
    private AmazonEC2Client _ec2 = null!;

    static PaginationUnderChangeTests()
    {
        // TOOLCHAIN gotcha 5: SDK v4 leaves collections null for empty sets unless told otherwise.
        AWSConfigs.InitializeCollections = true;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = null, Quotas = Ec2Quotas.Generous }, Ct);
        _ec2 = new AmazonEC2Client(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), new AmazonEC2Config
        {
            ServiceURL = _server.Url.ToString(),
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        });
    }

    public async ValueTask DisposeAsync()
    {
        _ec2.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task DescribeVpcs_PagedWhileVpcsComeAndGo_EveryStableVpcOnceInOrder()
    {
        var stable = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < 40; i++)
            stable.Add((await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = $"10.{i}.0.0/16" }, Ct)).Vpc.VpcId);
        // Creates and deletes other VPCs, before and after the cursor alike, until the walks are done.
        await WalkWhileChurning(stable, async i =>
        {
            var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = $"10.{100 + (i % 100)}.0.0/16" }, Ct)).Vpc.VpcId;
            if (i % 2 == 0)
                await _ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc }, Ct);
        }, async token =>
        {
            var page = await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { MaxResults = 5, NextToken = token }, Ct);
            return ([.. page.Vpcs.Select(v => v.VpcId)], page.NextToken);
        });
    }

    // The kinds indexed later page from the index too (docs/semantics.md#filter-indexes): egress-only internet
    // gateways (one per VPC, AWS's quota), created and deleted while the walks run.
    [Fact]
    public async Task DescribeEgressOnlyInternetGateways_PagedWhileGatewaysComeAndGo_EveryStableGatewayOnceInOrder()
    {
        async Task<string> NewGateway(int i)
        {
            var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = $"10.{i % 200}.0.0/16" }, Ct)).Vpc.VpcId;
            var request = new CreateEgressOnlyInternetGatewayRequest { VpcId = vpc };
            return (await _ec2.CreateEgressOnlyInternetGatewayAsync(request, Ct)).EgressOnlyInternetGateway.EgressOnlyInternetGatewayId;
        }
        var stable = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < 20; i++)
            stable.Add(await NewGateway(i));
        await WalkWhileChurning(stable, async i =>
        {
            var gateway = await NewGateway(i);
            if (i % 2 == 0)
                await _ec2.DeleteEgressOnlyInternetGatewayAsync(new DeleteEgressOnlyInternetGatewayRequest { EgressOnlyInternetGatewayId = gateway }, Ct);
        }, async token =>
        {
            var page = await _ec2.DescribeEgressOnlyInternetGatewaysAsync(new DescribeEgressOnlyInternetGatewaysRequest { MaxResults = 5, NextToken = token }, Ct);
            return ([.. page.EgressOnlyInternetGateways.Select(g => g.EgressOnlyInternetGatewayId)], page.NextToken);
        });
    }

    /// <summary>Runs <paramref name="churnStep"/> (i = 0, 1, …) until three complete walks of pages of at most 5 are
    /// done; each walk must list every stable id exactly once, in id order (AWS's tokens stay valid while the world
    /// changes: docs/semantics.md#pagination).</summary>
    private static async Task WalkWhileChurning(HashSet<string> stable, Func<int, Task> churnStep,
        Func<string?, Task<(List<string> Ids, string? Next)>> page)
    {
        using var stop = new CancellationTokenSource();
        var churn = Task.Run(async () =>
        {
            for (int i = 0; !stop.IsCancellationRequested; i++)
                await churnStep(i);
        }, Ct);
        for (int walk = 0; walk < 3; walk++)
        {
            var seen = new List<string>();
            string? token = null;
            do
            {
                var (ids, next) = await page(token);
                Assert.True(ids.Count <= 5);
                seen.AddRange(ids);
                token = next;
            }
            while (token is not null);
            Assert.Equal(seen.Distinct(StringComparer.Ordinal).Count(), seen.Count);
            Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
            Assert.Subset(seen.ToHashSet(StringComparer.Ordinal), stable);
        }
        await stop.CancelAsync();
        await churn;
    }
}
