using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Persistence;
using VpcLab.Server.Persistence;

namespace VpcLab.Server.Tests.Hosting;

/// <summary>AWS: a flow log's S3 destination must be an existing bucket (LogDestinationNotFoundException,
/// docs/semantics.md#flow-log-resources). The check came after logs that hold a flow log to a bucket never made; such
/// a flow log was acknowledged, so the replay keeps it, while a new one after the start is refused.</summary>
public sealed class FlowLogBucketReplayTests
{
    private static readonly RequestContext Ctx = RequestContext.Default;

    private static JsonObject FlowLogTo(string vpc, string bucket) => new()
    {
        ["ResourceIds"] = new JsonArray(vpc),
        ["ResourceType"] = "VPC",
        ["TrafficType"] = "ALL",
        ["LogDestinationType"] = "s3",
        ["LogDestination"] = $"arn:aws:s3:::{bucket}",
    };

    [Fact]
    public void Reopen_LogWithFlowLogToBucketNeverMade_FlowLogKeptNewOneRefused()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"vpclab-flowlog-replay-{Guid.NewGuid():N}");
        string vpc;
        using (var state = ServerState.Open(dir, defaultVpcs: false))
        {
            state.Execute(Ctx, "CreateVpc", new JsonObject { ["CidrBlock"] = "10.5.0.0/16" });
            vpc = state.ControlPlane.Network.Vpcs.Keys.Single().Value;
            state.Execute(Ctx, BucketLogOperations.CreateBucket, BucketLogOperations.Parameters("flows", "us-east-1"));
            var created = state.Execute(Ctx, "CreateFlowLogs", FlowLogTo(vpc, "flows"))!;
            Assert.Single(created["FlowLogIds"]!.AsArray());
        }
        // The log as a build before the check wrote it: the flow log, but no bucket.
        using (var log = OperationLog.Open(dir))
        {
            var kept = log.ReadAll().Where(r => r.Operation != BucketLogOperations.CreateBucket)
                .Select(r => new LogRecord(r.Time, r.Account, r.Region, r.Operation, r.Parameters)).ToList();
            Assert.Equal(2, kept.Count);
            log.Clear();
            log.AppendBatch(kept);
        }

        using var reopened = ServerState.Open(dir, defaultVpcs: false);
        Assert.Equal(2, reopened.Replayed);
        Assert.Empty(reopened.ControlPlane.Network.Buckets);
        Assert.Equal("arn:aws:s3:::flows", Assert.Single(reopened.ControlPlane.Network.FlowLogs.Values).LogDestination);
        Assert.False(reopened.ControlPlane.Replaying);
        var refused = reopened.Execute(Ctx, "CreateFlowLogs", FlowLogTo(vpc, "gone"))!;
        Assert.Empty(refused["FlowLogIds"]?.AsArray() ?? []);
        Assert.Equal("LogDestinationNotFoundException", (string?)refused["Unsuccessful"]![0]!["Error"]!["Code"]);
        Directory.Delete(dir, recursive: true);
    }
}
