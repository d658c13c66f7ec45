using System.CommandLine;
using Spectre.Console;
using VpcLab.Cli.Rendering;
using VpcLab.Engine;
using VpcLab.Engine.ServiceRequests;

namespace VpcLab.Cli.Commands;

/// <summary><c>vpclab trace --to sqs://QUEUE [--action sqs:SendMessage] [--principal ARN]</c> (and the catalog's other
/// services): the network path to the service's name as the source's VPC resolves it, then the endpoint policy of the
/// VPC endpoint that carried the request (docs/semantics.md#interface-endpoint-policies). Exit code 0 when allowed, 1
/// when the network or the endpoint policy refuses it.</summary>
internal static class TraceService
{
    public static int Run(IAnsiConsole console, ParseResult parse, TraceOptions flow, CompiledNetwork compiled, bool json, DateTimeOffset now)
    {
        var request = ServiceRequest.Parse(parse.GetValue(flow.To)!, parse.GetValue(flow.Action)) with { RequestTime = now };
        if (parse.GetValue(flow.Principal) is { } principal)
            request = request with { Principal = TraceS3.Principal(principal) };
        var resolver = new EndpointResolver(compiled.Network);
        var result = ServiceRequestTracer.Trace(compiled, resolver.Resolve(parse.GetValue(flow.From)!), request);
        if (json)
            console.Profile.Out.Writer.WriteLine(JsonOutput.Serialize(ServiceTraceView.Json(result)));
        else
            console.Write(ServiceTraceView.Build(result));
        return result.IsAllowed ? ExitCodes.Ok : ExitCodes.Dropped;
    }
}
