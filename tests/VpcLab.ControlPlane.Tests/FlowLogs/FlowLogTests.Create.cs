using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using static VpcLab.ControlPlane.Tests.FlowLogs.FlowLogTestKit;

namespace VpcLab.ControlPlane.Tests.FlowLogs;

/// <summary>CreateFlowLogs (spec flow-logs.md §6): what is stored, request-level refusals (the whole call fails,
/// state unchanged) and per-resource refusals (in Unsuccessful, the rest goes ahead).</summary>
public sealed partial class FlowLogTests
{
    private static readonly RequestContext Other = RequestContext.For("222222222222");
    private static readonly RequestContext West = RequestContext.For("111111111111", "eu-west-1");

    [Fact]
    public void Create_CloudWatchDefaults_AwsDefaultsStored()
    {
        var lab = FlowLogLab();
        var vpc = lab.Vpc();
        var log = Created(lab, new CreateFlowLogsRequest
        {
            ResourceIds = [vpc.Id.Value], ResourceType = "VPC", TrafficType = "REJECT",
            LogGroupName = "my/group", DeliverLogsPermissionArn = Role,
        });
        Assert.StartsWith("fl-", log.Id.Value, StringComparison.Ordinal);
        Assert.True(IdGenerator.IsWellFormed(log.Id.Value, IdPrefixes.FlowLog));
        Assert.Equal(FlowLogDestinationType.CloudWatchLogs, log.DestinationType); // LogDestinationType defaults to cloud-watch-logs
        Assert.Equal("arn:aws:logs:us-east-1:111111111111:log-group:my/group", log.LogDestination);
        Assert.Equal("my/group", log.LogGroupName);
        Assert.Equal(Role, log.DeliverLogsPermissionArn);
        Assert.Equal(FlowLogTrafficType.Reject, log.TrafficType);
        Assert.Equal(FlowLogFormat.DefaultText, log.Format.Text);
        Assert.Equal(600, log.MaxAggregationInterval);
        Assert.Equal(FlowLogDestinationOptions.Default, log.DestinationOptions);
        Assert.Equal(lab.Clock.GetUtcNow(), log.CreationTime);
        Assert.Equal((vpc.Id.Value, FlowLogResourceType.Vpc, "111111111111", "us-east-1"), (log.ResourceId, log.ResourceType, log.OwnerId.Value, log.Region));
        Assert.Equal("SUCCESS", log.DeliverLogsStatus);
    }

    [Fact]
    public void Create_S3WithOptionsFormatTags_AllStored()
    {
        var lab = FlowLogLab();
        var eni = lab.Eni(lab.Subnet(lab.Vpc()));
        const string format = "${version} ${vpc-id} ${flow-direction} ${traffic-path}";
        var log = Created(lab, ToS3(eni.Id.Value, "NetworkInterface", "ACCEPT") with
        {
            LogFormat = format,
            MaxAggregationInterval = 60,
            DestinationOptions = new DestinationOptionsRequest { FileFormat = "parquet", HiveCompatiblePartitions = true, PerHourPartition = true },
            TagSpecifications = [new TagSpecification(Ec2ControlPlane.VpcFlowLogResourceType, new Tag("Name", "eni-log"), new Tag("team", "net"))],
        });
        Assert.Equal(FlowLogDestinationType.S3, log.DestinationType);
        Assert.Equal(("lab-logs", "vpc"), (log.S3Bucket, log.S3Prefix));
        Assert.Null(log.LogGroupName);
        Assert.Equal(format, log.Format.Text);
        Assert.Equal(5, log.Format.Version);
        Assert.Equal(60, log.MaxAggregationInterval);
        Assert.Equal(new FlowLogDestinationOptions(FlowLogFileFormat.Parquet, true, true), log.DestinationOptions);
        Assert.Equal("eni-log", lab.N.TagsOf(log.Id.Value).Name);
        Assert.Equal("net", lab.N.TagsOf(log.Id.Value).Items["team"]);
    }

    [Fact]
    public void Create_CloudWatchByArn_GroupNameTakenFromArn()
    {
        var lab = FlowLogLab();
        var subnet = lab.Subnet(lab.Vpc());
        var log = Created(lab, new CreateFlowLogsRequest
        {
            ResourceIds = [subnet.Id.Value], ResourceType = "Subnet", TrafficType = "ALL", LogDestinationType = "cloud-watch-logs",
            LogDestination = "arn:aws:logs:us-east-1:111111111111:log-group:by-arn:*", DeliverLogsPermissionArn = Role,
        });
        Assert.Equal("by-arn", log.LogGroupName);
        Assert.Equal("arn:aws:logs:us-east-1:111111111111:log-group:by-arn", log.LogDestination);
    }

