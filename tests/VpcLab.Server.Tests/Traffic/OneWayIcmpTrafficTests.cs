using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.S3.Model;
using VpcLab.Server.Tests.S3;

namespace VpcLab.Server.Tests.Traffic;

/// <summary>One-way ICMP through the API (docs/semantics.md#one-way-icmp): a workload posted to /_vpclab/traffic on a
/// world built with the AWS SDK; the flow logs read back through the S3 API hold a one-way message only in the
/// direction it travels, where an echo request also has its echo replies.</summary>
public sealed class OneWayIcmpTrafficTests : IAsyncLifetime
{
    private LoopbackEc2 _loopback = null!;
    private AmazonEC2Client _ec2 = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _loopback = await LoopbackEc2.StartAsync(Ct);
        _ec2 = _loopback.Client;
    }

    public ValueTask DisposeAsync() => _loopback.DisposeAsync();

    private async Task<Instance> Launch(string subnet)
    {
        var run = await _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0fc50b841d13a3d05", InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1, SubnetId = subnet,
        }, Ct);
        return run.Reservation.Instances.Single();
    }

    // AWS (VPC User Guide, Path MTU Discovery, https://docs.aws.amazon.com/vpc/latest/userguide/path_mtu_discovery.html):
    // fragmentation needed (3/4) goes one way, from the device that dropped the packet to its sender; an echo request
    // is answered. Both instances are in the default VPC's default security group, which lets its members in.
    [Theory]
    [InlineData("icmp-type: 3, icmp-code: 4", 2, 0)] // the client's egress and the server's ingress; no reply legs
    [InlineData("icmp-type: 8", 2, 2)]                // and the server's echo replies out and in
    public async Task Workload_IcmpMessage_FlowLogsOnlyInTheDirectionsItTravels(string icmp, int fromClient, int fromServer)
    {
        var vpc = (await _ec2.DescribeVpcsAsync(Ct)).Vpcs.Single();
        var subnet = (await _ec2.DescribeSubnetsAsync(Ct)).Subnets.First().SubnetId;
        // Start on a minute boundary: an instance's flow-log windows are 60 s (Nitro, docs/semantics.md#flow-log-windows),
        // and the message's 3 s must not straddle two of them whatever the wall clock says.
        var now = _loopback.Server.State.Clock.GetUtcNow();
        _loopback.Server.State.Clock.Set(new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero).AddMinutes(1));
        var client = await Launch(subnet);
        var server = await Launch(subnet);
        using var s3 = S3SdkTests.Client(_loopback.Server.Url);
        await s3.PutBucketAsync("flows", Ct);
        await _ec2.CreateFlowLogsAsync(new CreateFlowLogsRequest
        {
            ResourceIds = [vpc.VpcId], ResourceType = FlowLogsResourceType.VPC, TrafficType = TrafficType.ALL,
            LogDestinationType = LogDestinationType.S3, LogDestination = "arn:aws:s3:::flows/lab/",
        }, Ct);

        var body = JsonSerializer.Serialize(new
        {
            workloads = $"workloads:\n  - {{ name: m, from: {client.InstanceId}, to: {server.InstanceId}, protocol: icmp, {icmp}, connections: 1, start: 0s, end: 1s }}\n",
            duration = "1m",
        });
        var (status, _) = await _loopback.PostTrafficAsync(body, Ct);
        Assert.Equal(HttpStatusCode.OK, status);

        var lines = new List<string[]>();
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "flows", Prefix = "lab/AWSLogs/" }, Ct);
        foreach (var o in listed.S3Objects)
        {
            using var get = await s3.GetObjectAsync("flows", o.Key, Ct);
            using var reader = new StreamReader(new GZipStream(get.ResponseStream, CompressionMode.Decompress));
            await reader.ReadLineAsync(Ct); // header
            while (await reader.ReadLineAsync(Ct) is { } line)
                lines.Add(line.Split(' '));
        }
        // version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status
        Assert.All(lines, f => Assert.Equal(["1", "ACCEPT", "OK"], [f[7], f[12], f[13]]));
        Assert.Equal(fromClient, lines.Count(f => f[3] == client.PrivateIpAddress));
        Assert.Equal(fromServer, lines.Count(f => f[3] == server.PrivateIpAddress));
    }
}
