using System.CommandLine;
using Spectre.Console;
using VpcLab.Cli.Rendering;

namespace VpcLab.Cli.Commands;

/// <summary><c>vpclab show FILE</c> (or <c>--endpoint-url URL</c>): the world as tables (or JSON).</summary>
public static class ShowCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var world = WorldOptions.WithScenarioArgument();
        var json = ScenarioOptions.Json();
        var command = new Command("show", "Show a scenario's resources (or a running server's, for your account and Region) as tables: VPCs, subnets, routes, rules, interfaces");
        world.AddTo(command);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var loaded = world.Load(parse);
            if (parse.GetValue(json))
            {
                console.Profile.Out.Writer.WriteLine(JsonOutput.Serialize(WorldJson.From(loaded.Shown)));
                return ExitCodes.Ok;
            }
            if (loaded.Served is { } served)
                console.MarkupLine(Markup.Escape($"Account {served.Account}, Region {served.Region}, as served at {parse.GetValue(world.EndpointUrl)}"));
            NetworkView.Render(console, loaded.Shown);
            return ExitCodes.Ok;
        });
        return command;
    }
}
