using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Ec2Quotas = VpcLab.ControlPlane.Ec2Quotas;
using RequestContext = VpcLab.ControlPlane.RequestContext;
using VpcLab.Server.Hosting;
using VpcLab.Server.Persistence;

namespace VpcLab.Server.Tests.Concurrency;

/// <summary>64 AWS SDK clients of two accounts at once against one durable server (docs/semantics.md#concurrency):
/// creates, deletes, tags and describes interleave; afterwards every register history (a tag key of a shared VPC) is
/// linearizable, no answer was a 5xx, nothing deadlocked, a VPC is never seen without its default security group,
/// main route table and default network ACL (AWS creates them with it:
/// https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html), and the world replayed from the
/// operation log answers every describe exactly as the live server did.</summary>
public sealed class ConcurrentClientsTests : IAsyncLifetime
{
    private const int Clients = 64;
    private const int Rounds = 4;
    private const int Registers = 4;
    private static readonly string[] s_accounts = ["111111111111", "222222222222"];

    private readonly string _data = Path.Combine(Path.GetTempPath(), "vpclab-concurrency-" + Guid.NewGuid().ToString("N"));
    private VpcLabServer _server = null!;

    static ConcurrentClientsTests()
    {
        // TOOLCHAIN gotcha 5: SDK v4 leaves collections null for empty sets unless told otherwise.
        AWSConfigs.InitializeCollections = true;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = _data, Quotas = Ec2Quotas.Generous }, Ct);

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        if (Directory.Exists(_data))
            Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Clients64_MixedMutationsAndDescribes_LinearizableAtomicNo5xxReplayable()
    {
        var shared = new Dictionary<string, string>();
        foreach (var account in s_accounts)
        {
            using var ec2 = Client(account);
            shared[account] = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.255.0.0/16" }, Ct)).Vpc.VpcId;
        }
        var run = new Run(shared);
        var clients = Enumerable.Range(0, Clients).Select(i => Task.Run(() => ClientAsync(i, run), Ct));
        // No deadlock: every client finishes well within the time limit.
        await Task.WhenAll(clients).WaitAsync(TimeSpan.FromMinutes(4), Ct);

        Assert.Empty(run.ServerErrors);
        Assert.Empty(run.Unexpected);
        Assert.Equal(s_accounts.Length * Registers, run.Registers.Count);
        Assert.Equal(Clients * Rounds, run.Registers.Values.Sum(h => h.Count));
        Assert.Equal(Clients * Rounds, run.Snapshots.Count);
        foreach (var ((account, key), history) in run.Registers)
            Assert.True(LinearizabilityChecker.IsLinearizable([.. history]), $"register {key} of {account} is not linearizable: {string.Join("; ", history)}");
        CheckAtomicVpcs(run);
        await CheckReplayAsync();
    }

    /// <summary>One client's script: per round a VPC (kept or deleted again), its defaults read back, a subnet, one
    /// register operation, and a reader's three snapshots.</summary>
    private async Task ClientAsync(int client, Run run)
    {
        var account = s_accounts[client % s_accounts.Length];
        using var ec2 = Client(account);
        for (int round = 0; round < Rounds; round++)
        {
            bool keep = (client + round) % 2 == 0;
            await run.Call(async () =>
            {
                var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest
                {
                    CidrBlock = $"10.{client}.{round}.0/24",
                    TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Vpc, Tags = [new Tag("keep", keep ? "yes" : "no")] }],
                }, Ct)).Vpc.VpcId;
                await ReadDefaultsBackAsync(ec2, vpc, run);
                var subnet = (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = $"10.{client}.{round}.0/25" }, Ct)).Subnet.SubnetId;
                await RegisterOperationAsync(ec2, account, client, round, run);
                await ReadSnapshotsAsync(ec2, account, run);
                if (!keep)
                {
                    await ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = subnet }, Ct);
                    await ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc }, Ct);
                }
            });
        }
    }

    /// <summary>Right after CreateVpc answered, its default security group, main route table and default network ACL
    /// are there (each read is one snapshot).</summary>
    private static async Task ReadDefaultsBackAsync(AmazonEC2Client ec2, string vpc, Run run)
    {
        var groups = (await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("vpc-id", [vpc]), new Filter("group-name", ["default"])] }, Ct)).SecurityGroups;
        var tables = (await ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { Filters = [new Filter("vpc-id", [vpc]), new Filter("association.main", ["true"])] }, Ct)).RouteTables;
        var acls = (await ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest { Filters = [new Filter("vpc-id", [vpc]), new Filter("default", ["true"])] }, Ct)).NetworkAcls;
        if (groups.Count != 1 || tables.Count != 1 || acls.Count != 1)
            run.Unexpected.Add($"{vpc}: {groups.Count} default groups, {tables.Count} main tables, {acls.Count} default ACLs");
    }

    /// <summary>A write, a delete or a read of one tag key of the account's shared VPC, timed.</summary>
    private static async Task RegisterOperationAsync(AmazonEC2Client ec2, string account, int client, int round, Run run)
    {
        var key = "r" + ((client + round) % Registers).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var vpc = run.Shared[account];
        var value = $"c{client}-{round}";
        long invoked = Stopwatch.GetTimestamp();
        RegisterOperation op;
        switch ((client / 2 + round) % 3)
        {
            case 0:
                await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [vpc], Tags = [new Tag(key, value)] }, Ct);
                op = new RegisterOperation(true, value, invoked, Stopwatch.GetTimestamp());
                break;
            case 1:
                await ec2.DeleteTagsAsync(new DeleteTagsRequest { Resources = [vpc], Tags = [new Tag { Key = key }] }, Ct);
                op = new RegisterOperation(true, null, invoked, Stopwatch.GetTimestamp());
                break;
            default:
                var tags = (await ec2.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-id", [vpc]), new Filter("key", [key])] }, Ct)).Tags;
                op = new RegisterOperation(false, tags.Count == 0 ? null : tags[0].Value, invoked, Stopwatch.GetTimestamp());
                break;
        }
        run.Registers.GetOrAdd((account, key), _ => []).Add(op);
    }

    /// <summary>VPCs, then the default groups, then VPCs again: three snapshots, each later than the one before.</summary>
    private static async Task ReadSnapshotsAsync(AmazonEC2Client ec2, string account, Run run)
    {
        var before = (await ec2.DescribeVpcsAsync(new DescribeVpcsRequest(), Ct)).Vpcs.Select(v => v.VpcId).ToHashSet();
        var groups = (await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("group-name", ["default"])] }, Ct)).SecurityGroups.Select(g => g.VpcId).ToHashSet();
        var after = (await ec2.DescribeVpcsAsync(new DescribeVpcsRequest(), Ct)).Vpcs.Select(v => v.VpcId).ToHashSet();
        run.Snapshots.Add((account, before, groups, after));
    }

    /// <summary>A kept VPC (never deleted) seen by a reader has its default group in the reader's next snapshot, and a
    /// kept VPC's default group seen has its VPC in the next: CreateVpc is never seen half done.</summary>
    private void CheckAtomicVpcs(Run run)
    {
        foreach (var account in s_accounts)
        {
            var ctx = RequestContext.For(account);
            var kept = _server.State.ControlPlane.DescribeVpcs(ctx, new VpcLab.ControlPlane.DescribeVpcsRequest { Filters = [new VpcLab.ControlPlane.Filter("tag:keep", "yes")] })
                .Vpcs.Select(v => v.Id.Value).Append(run.Shared[account]).ToHashSet();
            foreach (var (_, before, groups, after) in run.Snapshots.Where(s => s.Account == account))
            {
                Assert.Subset(groups, before.Intersect(kept).ToHashSet());
                Assert.Subset(after, groups.Intersect(kept).ToHashSet());
            }
        }
    }

    /// <summary>The world the log rebuilds answers every describe of both accounts exactly as the live server.</summary>
    private async Task CheckReplayAsync()
    {
        string[] describes = ["DescribeVpcs", "DescribeSubnets", "DescribeSecurityGroups", "DescribeRouteTables", "DescribeNetworkAcls", "DescribeTags"];
        List<string> Answers(ServerState state) =>
            [.. s_accounts.SelectMany(a => describes.Select(d => state.Execute(RequestContext.For(a), d, [])?.ToJsonString() ?? "null"))];
        var live = Answers(_server.State);
        await _server.DisposeAsync();
        using (var replayed = ServerState.Open(_data, Ec2Quotas.Generous))
        {
            Assert.True(replayed.Replayed > Clients * Rounds);
            Assert.Equal(live, Answers(replayed));
        }
        _server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = _data, Quotas = Ec2Quotas.Generous }, Ct);
    }

    private AmazonEC2Client Client(string accessKey) =>
        new(new BasicAWSCredentials(accessKey, "secret"), new AmazonEC2Config
        {
            ServiceURL = _server.Url.ToString(),
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        });

    /// <summary>What the clients record.</summary>
    private sealed class Run(Dictionary<string, string> shared)
    {
        public Dictionary<string, string> Shared { get; } = shared;
        public ConcurrentDictionary<(string Account, string Key), ConcurrentBag<RegisterOperation>> Registers { get; } = new();
        public ConcurrentBag<(string Account, HashSet<string> Before, HashSet<string> Groups, HashSet<string> After)> Snapshots { get; } = [];
        public ConcurrentBag<string> ServerErrors { get; } = [];
        public ConcurrentBag<string> Unexpected { get; } = [];

        /// <summary>Runs a step; a 5xx or any other failure is recorded (every request here is valid).</summary>
        public async Task Call(Func<Task> step)
        {
            try
            {
                await step();
            }
            catch (AmazonEC2Exception e) when (e.StatusCode >= HttpStatusCode.InternalServerError)
            {
                ServerErrors.Add($"{(int)e.StatusCode} {e.ErrorCode}: {e.Message}");
            }
#pragma warning disable CA1031 // the test reports every failure of a client, whatever it is
            catch (Exception e)
#pragma warning restore CA1031
            {
                Unexpected.Add(e.GetType().Name + ": " + e.Message);
            }
        }
    }
}
