using Microsoft.AspNetCore.Http;
using VpcLab.FlowLogs.CloudWatchLogs;
using VpcLab.Server.Logs;
using VpcLab.Server.S3;

namespace VpcLab.Server.Hosting;

/// <summary>Sends S3 and CloudWatch Logs requests to their endpoints before EC2's Query handling sees them, on the
/// same port. S3: a request signed for the <c>s3</c> service (header or presigned query), path style. CloudWatch
/// Logs: <c>X-Amz-Target: Logs_20140328.*</c> signed for <c>logs</c> (or unsigned with the JSON 1.1 content type).
/// Everything else — EC2, STS, the lab's own paths — goes on unchanged. Owns both stores.</summary>
public sealed class AwsServiceRouter : IDisposable
{
    private readonly AccountDirectory _accounts;
    private readonly ServerOptions _options;
    private readonly S3BucketStore _buckets;
    private readonly CloudWatchLogsStore _logs;
    private readonly S3Endpoint _s3;
    private readonly LogsEndpoint _logsEndpoint;

    public const string LogsFileName = "logs.db";

    public AwsServiceRouter(ServerOptions options, AccountDirectory accounts)
    {
        _options = options;
        _accounts = accounts;
        _buckets = S3BucketStore.Open(options.DataDirectory, options.DefaultAccount.Value, options.DefaultRegion);
        try
        {
            _logs = options.DataDirectory is { } data
                ? CloudWatchLogsStore.Open(Path.Combine(data, LogsFileName))
                : CloudWatchLogsStore.InMemory();
        }
        catch
        {
            _buckets.Dispose();
            throw;
        }
        _s3 = new S3Endpoint(_buckets);
        _logsEndpoint = new LogsEndpoint(_logs);
    }

    /// <summary>The S3 object tree (<c>{data}/s3</c>, or a temporary directory in memory mode).</summary>
    public string S3Root => _buckets.Root;

    public CloudWatchLogsStore Logs => _logs;

    public Task RouteAsync(HttpContext http, RequestDelegate next)
    {
        if (http.Request.Path.StartsWithSegments("/_vpclab", StringComparison.Ordinal))
            return next(http);
        var credential = SigV4Credential.FromAuthorizationHeader(http.Request.Headers.Authorization.ToString())
            ?? (http.Request.Query["X-Amz-Credential"].ToString() is { Length: > 0 } scope ? SigV4Credential.FromScope(scope, "", "") : null);
        var target = http.Request.Headers["X-Amz-Target"].ToString();
        var region = credential?.Region is { Length: > 0 } r ? r : _options.DefaultRegion;
        if (credential?.Service == "s3")
            return _s3.HandleAsync(http, _accounts.AccountFor(credential.AccessKeyId).Value, region);
        if (target.StartsWith(LogsEndpoint.TargetPrefix, StringComparison.Ordinal)
            && (credential?.Service == "logs" || (credential is null && http.Request.ContentType == LogsEndpoint.ContentType)))
            return _logsEndpoint.HandleAsync(http, _accounts.AccountFor(credential?.AccessKeyId).Value, region);
        return next(http);
    }

    public void Dispose()
    {
        _logs.Dispose();
        _buckets.Dispose();
    }
}
