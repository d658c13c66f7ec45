using System.Text.Json.Nodes;
using VpcLab.Server.Hosting;

namespace VpcLab.Server.Tests.Logs;

/// <summary>CloudWatch Logs' JSON 1.1 protocol driven by the real AWS CLI v2 against the real server (127.0.0.1,
/// random port, in memory): create, put, describe, get, filter, and AWS's JSON errors.</summary>
public sealed class LogsCliTests : IAsyncLifetime
{
    private VpcLabServer _server = null!;

    public async ValueTask InitializeAsync() =>
        _server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = null }, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private Task<JsonObject> Ok(params string[] args) => AwsCli.OkAsync(_server.Url, ["logs", .. args]);

    private Task<string> Fails(params string[] args) => AwsCli.FailsAsync(_server.Url, ["logs", .. args]);

    private static void RequireCli()
    {
        Assert.SkipUnless(AwsCli.Available, "AWS CLI v2 (/usr/bin/aws) is not installed.");
    }

    [Fact]
    public async Task LogsApi_ThroughAwsCliV2_CreatePutDescribeGetFilter()
    {
        RequireCli();
        await Ok("create-log-group", "--log-group-name", "/vpc/flow-logs");
        await Ok("create-log-stream", "--log-group-name", "/vpc/flow-logs", "--log-stream-name", "eni-0a1-all");
        var put = await Ok("put-log-events", "--log-group-name", "/vpc/flow-logs", "--log-stream-name", "eni-0a1-all", "--log-events",
            "timestamp=1700000000000,message=\"2 111111111111 eni-0a1 10.0.1.5 10.0.2.7 49152 22 6 1 40 1700000000 1700000060 REJECT OK\"",
            "timestamp=1700000060000,message=\"2 111111111111 eni-0a1 10.0.1.5 10.0.2.7 49153 443 6 9 900 1700000060 1700000120 ACCEPT OK\"");
        Assert.NotNull(put["nextSequenceToken"]);

        var groups = await Ok("describe-log-groups", "--log-group-name-prefix", "/vpc/");
        var group = Assert.Single(groups["logGroups"]!.AsArray())!;
        Assert.Equal("/vpc/flow-logs", (string?)group["logGroupName"]);
        Assert.Equal("arn:aws:logs:us-east-1:111111111111:log-group:/vpc/flow-logs:*", (string?)group["arn"]);

        var streams = await Ok("describe-log-streams", "--log-group-name", "/vpc/flow-logs", "--order-by", "LastEventTime", "--descending");
        var stream = Assert.Single(streams["logStreams"]!.AsArray())!;
        Assert.Equal(1_700_000_000_000, (long)stream["firstEventTimestamp"]!);
        Assert.Equal(1_700_000_060_000, (long)stream["lastEventTimestamp"]!);

        var events = await Ok("get-log-events", "--log-group-name", "/vpc/flow-logs", "--log-stream-name", "eni-0a1-all", "--start-from-head");
        Assert.Equal([1_700_000_000_000L, 1_700_000_060_000L], events["events"]!.AsArray().Select(e => (long)e!["timestamp"]!));
        Assert.StartsWith("f/", (string?)events["nextForwardToken"]);

        var filtered = await Ok("filter-log-events", "--log-group-name", "/vpc/flow-logs", "--filter-pattern", "REJECT");
        var hit = Assert.Single(filtered["events"]!.AsArray())!;
        Assert.Equal("eni-0a1-all", (string?)hit["logStreamName"]);
        Assert.Contains(" 22 ", (string?)hit["message"], StringComparison.Ordinal);

        var delimited = await Ok("filter-log-events", "--log-group-name", "/vpc/flow-logs", "--filter-pattern",
            "[version, account, eni, source, destination, srcport, destport=443, ...]");
        Assert.Single(delimited["events"]!.AsArray());
    }

    [Fact]
    public async Task LogsApi_BadRequest_AnswersAwsJsonErrors()
    {
        RequireCli();
        Assert.Contains("ResourceNotFoundException", await Fails("describe-log-streams", "--log-group-name", "missing"), StringComparison.Ordinal);
        await Ok("create-log-group", "--log-group-name", "dup");
        Assert.Contains("ResourceAlreadyExistsException", await Fails("create-log-group", "--log-group-name", "dup"), StringComparison.Ordinal);
        Assert.Contains("InvalidParameterException", await Fails("filter-log-events", "--log-group-name", "dup", "--filter-pattern", "{ $.a = 1 }"), StringComparison.Ordinal);
        Assert.Contains("ResourceNotFoundException", await Fails("put-log-events", "--log-group-name", "dup", "--log-stream-name", "none", "--log-events", "timestamp=1,message=x"), StringComparison.Ordinal);
        await Ok("delete-log-group", "--log-group-name", "dup");
        Assert.Empty((await Ok("describe-log-groups"))["logGroups"]!.AsArray());
    }
}
