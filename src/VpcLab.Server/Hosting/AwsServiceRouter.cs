using Microsoft.AspNetCore.Http;
using VpcLab.ControlPlane;
using VpcLab.FlowLogs.CloudWatchLogs;
using VpcLab.Server.Elb;
using VpcLab.Server.CloudFormation;
using VpcLab.Server.Logs;
using VpcLab.Server.Persistence;
using VpcLab.Server.S3;
using VpcLab.Server.Ssm;

namespace VpcLab.Server.Hosting;

/// <summary>Sends S3, CloudWatch Logs, Systems Manager (<c>ssm</c>, GetParameter*), Elastic Load Balancing v2, CloudFormation (signed for <c>cloudformation</c>, Query protocol) and Account Management (signed for <c>account</c>, REST-JSON: Region opt-ins, src/VpcLab.Server/Account/) requests to their endpoints before EC2's Query handling sees them, on the
/// same port. S3: signed for the <c>s3</c> service and carrying <c>x-amz-content-sha256</c> (S3's SigV4 requires it:
/// every S3 client sends it; presigned URLs carry X-Amz-Credential and X-Amz-Signature instead), path style.
/// CloudWatch Logs: signed for the <c>logs</c> service (<c>X-Amz-Target: Logs_20140328.*</c>). An unsigned
/// <c>GET /</c> gets the web console (<see cref="WebConsole.ConsoleAssets"/>), or the <see cref="LandingPage"/> when the
/// front end was not built; a call signed for another AWS service gets that service's own
/// error naming it (<see cref="UnservedServiceResponder"/>). Everything else — EC2, STS, the lab's own paths, and
/// malformed requests that only look like the others — goes on unchanged, so it gets EC2's XML error envelope. Owns
/// both stores.</summary>
public sealed class AwsServiceRouter : IDisposable
{
    private readonly AccountDirectory _accounts;
    private readonly ServerOptions _options;
    private readonly S3BucketStore _buckets;
    private readonly CloudWatchLogsStore _logs;
    private readonly S3Endpoint _s3;
    private readonly LogsEndpoint _logsEndpoint;
    private readonly ServerState _state;
    private readonly ElbEndpoint _elb;
    private readonly CloudFormationEndpoint _cloudFormation;
    private readonly Account.AccountEndpoint _account;

    public const string LogsFileName = "logs.db";

    public AwsServiceRouter(ServerOptions options, AccountDirectory accounts, ServerState state)
    {
        _options = options;
        _accounts = accounts;
        _state = state;
        _buckets = S3BucketStore.Open(options.DataDirectory);
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
        _s3 = new S3Endpoint(_buckets, new S3Buckets(state, _buckets, options.DefaultAccount, options.DefaultRegion),
            new S3MultipartEndpoint(new S3MultipartUploads(_buckets)));
        _logsEndpoint = new LogsEndpoint(_logs);
        _elb = new ElbEndpoint(state, new QueryEndpoint(state, accounts, options));
        _cloudFormation = new CloudFormationEndpoint(state, _buckets);
        _account = new Account.AccountEndpoint(state);
    }

    /// <summary>The S3 object tree (<c>{data}/s3</c>, or a temporary directory in memory mode).</summary>
    public string S3Root => _buckets.Root;

    public CloudWatchLogsStore Logs => _logs;

    public Task RouteAsync(HttpContext http, RequestDelegate next)
    {
        if (http.Request.Path.StartsWithSegments("/_vpclab", StringComparison.Ordinal))
        {
            CallDescription.Describe(http, service: "vpclab", action: http.Request.Path.Value?["/_vpclab".Length..].Trim('/'));
            return next(http);
        }
        var headerCredential = SigV4Credential.FromAuthorizationHeader(http.Request.Headers.Authorization.ToString());
        var presigned = headerCredential is null && http.Request.Query.ContainsKey("X-Amz-Signature")
            && http.Request.Query["X-Amz-Credential"].ToString() is { Length: > 0 } scope
            ? SigV4Credential.FromScope(scope, "", "") : null;
        var credential = headerCredential ?? presigned;
        var region = credential?.Region is { Length: > 0 } r ? r : _options.DefaultRegion;
        var account = _accounts.AccountFor(credential?.AccessKeyId).Value;
        CallDescription.Describe(http, account: account, region: region);
        if (credential?.Service == "s3" && (presigned is not null || http.Request.Headers.ContainsKey("x-amz-content-sha256")))
        {
            CallDescription.Describe(http, service: "s3");
            return _s3.HandleAsync(http, account, region);
        }
        if (credential?.Service == "logs") // any target: an unknown one gets Logs' own 400, not EC2's envelope
        {
            var target = http.Request.Headers["X-Amz-Target"].ToString();
            CallDescription.Describe(http, service: "logs", action: target[(target.LastIndexOf('.') + 1)..]);
            return _logsEndpoint.HandleAsync(http, account, region);
        }
        if (credential?.Service == "ssm") // Systems Manager's public parameters (src/VpcLab.Server/Ssm/)
        {
            var target = http.Request.Headers["X-Amz-Target"].ToString();
            CallDescription.Describe(http, service: "ssm", action: target[(target.LastIndexOf('.') + 1)..]);
            return new SsmEndpoint(_state.ControlPlane.Parameters).HandleAsync(http, region);
        }
        if (credential?.Service == ElbEndpoint.SigningName) // Elastic Load Balancing v2 (Network Load Balancers)
            return _elb.HandleAsync(http, credential, new RequestContext(new Model.AccountId(account), region));
        if (credential?.Service == Account.AccountEndpoint.SigningName) // Account Management: Region opt-ins
            return _account.HandleAsync(http, new Model.AccountId(account));
        if (credential?.Service == "cloudformation")
        {
            CallDescription.Describe(http, service: "cloudformation");
            return _cloudFormation.HandleAsync(http, account, region);
        }
        if (LandingPage.Matches(http.Request, credential))
        {
            if (!WebConsole.ConsoleAssets.Available)
                return LandingPage.WriteAsync(http);
            CallDescription.Describe(http, service: "vpclab", action: "GET/"); // the request log names the page as it names the landing page
            return WebConsole.ConsoleAssets.TryWriteAsync(http, "index.html");
        }
        if (UnservedServiceResponder.UnservedService(credential) is { } service)
            return UnservedServiceResponder.WriteAsync(http, service);
        return next(http);
    }

    /// <summary>Empties both stores: every CloudWatch Logs group (with its streams and events) of every account and
    /// Region, and every S3 object, bucket folder and multipart upload. Part of the server's reset
    /// (<see cref="ServerReset"/>), which runs it with no request inside.</summary>
    public void Reset()
    {
        foreach (var group in _logs.ListAllLogGroups())
            _logs.DeleteLogGroup(group.Scope, group.Name);
        _buckets.Clear();
    }

    public void Dispose()
    {
        _logs.Dispose();
        _buckets.Dispose();
    }
}
