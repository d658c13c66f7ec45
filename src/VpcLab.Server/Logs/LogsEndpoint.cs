using Microsoft.AspNetCore.Http;
using VpcLab.FlowLogs.CloudWatchLogs;
using VpcLab.Server.Hosting;

namespace VpcLab.Server.Logs;

/// <summary>CloudWatch Logs' JSON 1.1 protocol: <c>POST /</c>, <c>X-Amz-Target: Logs_20140328.&lt;Op&gt;</c>, a JSON
/// body in and out. Every failure is AWS's JSON error (<c>{"__type": …, "message": …}</c>) with a 400, never a 5xx
/// page (<see cref="AwsJsonProtocol"/>). The operations run on the <see cref="CloudWatchLogsStore"/> the flow-log
/// delivery writes to.</summary>
public sealed class LogsEndpoint(CloudWatchLogsStore store)
{
    public const string TargetPrefix = "Logs_20140328.";
    public const string ContentType = AwsJsonProtocol.ContentType;
    private const int MaxBodyBytes = 2 << 20; // PutLogEvents' 1 MiB of events plus JSON overhead

    private static readonly AwsJsonProtocol s_protocol = new(TargetPrefix, MaxBodyBytes, CloudWatchLogsErrors.InvalidParameter);

    public Task HandleAsync(HttpContext http, string account, string region) =>
        s_protocol.HandleAsync(http,
            (operation, input) => LogsOperations.Run(store, new LogScope(account, region), operation, input),
            e => e is CloudWatchLogsException logs ? (logs.Code, logs.Message) : null);
}
