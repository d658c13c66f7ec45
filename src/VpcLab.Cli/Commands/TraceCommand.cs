using System.CommandLine;
using Spectre.Console;
using VpcLab.Cli.Rendering;
using VpcLab.Engine;

namespace VpcLab.Cli.Commands;

/// <summary><c>vpclab trace</c>: decide one flow in a scenario and explain it. Exit code 0 when delivered, 1 when
/// dropped, 2 on bad input.</summary>
public static class TraceCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var scenario = new Option<string>("--scenario", "-s") { Description = "A scenario file, or a shipped scenario's name", Required = true };
        var json = ScenarioOptions.Json();
        var flow = new TraceOptions();
        var command = new Command("trace", "Decide one flow hop by hop, forward and return, and explain the verdict") { scenario, json };
        foreach (var option in flow.All)
            command.Options.Add(option);
        command.SetAction(parse =>
        {
            var loaded = ScenarioOptions.Load(parse.GetValue(scenario)!);
            var compiled = CompiledNetwork.Compile(loaded.Network);
            if (Engine.S3.S3Request.IsS3Uri(parse.GetValue(flow.To)!))
                return TraceS3.Run(console, parse, flow, compiled, parse.GetValue(json), loaded.ControlPlane.Options.Clock.GetUtcNow());
            flow.CheckNoS3Options(parse);
            var resolver = new EndpointResolver(loaded.Network);
            var trace = compiled.Trace(flow.ToRequest(parse, resolver), resolver.Resolutions);
            if (parse.GetValue(json))
                console.Profile.Out.Writer.WriteLine(JsonOutput.Serialize(trace));
            else
                console.Write(TraceView.Build(trace));
            return trace.Verdict == Verdict.Accepted ? ExitCodes.Ok : ExitCodes.Dropped;
        });
        return command;
    }
}
