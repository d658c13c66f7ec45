using System.Net;
using System.Text.Json;
using Amazon.EC2.Model;
using VpcLab.ControlPlane.Snapshots;

namespace VpcLab.Server.Tests.Hosting;

/// <summary><c>GET /_vpclab/world</c> (docs/architecture.md#world-snapshot): the world an AWS client built, as a
/// snapshot equal to the server's own, for the caller its access key names (docs/semantics.md#endpoint-url).</summary>
public sealed class WorldEndpointTests
{
    [Fact]
    public async Task World_AfterSdkCalls_SnapshotHoldsTheServersWorldAndTheCaller()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await LoopbackEc2.StartAsync(ct, accessKeyId: "222222222222", region: "eu-west-1");
        var vpc = (await lab.Client.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.42.0.0/16" }, ct)).Vpc.VpcId;
        using var http = new HttpClient { BaseAddress = lab.Server.Url };
        var text = await http.GetStringAsync("/_vpclab/world?accessKeyId=222222222222&region=eu-west-1", ct);
        var snapshot = WorldSnapshotJson.Deserialize(text);
        Assert.Equal(("222222222222", "eu-west-1"), (snapshot.Account.Value, snapshot.Region));
        Assert.Contains(snapshot.Network.Vpcs.Keys, id => id.Value == vpc);
        Assert.Equal(WorldSnapshotJson.SerializeNetwork(lab.Server.State.ControlPlane.Network), WorldSnapshotJson.SerializeNetwork(snapshot.Network));
    }

    [Fact]
    public async Task World_SignedRequest_CallerFromTheCredentialScope()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await LoopbackEc2.StartAsync(ct, accessKeyId: "333333333333", region: "ap-south-1");
        await lab.Client.DescribeVpcsAsync(new DescribeVpcsRequest(), ct); // first contact: the default VPC
        using var http = new HttpClient { BaseAddress = lab.Server.Url };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/_vpclab/world");
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=333333333333/20261204/ap-south-1/ec2/aws4_request, SignedHeaders=host, Signature=00");
        using var response = await http.SendAsync(request, ct);
        var snapshot = WorldSnapshotJson.Deserialize(await response.Content.ReadAsStringAsync(ct));
        Assert.Equal(("333333333333", "ap-south-1"), (snapshot.Account.Value, snapshot.Region));
        Assert.Contains(snapshot.Network.Vpcs.Values, v => v.IsDefault && v.Region == "ap-south-1");
    }

    [Theory]
    [InlineData("accessKeyId=999999999999&region=us-east-1", HttpStatusCode.NotFound, "UnknownAccount")]
    [InlineData("region=xx-nowhere-1", HttpStatusCode.BadRequest, "UnknownRegion")]
    public async Task World_UnknownCaller_JsonErrorWithCode(string query, HttpStatusCode status, string code)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await LoopbackEc2.StartAsync(ct);
        await lab.Client.DescribeVpcsAsync(new DescribeVpcsRequest(), ct);
        using var http = new HttpClient { BaseAddress = lab.Server.Url };
        using var response = await http.GetAsync($"/_vpclab/world?{query}", ct);
        Assert.Equal(status, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        Assert.Equal(code, json.RootElement.GetProperty("error").GetString());
    }
}
