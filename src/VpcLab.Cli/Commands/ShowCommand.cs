using System.CommandLine;
using Spectre.Console;
using VpcLab.Cli.Rendering;

namespace VpcLab.Cli.Commands;

/// <summary><c>vpclab show FILE</c> (or <c>--endpoint-url URL</c>): the world as tables, JSON, or a diagram (Mermaid,
/// Graphviz DOT or SVG, for READMEs: <see cref="TopologyDiagram"/>).</summary>
public static class ShowCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var world = WorldOptions.WithScenarioArgument();
        var json = ScenarioOptions.Json();
        var format = new Option<string>("--format", "-f") { Description = "table, json, mermaid (a flowchart for Markdown), dot (Graphviz) or svg (a picture)", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "mermaid", "dot", "svg");
        var command = new Command("show", "Show a scenario's resources (or a running server's, for your account and Region) as tables (VPCs, subnets, routes, rules, interfaces), JSON or a diagram");
        world.AddTo(command);
        command.Options.Add(json);
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            var loaded = world.Load(parse);
            var writer = console.Profile.Out.Writer;
            switch (parse.GetValue(json) ? "json" : parse.GetValue(format))
            {
                case "json":
                    writer.WriteLine(JsonOutput.Serialize(WorldJson.From(loaded.Shown)));
                    break;
                case "mermaid":
                    writer.Write(TopologyDiagram.Mermaid(loaded.Shown));
                    break;
                case "dot":
                    writer.Write(TopologyDiagram.Dot(loaded.Shown));
                    break;
                case "svg":
                    writer.Write(TopologyDiagram.Svg(loaded.Shown));
                    break;
                default:
                    if (loaded.Served is { } served)
                        console.MarkupLine(Markup.Escape($"Account {served.Account}, Region {served.Region}, as served at {parse.GetValue(world.EndpointUrl)}"));
                    NetworkView.Render(console, loaded.Shown);
                    break;
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
