using System.CommandLine;
using Spectre.Console;
using VpcLab.Analysis.Reach;
using VpcLab.Cli.Rendering;

namespace VpcLab.Cli.Commands;

/// <summary><c>vpclab reach diff BEFORE AFTER</c>: what a change opens and what it closes, between the senders and
/// receivers given (default: the internet and every interface, both ways), over header sets (docs/semantics.md#reach).</summary>
public static class ReachDiffCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var before = new Argument<string>("before") { Description = "The world before: a scenario file, an imported folder, or a shipped scenario's name" };
        var after = new Argument<string>("after") { Description = "The world after the change" };
        var from = ReachSelections.From("internet and all-interfaces");
        var to = ReachSelections.To("internet and all-interfaces");
        var traffic = ReachSelections.Traffic();
        var json = ScenarioOptions.Json();
        var command = new Command("diff", "What a change opens and what it closes: flows the world after delivers and the world before does not, and the other way round")
        {
            before, after, from, to, traffic, json,
        };
        command.SetAction(parse =>
        {
            var was = ScenarioOptions.Load(parse.GetValue(before)!).Network;
            var now = ScenarioOptions.Load(parse.GetValue(after)!).Network;
            var froms = parse.GetValue(from);
            var tos = parse.GetValue(to);
            var changes = ReachDiff.Compute(was, now, n => (Ends(n, "--from", froms), Ends(n, "--to", tos)), ReachSelections.TrafficOf(parse.GetValue(traffic)));
            if (parse.GetValue(json))
            {
                console.Profile.Out.Writer.WriteLine(JsonOutput.Serialize(changes.Select(c => new
                {
                    Change = c.Opened ? "opened" : "closed", c.From, c.To, Protocol = c.Protocol.Name,
                    Values = c.Values.Select(v => TrafficClass.Describe(c.Protocol, v)).ToArray(), Example = c.Example.ToString(),
                })));
                return ExitCodes.Ok;
            }
            var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle("what the change opens and closes") }
                .AddColumn("change").AddColumn("from").AddColumn("to").AddColumn("traffic").AddColumn("example");
            foreach (var c in changes)
                table.AddRow(c.Opened ? "[red]opened[/]" : "[green]closed[/]", Markup.Escape(c.From), Markup.Escape(c.To),
                    Markup.Escape(ReachSelections.Values(c.Protocol, c.Values)), Markup.Escape(c.Example.ToString()));
            if (changes.IsEmpty)
                console.MarkupLine("[green]The change opens nothing and closes nothing.[/]");
            else
                console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static IReadOnlyList<ReachEnd> Ends(Model.Network network, string option, string[]? texts) =>
        texts is { Length: > 0 }
            ? ReachSelections.Ends(network, option, texts, "")
            : [.. ReachSelections.Ends(network, option, ["internet"], ""), .. ReachSelections.Ends(network, option, ["all-interfaces"], "")];
}
