using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.S3.Model;
using VpcLab.Server.Tests.Logs;
using Engine = VpcLab.Engine;
using Model = VpcLab.Model;

namespace VpcLab.Server.Tests.S3;

/// <summary>Issue 12's story: a bucket and its policy put with the real AWS CLI v2 (<c>aws s3api</c>) are the
/// buckets the engine reads, so the bucket policy decides a trace of an S3 request from an instance behind a gateway
/// endpoint (docs/semantics.md#s3-api-buckets). The world is built with the AWS SDK for .NET against the real
/// server (127.0.0.1, random port, in memory): a private subnet whose route table holds the S3 gateway endpoint's
/// route, and an instance in it.</summary>
public sealed class S3BucketPolicyTraceTests : IAsyncLifetime
{
    private const string Bucket = "lab-data";
    private LoopbackEc2 _loopback = null!;
    private AmazonEC2Client _ec2 = null!;
    private string _vpc = "", _app = "", _endpoint = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _loopback = await LoopbackEc2.StartAsync(Ct);
        _ec2 = _loopback.Client;
        _vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.2.0.0/16" }, Ct)).Vpc.VpcId;
        var subnet = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = _vpc, CidrBlock = "10.2.1.0/24", AvailabilityZone = "us-east-1a" }, Ct)).Subnet.SubnetId;
        var table = (await _ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = _vpc }, Ct)).RouteTable.RouteTableId;
        await _ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = table, SubnetId = subnet }, Ct);
        _app = (await _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0fc50b841d13a3d05", InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1, SubnetId = subnet,
        }, Ct)).Reservation.Instances.Single().InstanceId;
        _endpoint = (await _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = _vpc, ServiceName = "com.amazonaws.us-east-1.s3", VpcEndpointType = VpcEndpointType.Gateway, RouteTableIds = [table],
        }, Ct)).VpcEndpoint.VpcEndpointId;
    }

    public ValueTask DisposeAsync() => _loopback.DisposeAsync();

    /// <summary>Deny every S3 action on the bucket unless the request came through <paramref name="vpce"/>.</summary>
    private static string DenyUnlessThrough(string vpce) =>
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"OnlyThroughTheEndpoint\",\"Effect\":\"Deny\",\"Principal\":\"*\","
        + $"\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::{Bucket}\",\"arn:aws:s3:::{Bucket}/*\"],"
        + "\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":\"" + vpce + "\"}}}]}";

    private async Task<AwsCli.Result> S3Api(params string[] args)
    {
        var result = await AwsCli.RunAsync(_loopback.Server.Url, ["s3api", .. args]);
        Assert.True(result.ExitCode == 0, $"aws s3api {string.Join(' ', args)} exited {result.ExitCode}: {result.Stderr}");
        return result;
    }

    /// <summary>The engine's trace of GetObject from the instance, on the server's current world.</summary>
    private Engine.S3.S3RequestTrace TraceGetObject() =>
        Engine.S3.S3RequestTracer.Trace(Engine.CompiledNetwork.Compile(_loopback.Server.State.ControlPlane.Network),
            Engine.TraceEndpoint.Instance(new Model.InstanceId(_app)), new Engine.S3.S3Request(Bucket, "reports/q1.csv"));

    [Fact]
    public async Task BucketPolicy_PutWithAwsCli_DecidesTheTrace()
    {
        Assert.SkipUnless(AwsCli.Available, "AWS CLI v2 (/usr/bin/aws) is not installed.");
        await S3Api("create-bucket", "--bucket", Bucket);
        var bucket = _loopback.Server.State.ControlPlane.Network.Buckets[Bucket];
        Assert.Equal(("111111111111", "us-east-1", null), (bucket.OwnerId.Value, bucket.Region, bucket.Policy));
        var open = TraceGetObject(); // the owner's account, no bucket policy: allowed through the endpoint
        Assert.Equal((Engine.Verdict.Accepted, Engine.S3.S3NetworkPath.GatewayEndpoint), (open.Verdict, open.Path));

        // The policy names another endpoint: the request through this one is denied by the bucket policy.
        await S3Api("put-bucket-policy", "--bucket", Bucket, "--policy", DenyUnlessThrough("vpce-0123456789abcdef0"));
        var denied = TraceGetObject();
        Assert.Equal(Engine.Verdict.Dropped, denied.Verdict);
        Assert.Equal(Engine.Policies.S3AccessLayer.BucketPolicy, denied.Access!.DecidedBy);
        Assert.Equal(Engine.Policies.PolicyDecision.ExplicitDeny, denied.Access.Decision);
        Assert.Equal($"arn:aws:s3:::{Bucket}", denied.Trace.DroppedAt!.Id);
        Assert.Contains(denied.Trace.Explanations, e => e.Code == Engine.ExplanationCode.S3AccessDenied);

        // The same policy naming this endpoint: allowed, and the bucket policy is what was evaluated.
        var mine = DenyUnlessThrough(_endpoint);
        await S3Api("put-bucket-policy", "--bucket", Bucket, "--policy", mine);
        var allowed = TraceGetObject();
        Assert.Equal(Engine.Verdict.Accepted, allowed.Verdict);
        Assert.Equal([_endpoint], allowed.PolicyRequest!.ValuesOf(Engine.Policies.PolicyContextKeys.SourceVpce));
        var got = (await S3Api("get-bucket-policy", "--bucket", Bucket)).Json;
        Assert.Equal(mine, (string?)got["Policy"]);

        // Without a policy the other endpoint's rule is gone too.
        await S3Api("put-bucket-policy", "--bucket", Bucket, "--policy", DenyUnlessThrough("vpce-0123456789abcdef0"));
        await S3Api("delete-bucket-policy", "--bucket", Bucket);
        Assert.Equal(Engine.Verdict.Accepted, TraceGetObject().Verdict);
        Assert.Null(_loopback.Server.State.ControlPlane.Network.Buckets[Bucket].Policy);
    }

    [Fact]
    public async Task FlowLogs_ToABucketCreatedWithAwsCli_AreDeliveredAndRead()
    {
        Assert.SkipUnless(AwsCli.Available, "AWS CLI v2 (/usr/bin/aws) is not installed.");
        await S3Api("create-bucket", "--bucket", Bucket);
        await S3Api("put-bucket-policy", "--bucket", Bucket, "--policy", DenyUnlessThrough(_endpoint));
        await _ec2.CreateFlowLogsAsync(new CreateFlowLogsRequest
        {
            ResourceIds = [_vpc], ResourceType = FlowLogsResourceType.VPC, TrafficType = TrafficType.ALL,
            LogDestinationType = LogDestinationType.S3, LogDestination = $"arn:aws:s3:::{Bucket}/flows/",
        }, Ct);
        var peer = (await _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0fc50b841d13a3d05", InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1,
            SubnetId = (await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [_app] }, Ct)).Reservations[0].Instances[0].SubnetId,
        }, Ct)).Reservation.Instances.Single().InstanceId;

        var body = JsonSerializer.Serialize(new
        {
            workloads = $"workloads:\n  - {{ name: ssh, from: {_app}, to: {peer}, protocol: tcp, port: 22, connections: 2 }}\n",
            duration = "10m",
        });
        var (status, _) = await _loopback.PostTrafficAsync(body, Ct);
        Assert.Equal(HttpStatusCode.OK, status);

        using var s3 = S3SdkTests.Client(_loopback.Server.Url);
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = "flows/AWSLogs/" }, Ct);
        var first = Assert.IsType<S3Object>(listed.S3Objects.FirstOrDefault(), exactMatch: false);
        using var get = await s3.GetObjectAsync(Bucket, first.Key, Ct);
        using var reader = new StreamReader(new GZipStream(get.ResponseStream, CompressionMode.Decompress));
        Assert.Equal(Model.FlowLogFormat.Default.HeaderLine, await reader.ReadLineAsync(Ct));
        // The bucket the delivery wrote into is the world's, with the policy the CLI put.
        Assert.Equal(DenyUnlessThrough(_endpoint), _loopback.Server.State.ControlPlane.Network.Buckets[Bucket].Policy);
    }
}
