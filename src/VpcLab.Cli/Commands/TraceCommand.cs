using System.CommandLine;
using Spectre.Console;
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
