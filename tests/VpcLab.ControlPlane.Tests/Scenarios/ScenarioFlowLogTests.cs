using VpcLab.ControlPlane.Scenarios;
using VpcLab.Model;
using YamlDotNet.RepresentationModel;

namespace VpcLab.ControlPlane.Tests.Scenarios;

/// <summary>The <c>flow-logs:</c> section (created through CreateFlowLogs, so AWS's rules apply) and the
/// <c>workloads:</c> section the control plane keeps, unread, for the traffic simulation.</summary>
public sealed class ScenarioFlowLogTests
{
    private const string World = """
        name: flow-logs
        accounts:
          - { name: main, id: '111111111111' }
          - { name: other, id: '222222222222' }
        vpcs:
          - name: app
            cidr: 10.0.0.0/16
            subnets:
              - { name: web, az: us-east-1a, cidr: 10.0.1.0/24 }
            instances:
              - { name: web-1, subnet: web }
            network-interfaces:
              - { name: spare, subnet: web }
          - name: partner
            account: other
            region: eu-west-1
            cidr: 10.1.0.0/16
        """;

    private static LoadedScenario Load(string flowLogs, string extra = "") =>
        ScenarioLoader.Load(ScenarioParser.Parse(World + "\n" + flowLogs + extra, "fl.yaml"), "fl.yaml");

    private static string LoadError(string flowLogs)
    {
        var e = Assert.Throws<ScenarioException>(() => Load(flowLogs));
        return e.Message;
    }

    [Fact]
    public void FlowLogs_EachResourceKind_CreatedWithTheirSettings()
    {
        var loaded = Load("""
            flow-logs:
              - name: app-all
                resource: app
                destination: s3://lab-logs/app/
              - name: web-rejects
                resource: web
                traffic-type: REJECT
                destination: cloudwatch-logs:web-rejects
              - name: web-1-eth0
                resource: web-1
                traffic-type: ACCEPT
                destination: s3://lab-logs/web-1/
                format: ${version} ${vpc-id} ${srcaddr} ${dstaddr} ${action}
                aggregation-interval: 60
                file-format: parquet
                hive-compatible-partitions: true
                per-hour-partition: true
              - name: spare-log
                resource: spare
                destination: cloudwatch-logs:spare
                role: arn:aws:iam::111111111111:role/custom
                format: default
              - name: partner-log
                resource: partner
                destination: s3://partner-logs
            """);
        FlowLog Log(string name) => loaded.Network.FlowLogs[new FlowLogId(loaded.IdOf(name))];

        var app = Log("app-all");
        Assert.Equal((loaded.IdOf("app"), FlowLogResourceType.Vpc, FlowLogTrafficType.All), (app.ResourceId, app.ResourceType, app.TrafficType));
        Assert.Equal(("lab-logs", "app"), (app.S3Bucket, app.S3Prefix));
        Assert.Equal(FlowLogFormat.Default, app.Format);
        Assert.Equal(600, app.MaxAggregationInterval);
        Assert.Equal("app-all", loaded.Network.NameOf(app.Id.Value)); // tagged with its scenario name

        var web = Log("web-rejects");
        Assert.Equal((loaded.IdOf("web"), FlowLogResourceType.Subnet, FlowLogTrafficType.Reject), (web.ResourceId, web.ResourceType, web.TrafficType));
        Assert.Equal((FlowLogDestinationType.CloudWatchLogs, "web-rejects"), (web.DestinationType, web.LogGroupName));
        Assert.Equal("arn:aws:iam::111111111111:role/flow-logs", web.DeliverLogsPermissionArn); // the default role

        var instance = loaded.Network.Instances[new InstanceId(loaded.IdOf("web-1"))];
        var eth0 = Log("web-1-eth0");
        Assert.Equal((instance.PrimaryNetworkInterface.Value, FlowLogResourceType.NetworkInterface), (eth0.ResourceId, eth0.ResourceType));
        Assert.Equal(3, eth0.Format.Version);
        Assert.Equal(60, eth0.MaxAggregationInterval);
        Assert.Equal(new FlowLogDestinationOptions(FlowLogFileFormat.Parquet, true, true), eth0.DestinationOptions);

        var spare = Log("spare-log");
        Assert.Equal((loaded.IdOf("spare"), "arn:aws:iam::111111111111:role/custom"), (spare.ResourceId, spare.DeliverLogsPermissionArn));
        Assert.Equal(FlowLogFormat.Default, spare.Format);

        // In the resource's own account and Region.
        var partner = Log("partner-log");
        Assert.Equal(("222222222222", "eu-west-1"), (partner.OwnerId.Value, partner.Region));
        Assert.Equal(5, loaded.Network.FlowLogs.Count);
    }

