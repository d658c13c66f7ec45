using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests.FlowLogs;

/// <summary>Shortcuts for flow log tests: valid requests to S3 and to CloudWatch Logs that a test then bends.</summary>
internal static class FlowLogTestKit
{
    public const string Role = "arn:aws:iam::111111111111:role/flow-logs";

    /// <summary>The buckets the tests deliver to: an S3 destination must name an existing bucket (AWS's
    /// LogDestinationNotFoundException otherwise).</summary>
    public static readonly string[] Buckets = ["lab-logs", "other-bucket", "b-1", "b-2", "b-3"];

    /// <summary>A lab whose account owns <see cref="Buckets"/>.</summary>
    public static TestLab FlowLogLab(Ec2Quotas? quotas = null)
    {
        var lab = new TestLab(quotas: quotas);
        foreach (var bucket in Buckets)
            lab.Cp.PutBucket(TestLab.Ctx, bucket, null);
        return lab;
    }

    public static CreateFlowLogsRequest ToS3(string resourceId, string resourceType = "VPC", string traffic = "ALL", string bucket = "arn:aws:s3:::lab-logs/vpc/") => new()
    {
        ResourceIds = [resourceId],
        ResourceType = resourceType,
        TrafficType = traffic,
        LogDestinationType = "s3",
        LogDestination = bucket,
    };

    public static CreateFlowLogsRequest ToCloudWatch(string resourceId, string resourceType = "VPC", string traffic = "ALL", string group = "lab-flow-logs") => new()
    {
        ResourceIds = [resourceId],
        ResourceType = resourceType,
        TrafficType = traffic,
        LogGroupName = group,
        DeliverLogsPermissionArn = Role,
    };

    public static FlowLog Created(TestLab lab, CreateFlowLogsRequest request, RequestContext? ctx = null)
    {
        var result = lab.Cp.CreateFlowLogs(ctx ?? TestLab.Ctx, request);
        Assert.Empty(result.Unsuccessful);
        return lab.N.FlowLogs[Assert.Single(result.FlowLogIds)];
    }

    /// <summary>The one refused resource of a call that must change nothing: same snapshot, same id counter.</summary>
    public static UnsuccessfulItem RefusedAlone(TestLab lab, CreateFlowLogsRequest request, RequestContext? ctx = null)
    {
        var before = lab.N;
        var counter = lab.Cp.IdCounter;
        var result = lab.Cp.CreateFlowLogs(ctx ?? TestLab.Ctx, request);
        Assert.Empty(result.FlowLogIds);
        Assert.Same(before, lab.N);
        Assert.Equal(counter, lab.Cp.IdCounter);
        return Assert.Single(result.Unsuccessful);
    }
}
