using Amazon.EC2;
using Amazon.EC2.Model;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>Flow logs through the real SDK (spec flow-logs.md §6): S3 and CloudWatch Logs destinations, describe
/// with filters and pages, delete, and the errors as the SDK sees them (request-level ones as exceptions,
/// per-resource ones in Unsuccessful).</summary>
public sealed partial class Ec2SdkTests
{
    private const string FlowLogsRole = "arn:aws:iam::111111111111:role/flow-logs";

    private static CreateFlowLogsRequest FlowLogToS3(string resourceId, string folder = "vpc/") => new()
    {
        ResourceIds = [resourceId],
        ResourceType = FlowLogsResourceType.VPC,
        TrafficType = TrafficType.ALL,
        LogDestinationType = LogDestinationType.S3,
        LogDestination = $"arn:aws:s3:::lab-flow-logs/{folder}",
    };

    /// <summary>The bucket <see cref="FlowLogToS3"/> delivers to, made through the server's S3 API: CreateFlowLogs
    /// refuses a bucket that does not exist.</summary>
    private async Task FlowLogBucket()
    {
        using var s3 = S3.S3SdkTests.Client(_server.Url);
        await s3.PutBucketAsync("lab-flow-logs", Ct);
    }

    /// <summary>SDK requests are classes, not records: change one and hand it on.</summary>
    private static CreateFlowLogsRequest Bent(CreateFlowLogsRequest request, Action<CreateFlowLogsRequest> change)
    {
        change(request);
        return request;
    }

