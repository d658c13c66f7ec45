using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace VpcLab.Server.Hosting;

/// <summary>What a browser (or curl) sees at <c>GET /</c>: a small HTML page saying what the server is — VpcLab, its
/// version, the endpoint URL to give AWS clients, the services it answers and links to the lab's own paths — instead
/// of EC2's <c>MissingAction</c>. Only an unsigned GET of <c>/</c> without a query string gets it: every AWS call is
/// signed or carries its action in the query. docs/semantics.md#landing-page.</summary>
public static class LandingPage
{
    public const string ContentType = "text/html; charset=utf-8";

    /// <summary>The version the server was built as (the assembly's informational version, without the commit).</summary>
    public static string Version { get; } =
        (typeof(LandingPage).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];

    public static bool Matches(HttpRequest request, SigV4Credential? credential)
    {
        ArgumentNullException.ThrowIfNull(request);
        return credential is null && HttpMethods.IsGet(request.Method) && request.Path.Value is "/" or ""
            && request.QueryString.Value is null or "" && !request.Headers.ContainsKey("Authorization");
    }

    public static async Task WriteAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        CallDescription.Describe(http, service: "vpclab", action: "GET/");
        var endpoint = WebUtility.HtmlEncode($"{http.Request.Scheme}://{http.Request.Host}");
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>VpcLab {{Version}}</title>
            <style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}code,pre{background:#f3f3f3;padding:.1rem .3rem}pre{padding:.6rem}</style></head>
            <body>
            <h1>VpcLab {{Version}}</h1>
            <p>An offline lab for AWS VPC networking. This is its AWS endpoint: give it to AWS clients as the endpoint URL.</p>
            <p>Endpoint URL: <code>{{endpoint}}</code></p>
            <pre>aws --endpoint-url {{endpoint}} ec2 describe-vpcs</pre>
            <p>It answers EC2 (VPC networking and Reachability Analyzer), S3 (path-style buckets and objects),
            CloudWatch Logs, CloudFormation and STS GetCallerIdentity. Any credentials work: the access key picks the account, the
            signature's Region the Region.</p>
            <ul>
            <li><a href="/_vpclab/health">/_vpclab/health</a>: is the server up, is its state durable</li>
            <li><code>POST /_vpclab/reset</code>: forget everything (EC2, S3, CloudWatch Logs)</li>
            <li><code>POST /_vpclab/traffic</code>: run workloads and deliver flow logs</li>
            <li><a href="/_vpclab/world">/_vpclab/world</a>: the world as JSON (<code>?accessKeyId=…&amp;region=…</code>), what <code>vpclab trace --endpoint-url</code> reads</li>
            </ul>
            </body>
            </html>
            """;
        var body = System.Text.Encoding.UTF8.GetBytes(html);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = ContentType;
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body).ConfigureAwait(false);
    }
}
