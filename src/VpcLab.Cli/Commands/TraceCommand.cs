using System.CommandLine;
using Spectre.Console;
using VpcLab.Analysis.Blockers;
using VpcLab.Cli.Rendering;
using VpcLab.Engine;

namespace VpcLab.Cli.Commands;

/// <summary><c>vpclab trace</c>: decide one flow in a scenario (or a running server's world: --endpoint-url) and explain it. Exit code 0 when delivered, 1 when
/// dropped, 2 on bad input.</summary>
public static class TraceCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var world = WorldOptions.WithScenarioOption();
        var json = ScenarioOptions.Json();
        var flow = new TraceOptions();
        var command = new Command("trace", "Decide one flow hop by hop, forward and return, and explain the verdict");
        world.AddTo(command);
        command.Options.Add(json);
        foreach (var option in flow.All)
            command.Options.Add(option);
        command.SetAction(parse =>
        {
            var loaded = world.Load(parse);
            var compiled = CompiledNetwork.Compile(loaded.Network);
            if (Engine.S3.S3Request.IsS3Uri(parse.GetValue(flow.To)!))
                return TraceS3.Run(console, parse, flow, compiled, parse.GetValue(json), loaded.Now);
            if (Engine.ServiceRequests.ServiceRequest.IsServiceUri(parse.GetValue(flow.To)!))
                return TraceService.Run(console, parse, flow, compiled, parse.GetValue(json), loaded.Now);
            flow.CheckNoS3Options(parse);
            var resolver = new EndpointResolver(loaded.Network);
            var request = flow.ToRequest(parse, resolver);
            var trace = compiled.Trace(request, resolver.Resolutions);
            // A dropped flow: every blocker on both paths and the changes that let it through (docs/semantics.md#blocked-paths).
            var blocked = trace.Verdict == Verdict.Dropped ? BlockedPathAnalyzer.Analyze(loaded.Network, request) : null;
            if (parse.GetValue(json))
                console.Profile.Out.Writer.WriteLine(WithBlockers(JsonOutput.Serialize(trace), blocked));
            else
            {
                console.Write(TraceView.Build(trace));
                if (blocked is { Blockers.Length: > 0 })
                    console.Write(BlockersView.Build(blocked));
            }
            return trace.Verdict == Verdict.Accepted ? ExitCodes.Ok : ExitCodes.Dropped;
        });
        return command;
    }

    /// <summary>The trace's JSON with <c>blockers</c> and <c>resolvedByChanges</c> added when it was dropped.</summary>
    private static string WithBlockers(string traceJson, BlockedPath? blocked)
    {
        if (blocked is null)
            return traceJson;
        var node = System.Text.Json.Nodes.JsonNode.Parse(traceJson)!.AsObject();
        node["blockers"] = System.Text.Json.Nodes.JsonNode.Parse(JsonOutput.Serialize(blocked.Blockers));
        node["resolvedByChanges"] = blocked.Resolved;
        return node.ToJsonString(JsonOutput.Options);
    }
}