    /// <summary>Request-level rules: each makes the whole call fail with AWS's code, and nothing changes.</summary>
    public static TheoryData<string, string> RequestErrors => new()
    {
        { "ResourceIds missing", "MissingParameter" },
        { "more than 300 ResourceIds", "InvalidParameter" },
        { "ResourceType missing", "MissingParameter" },
        { "ResourceType is case-sensitive", "InvalidParameterValue" },
        { "ResourceType TransitGateway is out of scope", "InvalidParameter" },
        { "ResourceType TransitGatewayAttachment is out of scope", "InvalidParameter" },
        { "TrafficType missing", "MissingParameter" },
        { "TrafficType not ACCEPT|REJECT|ALL", "InvalidParameterValue" },
        { "LogDestinationType unknown", "InvalidParameterValue" },
        { "no destination at all", "InvalidParameter" },
        { "s3 without LogDestination", "InvalidParameter" },
        { "s3 with LogGroupName", "InvalidParameter" },
        { "s3 with DeliverLogsPermissionArn", "InvalidParameter" },
        { "s3 destination not an S3 ARN", "InvalidParameter" },
        { "s3 bucket name invalid", "InvalidParameter" },
        { "s3 bucket name an IP address", "InvalidParameter" },
        { "s3 bucket name with a reserved suffix", "InvalidParameter" },
        { "s3 folder AWSLogs is reserved", "InvalidParameter" },
        { "s3 nested folder AWSLogs is reserved", "InvalidParameter" },
        { "cloud-watch-logs without role", "InvalidParameter" },
        { "cloud-watch-logs role not an IAM role ARN", "InvalidParameter" },
        { "cloud-watch-logs with both LogGroupName and LogDestination", "InvalidParameter" },
        { "cloud-watch-logs LogDestination not a log group ARN", "InvalidParameter" },
        { "cloud-watch-logs LogGroupName with a space", "InvalidParameter" },
        { "LogFormat with an unknown field", "InvalidParameter" },
        { "LogFormat with a transit gateway field", "InvalidParameter" },
        { "LogFormat not ${field} tokens", "InvalidParameter" },
        { "LogFormat empty", "InvalidParameter" },
        { "MaxAggregationInterval 300", "InvalidParameter" },
        { "MaxAggregationInterval 0", "InvalidParameter" },
        { "DestinationOptions with cloud-watch-logs", "InvalidParameter" },
        { "DestinationOptions.FileFormat unknown", "InvalidParameterValue" },
        { "TagSpecification of another resource type", "InvalidParameterValue" },
    };

