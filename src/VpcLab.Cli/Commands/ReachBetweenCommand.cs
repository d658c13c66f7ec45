using System.CommandLine;
using Spectre.Console;
using VpcLab.Analysis.Reach;
using VpcLab.Cli.Rendering;

namespace VpcLab.Cli.Commands;

/// <summary><c>vpclab reach between</c> (what a selection reaches of another, through which gateways, endpoints and
/// peering connections) and <c>vpclab reach outbound</c> (what reaches the internet, through which gateway):
/// docs/semantics.md#reach.</summary>
public static class ReachBetweenCommand
{
    public static Command Between(IAnsiConsole console) =>
        Create(console, "between", "What the senders reach of the receivers: protocols, ports, and the gateways, endpoints and peerings on the way",
            "all-interfaces", "all-interfaces");

    public static Command Outbound(IAnsiConsole console) =>
        Create(console, "outbound", "What reaches the internet: interfaces, protocols, ports, and the gateway each goes through",
            "all-interfaces", "internet");

    private static Command Create(IAnsiConsole console, string name, string description, string fromDefault, string toDefault)
    {
        var scenario = ReachCommand.Scenario();
        var from = ReachSelections.From(fromDefault);
        var to = ReachSelections.To(toDefault);
        var traffic = ReachSelections.Traffic();
        var json = ScenarioOptions.Json();
        var command = new Command(name, description) { scenario, from, traffic, json };
        if (name == "between")
            command.Options.Add(to);
        command.SetAction(parse =>
        {
            var network = ScenarioOptions.Load(parse.GetValue(scenario)!).Network;
            var froms = ReachSelections.Ends(network, "--from", parse.GetValue(from), fromDefault);
            var tos = ReachSelections.Ends(network, "--to", name == "between" ? parse.GetValue(to) : null, toDefault);
            var space = new FlowSpace(network, [], []);
            var rows = SelectionReach.Compute(space, froms, tos, ReachSelections.TrafficOf(parse.GetValue(traffic)));
            if (parse.GetValue(json))
            {
                console.Profile.Out.Writer.WriteLine(JsonOutput.Serialize(rows.Select(r => new
                {
                    From = r.From.Describe(network), To = r.To.Describe(network), Protocol = r.Protocol.Name,
                    Values = r.Values.Select(v => Analysis.Reach.TrafficClass.Describe(r.Protocol, v)).ToArray(), r.Via, Example = r.Example.ToString(),
                })));
                return ExitCodes.Ok;
            }
            var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle(name == "outbound" ? "what reaches the internet" : "what reaches what") }
                .AddColumn("from").AddColumn("to").AddColumn("traffic").AddColumn("via").AddColumn("example");
            foreach (var r in rows)
                table.AddRow(Markup.Escape(r.From.Describe(network)), Markup.Escape(r.To.Describe(network)),
                    Markup.Escape(ReachSelections.Values(r.Protocol, r.Values)), Markup.Escape(r.Via.IsEmpty ? "(within the VPC)" : string.Join(" → ", r.Via)),
                    Markup.Escape(r.Example.ToString()));
            if (rows.IsEmpty)
                console.MarkupLine("[green]Nothing: no flow of that traffic from the senders to the receivers is delivered.[/]");
            else
                console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