    [Theory]
    // AWS: MaxAggregationInterval is 60 or 600 (InvalidParameter).
    [InlineData("    aggregation-interval: 120\n", "InvalidParameter")]
    // AWS: LogFormat fields must exist (InvalidParameter naming the field).
    [InlineData("    format: ${version} ${nope}\n", "InvalidParameter")]
    // AWS: TrafficType is ACCEPT, REJECT or ALL, case-sensitive (InvalidParameterValue).
    [InlineData("    traffic-type: accept\n", "InvalidParameterValue")]
    // AWS: DeliverLogsPermissionArn does not apply to S3 delivery (InvalidParameter).
    [InlineData("    role: arn:aws:iam::111111111111:role/x\n", "InvalidParameter")]
    // AWS: the folder AWSLogs is reserved.
    [InlineData("    destination: s3://lab-logs/AWSLogs/\n", "InvalidParameter")]
    public void FlowLog_RefusedByCreateFlowLogs_NamesFileLineAndCode(string extraKey, string code)
    {
        var yaml = "flow-logs:\n  - name: bad\n    resource: app\n" + (extraKey.Contains("destination", StringComparison.Ordinal) ? "" : "    destination: s3://lab-logs/\n") + extraKey;
        var message = LoadError(yaml);
        Assert.Contains("fl.yaml:", message, StringComparison.Ordinal);
        Assert.Contains("flow log 'bad'", message, StringComparison.Ordinal);
        Assert.Contains(": " + code + ":", message, StringComparison.Ordinal);
    }

    [Fact]
    public void FlowLog_SameResourceTrafficAndDestinationTwice_FlowLogAlreadyExistsAtTheSecondLine()
    {
        var message = LoadError("""
            flow-logs:
              - { name: one, resource: app, destination: cloudwatch-logs:g }
              - { name: two, resource: app, destination: cloudwatch-logs:g }
            """);
        var lines = World.Split('\n').Length;
        Assert.Contains($"fl.yaml:{lines + 3}: flow log 'two': FlowLogAlreadyExists", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  - { name: x, resource: app, destination: 'bucket/folder' }\n", "must be s3://bucket/folder/ or cloudwatch-logs:GROUP")]
    [InlineData("  - { name: x, resource: nowhere, destination: 's3://b-1' }\n", "'nowhere' is not defined")]
    [InlineData("  - { name: x, resource: app-main, destination: 's3://b-1' }\n", "is not a VPC, subnet, instance or network interface")]
    [InlineData("  - { name: x, resource: app }\n", "needs 'destination'")]
    [InlineData("  - { name: x, resource: app, destination: 's3://b-1', interval: 60 }\n", "unknown key 'interval'")]
    [InlineData("  - { name: app, resource: app, destination: 's3://b-1' }\n", "already used")]
    public void FlowLog_ScenarioMistake_NamesLineAndProblem(string entry, string problem)
    {
        var message = LoadError("flow-logs:\n" + entry);
        Assert.Contains($"fl.yaml:{World.Split('\n').Length + 2}:", message, StringComparison.Ordinal);
        Assert.Contains(problem, message, StringComparison.Ordinal);
    }

    // CreateFlowLogs refuses an S3 bucket that does not exist (AWS: LogDestinationNotFoundException); a scenario's
    // s3:// destination names a bucket of its world: made by the loader, owned by the flow log's account in the
    // Region of the resource it watches, unless buckets: declares it (docs/scenarios.md).
    [Theory]
    [InlineData("", "app", "111111111111", "us-east-1")]
    [InlineData("", "partner", "222222222222", "eu-west-1")]
    [InlineData("buckets:\n  - { name: lab-logs, account: other }\n", "app", "222222222222", "us-east-1")]
    public void FlowLog_S3Bucket_MadeByTheLoaderUnlessDeclared(string buckets, string resource, string owner, string region)
    {
        var loaded = Load($$"""
            flow-logs:
              - { name: log, resource: {{resource}}, destination: 's3://lab-logs/vpc/' }

            """, buckets);
        var bucket = loaded.Network.Buckets["lab-logs"];
        Assert.Equal(owner, bucket.OwnerId.Value);
        Assert.Equal(region, bucket.Region);
        Assert.Null(bucket.Policy);
        Assert.Single(loaded.Network.FlowLogs);
    }

    [Fact]
    public void Workloads_UnknownToTheControlPlane_KeptAsWrittenWithLines()
    {
        var loaded = Load("", """

            workloads:
              - name: browse
                from: web-1
                to: 8.8.8.8
                port: 443
            """);
        var workloads = Assert.IsType<YamlSequenceNode>(loaded.Document.Workloads);
        var first = Assert.IsType<YamlMappingNode>(Assert.Single(workloads.Children));
        Assert.Equal("web-1", ((YamlScalarNode)first.Children[new YamlScalarNode("from")]).Value);
        Assert.Equal(World.Split('\n').Length + 3, (int)first.Start.Line);
    }

    [Fact]
    public void Workloads_Absent_Null_AndOtherUnknownKeysStillRefused()
    {
        Assert.Null(Load("").Document.Workloads);
        var e = Assert.Throws<ScenarioException>(() => Load("workload:\n  - x\n"));
        Assert.Contains("unknown key 'workload'", e.Message, StringComparison.Ordinal);
    }
}
