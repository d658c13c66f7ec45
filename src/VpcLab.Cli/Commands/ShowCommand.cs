using System.CommandLine;
using Spectre.Console;
using VpcLab.Cli.Rendering;

namespace VpcLab.Cli.Commands;

/// <summary><c>vpclab show FILE</c>: the loaded world as tables, JSON, or a diagram (Mermaid or Graphviz DOT, for
/// READMEs: <see cref="TopologyDiagram"/>).</summary>
public static class ShowCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var file = ScenarioOptions.FileArgument();
        var json = ScenarioOptions.Json();
        var format = new Option<string>("--format", "-f") { Description = "table, json, mermaid (a flowchart for Markdown) or dot (Graphviz)", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "mermaid", "dot");
        var command = new Command("show", "Show a scenario's resources as tables (VPCs, subnets, routes, rules, interfaces), JSON or a diagram") { file, json, format };
        command.SetAction(parse =>
        {
            var loaded = ScenarioOptions.Load(parse.GetValue(file)!);
            var writer = console.Profile.Out.Writer;
            switch (parse.GetValue(json) ? "json" : parse.GetValue(format))
            {
                case "json":
                    writer.WriteLine(JsonOutput.Serialize(WorldJson.From(loaded.Network)));
                    break;
                case "mermaid":
                    writer.Write(TopologyDiagram.Mermaid(loaded.Network));
                    break;
                case "dot":
                    writer.Write(TopologyDiagram.Dot(loaded.Network));
                    break;
                default:
                    NetworkView.Render(console, loaded.Network);
                    break;
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
