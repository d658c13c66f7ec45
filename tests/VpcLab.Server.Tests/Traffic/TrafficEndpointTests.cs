using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Amazon.S3.Model;
using VpcLab.Model;
using VpcLab.Server.Hosting;
using VpcLab.Server.Tests.S3;

namespace VpcLab.Server.Tests.Traffic;

/// <summary>POST /_vpclab/traffic: a workload runs on the server's world and its flow logs land where real clients
/// read them (S3 objects in AWS's key layout through AWSSDK.S3; CloudWatch Logs events).</summary>
public sealed class TrafficEndpointTests : IAsyncLifetime
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

    private async Task<string> Instance(string subnet)
    {
        var run = await _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0fc50b841d13a3d05", InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1, SubnetId = subnet,
        }, Ct);
        return run.Reservation.Instances.Single().InstanceId;
    }

    private Task<(HttpStatusCode Status, JsonElement Body)> Traffic(string body) => _loopback.PostTrafficAsync(body, Ct);

    [Fact]
    public async Task Workload_delivers_flow_logs_that_Sdk_clients_read()
    {
        var vpc = (await _ec2.DescribeVpcsAsync(Ct)).Vpcs.Single(); // the account's default VPC
        var subnet = (await _ec2.DescribeSubnetsAsync(Ct)).Subnets.First().SubnetId;
        var client = await Instance(subnet);
        var server = await Instance(subnet);
        using var s3 = S3SdkTests.Client(_loopback.Server.Url);
        await s3.PutBucketAsync("flows", Ct);
        var created = await _ec2.CreateFlowLogsAsync(new CreateFlowLogsRequest
        {
            ResourceIds = [vpc.VpcId], ResourceType = FlowLogsResourceType.VPC, TrafficType = TrafficType.ALL,
            LogDestinationType = LogDestinationType.S3, LogDestination = "arn:aws:s3:::flows/lab/",
        }, Ct);
        Assert.Single(created.FlowLogIds);

        var (status, body) = await Traffic(JsonSerializer.Serialize(new
        {
            workloads = $"workloads:\n  - {{ name: ssh, from: {client}, to: {server}, protocol: tcp, port: 22, connections: 5 }}\n",
            duration = "10m",
        }));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5, body.GetProperty("connections").GetInt64());
        Assert.Equal(5, body.GetProperty("established").GetInt64());

        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "flows", Prefix = "lab/AWSLogs/" }, Ct);
        Assert.NotEmpty(listed.S3Objects);
        var lines = new List<string>();
        foreach (var o in listed.S3Objects)
        {
            Assert.Matches(@"^lab/AWSLogs/111111111111/vpcflowlogs/us-east-1/\d{4}/\d{2}/\d{2}/111111111111_vpcflowlogs_us-east-1_fl-[0-9a-f]{17}_\d{8}T\d{4}Z_[0-9a-f]{8}\.log\.gz$", o.Key);
            using var get = await s3.GetObjectAsync("flows", o.Key, Ct);
            using var gzip = new GZipStream(get.ResponseStream, CompressionMode.Decompress);
            using var reader = new StreamReader(gzip);
            Assert.Equal(FlowLogFormat.Default.HeaderLine, await reader.ReadLineAsync(Ct));
            while (await reader.ReadLineAsync(Ct) is { } line)
                lines.Add(line);
        }
        // Each connection: the client's request out, the server's request in, its reply out, the client's reply in.
        Assert.True(lines.Count >= 20, string.Join('\n', lines));
        Assert.All(lines, l => Assert.EndsWith(" ACCEPT OK", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{}", "workloads")]
    [InlineData("not json", "JSON")]
    [InlineData("""{"workloads":"workloads:\n  - { name: x, from: i-0000000000000dead, to: 10.0.0.1, protocol: tcp, port: 1 }\n"}""", "i-0000000000000dead")]
    [InlineData("""{"workloads":"workloads: []","duration":"forever"}""", "duration")]
    public async Task Bad_input_is_a_400_that_names_the_problem(string body, string named)
    {
        var (status, json) = await Traffic(body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("InvalidWorkload", json.GetProperty("error").GetString());
        Assert.Contains(named, json.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