    [Fact]
    public async Task FlowLogs_S3AndCloudWatch_CreateDescribeDelete()
    {
        var vpc = await NewVpc("10.60.0.0/16");
        var subnet = await NewSubnet(vpc.VpcId, "10.60.1.0/24");
        var format = "${version} ${vpc-id} ${srcaddr} ${dstaddr} ${action} ${flow-direction}";
        await FlowLogBucket();

        var s3 = await _ec2.CreateFlowLogsAsync(FlowLogToS3(vpc.VpcId), Ct);
        var s3Parquet = await _ec2.CreateFlowLogsAsync(new CreateFlowLogsRequest
        {
            ResourceIds = [subnet.SubnetId],
            ResourceType = FlowLogsResourceType.Subnet,
            TrafficType = TrafficType.REJECT,
            LogDestinationType = LogDestinationType.S3,
            LogDestination = "arn:aws:s3:::lab-flow-logs/subnet/",
            LogFormat = format,
            MaxAggregationInterval = 60,
            DestinationOptions = new DestinationOptionsRequest { FileFormat = DestinationFileFormat.Parquet, HiveCompatiblePartitions = true, PerHourPartition = true },
            TagSpecifications = Named(ResourceType.VpcFlowLog, "subnet-rejects"),
        }, Ct);
        var cwl = await _ec2.CreateFlowLogsAsync(new CreateFlowLogsRequest
        {
            ResourceIds = [vpc.VpcId],
            ResourceType = FlowLogsResourceType.VPC,
            TrafficType = TrafficType.ACCEPT,
            LogGroupName = "lab/accepted",
            DeliverLogsPermissionArn = FlowLogsRole,
            ClientToken = "fl-token-1",
        }, Ct);
        Assert.Empty(s3.Unsuccessful);
        Assert.Equal("fl-token-1", cwl.ClientToken);
        var s3Id = Assert.Single(s3.FlowLogIds);
        var parquetId = Assert.Single(s3Parquet.FlowLogIds);
        var cwlId = Assert.Single(cwl.FlowLogIds);
        Assert.Matches("^fl-[0-9a-f]{17}$", s3Id);

        var all = (await _ec2.DescribeFlowLogsAsync(new DescribeFlowLogsRequest(), Ct)).FlowLogs.ToDictionary(f => f.FlowLogId);
        Assert.Equal(3, all.Count);
        var plain = all[s3Id];
        Assert.Equal((vpc.VpcId, "ACTIVE", "SUCCESS"), (plain.ResourceId, plain.FlowLogStatus, plain.DeliverLogsStatus));
        Assert.Equal(LogDestinationType.S3, plain.LogDestinationType);
        Assert.Equal("arn:aws:s3:::lab-flow-logs/vpc/", plain.LogDestination);
        Assert.Equal(VpcLab.Model.FlowLogFormat.DefaultText, plain.LogFormat); // always present, the default when none given
        Assert.Equal(600, plain.MaxAggregationInterval);
        Assert.Equal(DestinationFileFormat.PlainText, plain.DestinationOptions.FileFormat);
        Assert.False(plain.DestinationOptions.HiveCompatiblePartitions);
        Assert.True(plain.CreationTime > new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var parquet = all[parquetId];
        Assert.Equal(TrafficType.REJECT, parquet.TrafficType);
        Assert.Equal(format, parquet.LogFormat);
        Assert.Equal(60, parquet.MaxAggregationInterval);
        Assert.Equal(DestinationFileFormat.Parquet, parquet.DestinationOptions.FileFormat);
        Assert.True(parquet.DestinationOptions.HiveCompatiblePartitions);
        Assert.True(parquet.DestinationOptions.PerHourPartition);
        Assert.Equal("subnet-rejects", Assert.Single(parquet.Tags).Value);

        var toLogs = all[cwlId];
        Assert.Equal(LogDestinationType.CloudWatchLogs, toLogs.LogDestinationType);
        Assert.Equal("lab/accepted", toLogs.LogGroupName);
        Assert.Equal("arn:aws:logs:us-east-1:111111111111:log-group:lab/accepted", toLogs.LogDestination);
        Assert.Equal(FlowLogsRole, toLogs.DeliverLogsPermissionArn);

        async Task<List<string>> Ids(params Filter[] filters) =>
            [.. (await _ec2.DescribeFlowLogsAsync(new DescribeFlowLogsRequest { Filter = [.. filters] }, Ct)).FlowLogs.Select(f => f.FlowLogId).Order(StringComparer.Ordinal)];
        Assert.Equal([cwlId], await Ids(new Filter("log-destination-type", ["cloud-watch-logs"])));
        Assert.Equal(new[] { s3Id, cwlId }.Order(StringComparer.Ordinal), await Ids(new Filter("resource-id", [vpc.VpcId])));
        Assert.Equal([parquetId], await Ids(new Filter("traffic-type", ["REJECT"])));
        Assert.Equal([cwlId], await Ids(new Filter("log-group-name", ["lab/*"])));
        Assert.Equal([parquetId], await Ids(new Filter("tag:Name", ["subnet-rejects"])));
        Assert.Equal([s3Id], await Ids(new Filter("flow-log-id", [s3Id])));
        Assert.Equal(3, (await Ids(new Filter("deliver-log-status", ["SUCCESS"]))).Count);

        // Pages: MaxResults 2 then the NextToken.
        var first = await _ec2.DescribeFlowLogsAsync(new DescribeFlowLogsRequest { MaxResults = 2 }, Ct);
        Assert.Equal(2, first.FlowLogs.Count);
        Assert.False(string.IsNullOrEmpty(first.NextToken));
        var rest = await _ec2.DescribeFlowLogsAsync(new DescribeFlowLogsRequest { MaxResults = 2, NextToken = first.NextToken }, Ct);
        Assert.Single(rest.FlowLogs);
        Assert.Equal(all.Keys.Order(StringComparer.Ordinal), first.FlowLogs.Concat(rest.FlowLogs).Select(f => f.FlowLogId));

        // Delete: an unknown id is refused alone, in Unsuccessful; the known one goes.
        var deleted = await _ec2.DeleteFlowLogsAsync(new DeleteFlowLogsRequest { FlowLogIds = [s3Id, "fl-0123456789abcdef0"] }, Ct);
        var refused = Assert.Single(deleted.Unsuccessful);
        Assert.Equal(("fl-0123456789abcdef0", "InvalidFlowLogId.NotFound"), (refused.ResourceId, refused.Error.Code));
        Assert.Equal(new[] { parquetId, cwlId }.Order(StringComparer.Ordinal), await Ids());

        // The subnet's flow log goes with the subnet.
        await _ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = subnet.SubnetId }, Ct);
        Assert.Equal([cwlId], await Ids());
    }

    [Fact]
    public async Task FlowLogs_Errors_AsTheSdkSeesThem()
    {
        var vpc = await NewVpc("10.61.0.0/16");

        // AWS (VPC User Guide, flow-logs-troubleshooting): a bucket that does not exist is LogDestinationNotFoundException,
        // per resource in Unsuccessful; nothing is created.
        var noBucket = await _ec2.CreateFlowLogsAsync(FlowLogToS3(vpc.VpcId), Ct);
        Assert.Empty(noBucket.FlowLogIds);
        var missing = Assert.Single(noBucket.Unsuccessful);
        Assert.Equal((vpc.VpcId, "LogDestinationNotFoundException", "LogDestination: lab-flow-logs does not exist."),
            (missing.ResourceId, missing.Error.Code, missing.Error.Message));

        await FlowLogBucket();
        Assert.Empty((await _ec2.CreateFlowLogsAsync(FlowLogToS3(vpc.VpcId), Ct)).Unsuccessful);

        // Per resource: a duplicate and an unknown VPC answer 200 with Unsuccessful items.
        var partial = await _ec2.CreateFlowLogsAsync(Bent(FlowLogToS3(vpc.VpcId), r => r.ResourceIds = [vpc.VpcId, "vpc-0123456789abcdef0"]), Ct);
        Assert.Empty(partial.FlowLogIds);
        var byResource = partial.Unsuccessful.ToDictionary(u => u.ResourceId, u => u.Error);
        Assert.Equal("FlowLogAlreadyExists", byResource[vpc.VpcId].Code);
        Assert.Equal("Error. There is an existing Flow Log with the same configuration and log destination.", byResource[vpc.VpcId].Message);
        Assert.Equal("InvalidVpcID.NotFound", byResource["vpc-0123456789abcdef0"].Code);

        // Request level: the whole call fails with AWS's code.
        var badFormat = await Fails(() => _ec2.CreateFlowLogsAsync(Bent(FlowLogToS3(vpc.VpcId, "f/"), r => r.LogFormat = "${version} ${no-such-field}"), Ct));
        Assert.Equal(("InvalidParameter", System.Net.HttpStatusCode.BadRequest), (badFormat.ErrorCode, badFormat.StatusCode));
        Assert.Contains("no-such-field", badFormat.Message, StringComparison.Ordinal);

        var noDestination = await Fails(() => _ec2.CreateFlowLogsAsync(new CreateFlowLogsRequest
        {
            ResourceIds = [vpc.VpcId], ResourceType = FlowLogsResourceType.VPC, TrafficType = TrafficType.ALL, DeliverLogsPermissionArn = FlowLogsRole,
        }, Ct));
        Assert.Equal("InvalidParameter", noDestination.ErrorCode);
        Assert.Equal("LogDestination can't be empty if LogGroupName is not provided.", noDestination.Message);

        var interval = await Fails(() => _ec2.CreateFlowLogsAsync(Bent(FlowLogToS3(vpc.VpcId, "i/"), r => r.MaxAggregationInterval = 120), Ct));
        Assert.Equal("InvalidParameter", interval.ErrorCode);

        var noRole = await Fails(() => _ec2.CreateFlowLogsAsync(new CreateFlowLogsRequest
        {
            ResourceIds = [vpc.VpcId], ResourceType = FlowLogsResourceType.VPC, TrafficType = TrafficType.ALL, LogGroupName = "g",
        }, Ct));
        Assert.Equal("InvalidParameter", noRole.ErrorCode);

        var reserved = await Fails(() => _ec2.CreateFlowLogsAsync(FlowLogToS3(vpc.VpcId, "AWSLogs/"), Ct));
        Assert.Equal("InvalidParameter", reserved.ErrorCode);

        var transitGateway = await Fails(() => _ec2.CreateFlowLogsAsync(Bent(FlowLogToS3("tgw-0123456789abcdef0"), r => r.ResourceType = FlowLogsResourceType.TransitGateway), Ct));
        Assert.Equal("InvalidParameter", transitGateway.ErrorCode);

        Assert.Single((await _ec2.DescribeFlowLogsAsync(new DescribeFlowLogsRequest(), Ct)).FlowLogs); // nothing else was created
        var noIds = await Fails(() => _ec2.DeleteFlowLogsAsync(new DeleteFlowLogsRequest(), Ct));
        Assert.Equal("MissingParameter", noIds.ErrorCode);
    }
}