    private static CreateFlowLogsRequest Bend(string rule, string vpc) => rule switch
    {
        "ResourceIds missing" => ToS3(vpc) with { ResourceIds = null },
        "more than 300 ResourceIds" => ToS3(vpc) with { ResourceIds = [.. Enumerable.Repeat(vpc, 301)] },
        "ResourceType missing" => ToS3(vpc) with { ResourceType = null },
        "ResourceType is case-sensitive" => ToS3(vpc) with { ResourceType = "vpc" },
        "ResourceType TransitGateway is out of scope" => ToS3(vpc) with { ResourceType = "TransitGateway" },
        "ResourceType TransitGatewayAttachment is out of scope" => ToS3(vpc) with { ResourceType = "TransitGatewayAttachment" },
        "TrafficType missing" => ToS3(vpc) with { TrafficType = null },
        "TrafficType not ACCEPT|REJECT|ALL" => ToS3(vpc) with { TrafficType = "all" },
        "LogDestinationType unknown" => ToS3(vpc) with { LogDestinationType = "sqs" },
        "no destination at all" => ToCloudWatch(vpc) with { LogGroupName = null },
        "s3 without LogDestination" => ToS3(vpc) with { LogDestination = null },
        "s3 with LogGroupName" => ToS3(vpc) with { LogGroupName = "g" },
        "s3 with DeliverLogsPermissionArn" => ToS3(vpc) with { DeliverLogsPermissionArn = Role },
        "s3 destination not an S3 ARN" => ToS3(vpc, bucket: "s3://lab-logs/vpc/"),
        "s3 bucket name invalid" => ToS3(vpc, bucket: "arn:aws:s3:::Lab_Logs"),
        "s3 bucket name an IP address" => ToS3(vpc, bucket: "arn:aws:s3:::192.168.5.4/vpc/"),
        "s3 bucket name with a reserved suffix" => ToS3(vpc, bucket: "arn:aws:s3:::lab-logs-s3alias"),
        "s3 folder AWSLogs is reserved" => ToS3(vpc, bucket: "arn:aws:s3:::lab-logs/AWSLogs/"),
        "s3 nested folder AWSLogs is reserved" => ToS3(vpc, bucket: "arn:aws:s3:::lab-logs/a/AWSLogs/"),
        "cloud-watch-logs without role" => ToCloudWatch(vpc) with { DeliverLogsPermissionArn = null },
        "cloud-watch-logs role not an IAM role ARN" => ToCloudWatch(vpc) with { DeliverLogsPermissionArn = "flow-logs" },
        "cloud-watch-logs with both LogGroupName and LogDestination" => ToCloudWatch(vpc) with { LogDestination = "arn:aws:logs:us-east-1:111111111111:log-group:x" },
        "cloud-watch-logs LogDestination not a log group ARN" => ToCloudWatch(vpc) with { LogGroupName = null, LogDestination = "arn:aws:s3:::lab-logs" },
        "cloud-watch-logs LogGroupName with a space" => ToCloudWatch(vpc, group: "my group"),
        "LogFormat with an unknown field" => ToS3(vpc) with { LogFormat = "${version} ${no-such-field}" },
        "LogFormat with a transit gateway field" => ToS3(vpc) with { LogFormat = "${version} ${tgw-id}" },
        "LogFormat not ${field} tokens" => ToS3(vpc) with { LogFormat = "version srcaddr" },
        "LogFormat empty" => ToS3(vpc) with { LogFormat = "" },
        "MaxAggregationInterval 300" => ToS3(vpc) with { MaxAggregationInterval = 300 },
        "MaxAggregationInterval 0" => ToS3(vpc) with { MaxAggregationInterval = 0 },
        "DestinationOptions with cloud-watch-logs" => ToCloudWatch(vpc) with { DestinationOptions = new DestinationOptionsRequest { FileFormat = "parquet" } },
        "DestinationOptions.FileFormat unknown" => ToS3(vpc) with { DestinationOptions = new DestinationOptionsRequest { FileFormat = "csv" } },
        "TagSpecification of another resource type" => ToS3(vpc) with { TagSpecifications = TagSpecification.Named("vpc", "x") },
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };

    [Theory]
    [MemberData(nameof(RequestErrors))]
    public void Create_RequestLevelRule_WholeCallFailsStateUnchanged(string rule, string code)
    {
        var lab = FlowLogLab();
        var vpc = lab.Vpc();
        Created(lab, ToCloudWatch(vpc.Id.Value, group: "already-there")); // the state that must survive
        var error = lab.FailsWith(code, () => lab.Cp.CreateFlowLogs(TestLab.Ctx, Bend(rule, vpc.Id.Value)));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.Single(lab.N.FlowLogs);
    }

