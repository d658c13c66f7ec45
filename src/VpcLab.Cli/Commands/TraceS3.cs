using System.CommandLine;
using Spectre.Console;
using VpcLab.Cli.Rendering;
using VpcLab.Engine;
using VpcLab.Engine.Policies;
using VpcLab.Engine.S3;

namespace VpcLab.Cli.Commands;

/// <summary><c>vpclab trace --to s3://bucket/key [--action s3:PutObject] [--principal ARN]</c>: the network path to
/// the bucket's Region's S3 address on TCP 443, then the endpoint and bucket policies. Exit code 0 when the request
/// is allowed, 1 when the network or a policy refuses it. The request is made at the scenario clock's time (aws:CurrentTime).</summary>
internal static class TraceS3
{
    public static int Run(IAnsiConsole console, ParseResult parse, TraceOptions flow, CompiledNetwork compiled, bool json, DateTimeOffset now)
    {
        var action = parse.GetValue(flow.Action) is { } given ? S3ActionNames.Check(given) : null;
        var request = S3Request.Parse(parse.GetValue(flow.To)!, action) with { RequestTime = now };
        if (parse.GetValue(flow.Principal) is { } principal)
            request = request with { Principal = Principal(principal) };
        var resolver = new EndpointResolver(compiled.Network);
        var result = S3RequestTracer.Trace(compiled, resolver.Resolve(parse.GetValue(flow.From)!), request);
        if (json)
            console.Profile.Out.Writer.WriteLine(JsonOutput.Serialize(S3TraceView.Json(result)));
        else
            console.Write(S3TraceView.Build(result));
        return result.IsAllowed ? ExitCodes.Ok : ExitCodes.Dropped;
    }

    /// <summary>--principal: an IAM ARN or 'anonymous' (also for service requests, TraceService).</summary>
    internal static RequestPrincipal Principal(string text)
    {
        if (string.Equals(text, "anonymous", StringComparison.OrdinalIgnoreCase))
            return RequestPrincipal.Anonymous;
        try
        {
            return RequestPrincipal.FromArn(text);
        }
        catch (ArgumentException)
        {
            throw new UsageException($"--principal: '{text}' is not an IAM ARN (arn:aws:iam::ACCOUNT:role/NAME) or 'anonymous'");
        }
    }
}
