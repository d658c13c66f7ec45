using Spectre.Console;
using VpcLab.Engine.Policies;
using VpcLab.Engine.S3;
using VpcLab.Engine.ServiceRequests;

namespace VpcLab.Cli.Rendering;

/// <summary>A request to an AWS service (sqs://, sns://, …): the network path as <see cref="TraceView"/> draws it, then
/// the endpoint that carried it and the endpoint policy's deciding statement.</summary>
public static class ServiceTraceView
{
    public static Tree Build(ServiceRequestTrace result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var tree = TraceView.Build(result.Trace, $"{result.Request}  ({result.ResourceArn})");
        var node = tree.AddNode($"[grey]{Markup.Escape(result.ServiceName)} request[/]");
        switch (result.Path)
        {
            case S3NetworkPath.InterfaceEndpoint or S3NetworkPath.GatewayEndpoint:
                node.AddNode($"through {(result.Path == S3NetworkPath.InterfaceEndpoint ? "interface" : "gateway")} endpoint {Markup.Escape(result.Endpoint!.Id)}; the service sees {Markup.Escape(result.SourceSeen?.ToString() ?? "?")} (aws:SourceVpce, aws:SourceVpc set)");
                break;
            case S3NetworkPath.Internet:
                node.AddNode($"over the internet; the service sees aws:SourceIp {Markup.Escape(result.SourceSeen?.ToString() ?? "?")} (no endpoint policy)");
                break;
            default:
                break;
        }
        if (result.EndpointPolicy is { } e)
            node.AddNode($"endpoint policy: {PolicyMarkup.Decision(e)}");
        PolicyMarkup.AddReasons(node, result.Reasons);
        return tree;
    }

    /// <summary>The shape <c>--json</c> prints: the request, the path, the endpoint policy's decision and the trace.</summary>
    public static object Json(ServiceRequestTrace r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new
        {
            Request = new { r.Request.Service, Name = r.Request.Resource, r.Request.Action, Resource = r.ResourceArn, Principal = r.PolicyRequest?.Principal.ToString() },
            r.ServiceName,
            Allowed = r.IsAllowed,
            r.Path,
            VpcEndpoint = r.Endpoint?.Id,
            r.SourceSeen,
            r.EndpointPolicy,
            r.Reasons,
            r.Trace,
        };
    }
}