    [Theory]
    [InlineData("${version} ${no-such-field}", "no-such-field")]
    [InlineData("${version} ${tgw-id}", "tgw-id")]
    public void Create_BadLogFormat_MessageNamesTheField(string format, string field)
    {
        var lab = FlowLogLab();
        var vpc = lab.Vpc();
        var error = lab.Fails(Ec2Errors.InvalidParameterCode, () => lab.Cp.CreateFlowLogs(TestLab.Ctx, ToS3(vpc.Id.Value) with { LogFormat = format }));
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Per-resource rules: the resource's own NotFound code when it is not the caller's in the caller's
    /// Region (another account's peer VPC included), or when the id is of another kind than ResourceType.</summary>
    [Theory]
    [InlineData("VPC", "unknown", "InvalidVpcID.NotFound")]
    [InlineData("VPC", "other-account", "InvalidVpcID.NotFound")]
    [InlineData("VPC", "other-region", "InvalidVpcID.NotFound")]
    [InlineData("VPC", "subnet-id", "InvalidVpcID.NotFound")]
    [InlineData("Subnet", "unknown", "InvalidSubnetID.NotFound")]
    [InlineData("Subnet", "other-account", "InvalidSubnetID.NotFound")]
    [InlineData("NetworkInterface", "unknown", "InvalidNetworkInterfaceID.NotFound")]
    [InlineData("NetworkInterface", "other-region", "InvalidNetworkInterfaceID.NotFound")]
    [InlineData("NetworkInterface", "malformed", "InvalidNetworkInterfaceID.NotFound")]
    public void Create_ResourceNotTheCallers_RefusedInUnsuccessful(string type, string which, string code)
    {
        var lab = FlowLogLab();
        var mine = lab.Subnet(lab.Vpc());
        RequestContext? elsewhere = which switch { "other-account" => Other, "other-region" => West, _ => null };
        string id;
        if (elsewhere is not null)
        {
            var vpc = lab.Vpc("10.9.0.0/16", ctx: elsewhere);
            var zone = elsewhere.Region + "a";
            var subnet = lab.Cp.CreateSubnet(elsewhere, new CreateSubnetRequest { VpcId = vpc.Id.Value, CidrBlock = "10.9.1.0/24", AvailabilityZone = zone }).Subnet;
            var eni = lab.Cp.CreateNetworkInterface(elsewhere, new CreateNetworkInterfaceRequest { SubnetId = subnet.Id.Value }).NetworkInterface;
            id = type switch { "VPC" => vpc.Id.Value, "Subnet" => subnet.Id.Value, _ => eni.Id.Value };
        }
        else
        {
            id = which switch
            {
                "unknown" => type switch { "VPC" => "vpc-0123456789abcdef0", "Subnet" => "subnet-0123456789abcdef0", _ => "eni-0123456789abcdef0" },
                "subnet-id" => mine.Id.Value,
                _ => "eni-nope",
            };
        }
        var refused = RefusedAlone(lab, ToS3(id, type));
        Assert.Equal((id, code), (refused.ResourceId, refused.Code));
        Assert.Contains(id, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SomeResourcesUnknown_OthersCreated()
    {
        var lab = FlowLogLab();
        var a = lab.Vpc();
        var b = lab.Vpc("10.1.0.0/16");
        var result = lab.Cp.CreateFlowLogs(TestLab.Ctx, ToS3(a.Id.Value) with { ResourceIds = [a.Id.Value, "vpc-0123456789abcdef0", b.Id.Value, a.Id.Value] });
        Assert.Equal(2, result.FlowLogIds.Count); // a repeated id counts once
        Assert.Equal(new[] { a.Id.Value, b.Id.Value }, result.FlowLogIds.Select(id => lab.N.FlowLogs[id].ResourceId));
        Assert.Equal("InvalidVpcID.NotFound", Assert.Single(result.Unsuccessful).Code);
    }

    // AWS: FlowLogAlreadyExists for the same resource, traffic type and log destination (format and interval
    // do not make it different); another traffic type or destination is a new flow log.
    [Theory]
    [InlineData("ALL", "arn:aws:s3:::lab-logs/vpc/", true)]
    [InlineData("ALL", "arn:aws:s3:::lab-logs/vpc", true)] // the same folder, without the trailing slash
    [InlineData("REJECT", "arn:aws:s3:::lab-logs/vpc/", false)]
    [InlineData("ALL", "arn:aws:s3:::lab-logs/other/", false)]
    [InlineData("ALL", "arn:aws:s3:::lab-logs", false)]
    [InlineData("ALL", "arn:aws:s3:::other-bucket/vpc/", false)]
    public void Create_SameResourceTrafficAndDestination_FlowLogAlreadyExists(string traffic, string destination, bool duplicate)
    {
        var lab = FlowLogLab();
        var vpc = lab.Vpc();
        Created(lab, ToS3(vpc.Id.Value));
        var again = ToS3(vpc.Id.Value, traffic: traffic, bucket: destination) with { LogFormat = "${version} ${srcaddr}", MaxAggregationInterval = 60 };
        if (duplicate)
        {
            var refused = RefusedAlone(lab, again);
            Assert.Equal(FlowLogErrors.FlowLogAlreadyExistsCode.Code, refused.Code);
            Assert.Equal("Error. There is an existing Flow Log with the same configuration and log destination.", refused.Message);
        }
        else
        {
            Created(lab, again);
            Assert.Equal(2, lab.N.FlowLogs.Count);
        }
    }

    [Fact]
    public void Create_SameGroupByNameOrArn_FlowLogAlreadyExists()
    {
        var lab = FlowLogLab();
        var vpc = lab.Vpc();
        Created(lab, ToCloudWatch(vpc.Id.Value, group: "g"));
        var refused = RefusedAlone(lab, ToCloudWatch(vpc.Id.Value) with { LogGroupName = null, LogDestination = "arn:aws:logs:us-east-1:111111111111:log-group:g" });
        Assert.Equal("FlowLogAlreadyExists", refused.Code);
    }

    // AWS (VPC User Guide, flow-logs-s3-create-flow-log and flow-logs-troubleshooting): an S3 destination is "the ARN
    // of an existing Amazon S3 bucket"; a bucket that cannot be found is LogDestinationNotFoundException, answered per
    // resource in Unsuccessful with nothing created. Another account's bucket exists (delivery across accounts is the
    // bucket policy's question); a bucket deleted since is missing again; CloudWatch Logs groups are made on delivery.
    [Theory]
    [InlineData("no such bucket", "arn:aws:s3:::no-such-bucket", "no-such-bucket")]
    [InlineData("no such bucket, with a folder", "arn:aws:s3:::no-such-bucket/vpc/", "no-such-bucket")]
    [InlineData("bucket deleted", "arn:aws:s3:::gone-bucket/", "gone-bucket")]
    [InlineData("another account's bucket", "arn:aws:s3:::their-bucket/vpc/", null)]
    [InlineData("the caller's bucket", "arn:aws:s3:::lab-logs/", null)]
    [InlineData("CloudWatch Logs group not yet made", "", null)]
    public void Create_S3BucketMustExist_LogDestinationNotFoundPerResource(string rule, string destination, string? missing)
    {
        var lab = FlowLogLab();
        var a = lab.Vpc();
        var b = lab.Vpc("10.1.0.0/16");
        var other = new RequestContext(new AccountId("222222222222"), "us-east-1");
        lab.Cp.PutBucket(other, "their-bucket", null);
        lab.Cp.PutBucket(TestLab.Ctx, "gone-bucket", null);
        lab.Cp.DeleteBucket(TestLab.Ctx, "gone-bucket");
        var request = (destination == "" ? ToCloudWatch(a.Id.Value, group: "new-group") : ToS3(a.Id.Value, bucket: destination))
            with { ResourceIds = [a.Id.Value, b.Id.Value] };
        var before = lab.N;
        var result = lab.Cp.CreateFlowLogs(TestLab.Ctx, request);
        if (missing is null)
        {
            Assert.True(result.Unsuccessful.Count == 0, rule);
            Assert.Equal(2, result.FlowLogIds.Count);
            return;
        }
        Assert.Empty(result.FlowLogIds);
        Assert.Same(before, lab.N);
        Assert.Equal([a.Id.Value, b.Id.Value], result.Unsuccessful.Select(u => u.ResourceId));
        Assert.All(result.Unsuccessful, u =>
        {
            Assert.Equal("LogDestinationNotFoundException", u.Code);
            Assert.Equal($"LogDestination: {missing} does not exist.", u.Message);
        });
    }

    // AWS quota: 25 flow logs per VPC, subnet or interface (Ec2Quotas.FlowLogsPerResource).
    [Fact]
    public void Create_ResourceAtQuota_FlowLogsLimitExceeded()
    {
        var lab = FlowLogLab(quotas: Ec2Quotas.AwsDefaults with { FlowLogsPerResource = 2 });
        var vpc = lab.Vpc();
        var other = lab.Vpc("10.1.0.0/16");
        Created(lab, ToS3(vpc.Id.Value, bucket: "arn:aws:s3:::b-1"));
        Created(lab, ToS3(vpc.Id.Value, bucket: "arn:aws:s3:::b-2"));
        var refused = RefusedAlone(lab, ToS3(vpc.Id.Value, bucket: "arn:aws:s3:::b-3"));
        Assert.Equal(FlowLogErrors.FlowLogsLimitExceededCode.Code, refused.Code);
        Created(lab, ToS3(other.Id.Value, bucket: "arn:aws:s3:::b-3")); // per resource, not per account
        Assert.Equal(25, Ec2Quotas.AwsDefaults.FlowLogsPerResource);
    }

    [Fact]
    public void Create_DryRun_DryRunOperationAndNothingCreated()
    {
        var lab = FlowLogLab();
        var vpc = lab.Vpc();
        lab.Fails(Ec2Errors.DryRunOperationCode, () => lab.Cp.CreateFlowLogs(TestLab.Ctx, ToS3(vpc.Id.Value) with { DryRun = true }));
    }

    // AWS idempotency: the same ClientToken and parameters answer the first result; other parameters are refused.
    [Fact]
    public void Create_ClientToken_IdempotentAndMismatchRefused()
    {
        var lab = FlowLogLab();
        var vpc = lab.Vpc();
        var request = ToS3(vpc.Id.Value) with { ClientToken = "token-1" };
        var first = lab.Cp.CreateFlowLogs(TestLab.Ctx, request);
        var second = lab.Cp.CreateFlowLogs(TestLab.Ctx, request);
        Assert.Equal("token-1", first.ClientToken);
        Assert.Equal(first.FlowLogIds, second.FlowLogIds);
        Assert.Single(lab.N.FlowLogs);
        lab.Fails(Ec2Errors.IdempotentParameterMismatchCode, () => lab.Cp.CreateFlowLogs(TestLab.Ctx, request with { TrafficType = "ACCEPT" }));
    }
}
