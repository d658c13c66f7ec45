using Spectre.Console;
using VpcLab.Engine.Policies;
using VpcLab.Engine.S3;

namespace VpcLab.Cli.Rendering;

/// <summary>An S3 request's trace: the network path as <see cref="TraceView"/> draws it, then how the request
/// left the VPC (gateway endpoint or internet) and which policy statement decided it.</summary>
public static class S3TraceView
{
    /// <param name="result">The traced request.</param>
    /// <param name="title">A line shown above the request (the demo numbers its flows this way).</param>
    public static Tree Build(S3RequestTrace result, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var heading = $"{result.Request}  (bucket in {result.Bucket.Region}, owner {result.Bucket.OwnerId})";
        var tree = TraceView.Build(result.Trace, title is null ? heading : $"{title}\n{heading}");
        var s3 = tree.AddNode("[grey]S3 request[/]");
        switch (result.Path)
        {
            case S3NetworkPath.GatewayEndpoint:
                s3.AddNode($"through gateway endpoint {Markup.Escape(result.Endpoint!.Name == result.Endpoint.Id ? result.Endpoint.Id : $"{result.Endpoint.Name} ({result.Endpoint.Id})")}; S3 sees {Markup.Escape(result.SourceSeenByS3?.ToString() ?? "?")} (aws:SourceVpce, aws:SourceVpc set)");
                break;
            case S3NetworkPath.InterfaceEndpoint:
                s3.AddNode($"through interface endpoint {Markup.Escape(result.Endpoint!.Id)}; S3 sees {Markup.Escape(result.SourceSeenByS3?.ToString() ?? "?")} (aws:SourceVpce, aws:SourceVpc set)");
                break;
            case S3NetworkPath.Internet:
                s3.AddNode($"over the internet; S3 sees aws:SourceIp {Markup.Escape(result.SourceSeenByS3?.ToString() ?? "?")} (no endpoint policy)");
                break;
            default:
                break;
        }
        if (result.Access is { } access)
        {
            if (access.EndpointEvaluation is { } e)
                s3.AddNode($"endpoint policy: {PolicyMarkup.Decision(e)}");
            s3.AddNode(result.Access.BucketEvaluation is { } b ? $"bucket policy: {PolicyMarkup.Decision(b)}" : "bucket policy: none");
        }
        PolicyMarkup.AddReasons(s3, result.Reasons);
        return tree;
    }

    /// <summary>The shape <c>--json</c> prints: the request, the path, the decision and the network trace.</summary>
    public static object Json(S3RequestTrace r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new
        {
            Request = new { r.Request.Bucket, r.Request.Key, r.Request.Action, Resource = r.Request.ResourceArn, Principal = r.PolicyRequest?.Principal.ToString() },
            Bucket = new { r.Bucket.Name, r.Bucket.Region, Owner = r.Bucket.OwnerId.Value },
            Allowed = r.IsAllowed,
            r.Path,
            r.Route,
            VpcEndpoint = r.Endpoint?.Id,
            r.SourceSeenByS3,
            Access = r.Access is null ? null : new
            {
                r.Access.Decision,
                r.Access.DecidedBy,
                Statement = r.Access.DecidingStatement,
                EndpointPolicy = r.Access.EndpointEvaluation,
                BucketPolicy = r.Access.BucketEvaluation,
            },
            r.Reasons,
            r.Trace,
        };
    }
}
