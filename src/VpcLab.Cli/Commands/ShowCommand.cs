using System.CommandLine;
using Spectre.Console;
using VpcLab.Cli.Rendering;

namespace VpcLab.Cli.Commands;

/// <summary><c>vpclab show FILE</c>: the loaded world as tables (or JSON).</summary>
public static class ShowCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var file = ScenarioOptions.FileArgument();
        var json = ScenarioOptions.Json();
        var command = new Command("show", "Show a scenario's resources as tables: VPCs, subnets, routes, rules, interfaces") { file, json };
        command.SetAction(parse =>
        {
            var loaded = ScenarioOptions.Load(parse.GetValue(file)!);
            if (parse.GetValue(json))
                console.Profile.Out.Writer.WriteLine(JsonOutput.Serialize(WorldJson.From(loaded.Network)));
            else
                NetworkView.Render(console, loaded.Network);
            return ExitCodes.Ok;
        });
        return command;
    }
}
