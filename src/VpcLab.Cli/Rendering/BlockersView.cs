using Spectre.Console;
using VpcLab.Analysis.Blockers;
using VpcLab.Engine;

namespace VpcLab.Cli.Rendering;

/// <summary>A dropped trace's blockers: every component that drops the flow, forward then return, with its code, the
/// rule that decided and the change proposed (as the EC2 call), and whether the changed world delivers the flow.</summary>
public static class BlockersView
{
    public static Table Build(BlockedPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var verdict = path.Resolved
            ? "[green]with every change below, the flow is delivered (traced again)[/]"
            : "[yellow]no known change lets the flow past the last blocker[/]";
        var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle("blockers"), Caption = new TableTitle(verdict) }
            .AddColumn("path").AddColumn("component").AddColumn("code").AddColumn("rule").AddColumn("proposed change");
        foreach (var b in path.Blockers)
        {
            var change = b.Change is null ? "[grey]none known[/]"
                : $"{Markup.Escape(b.Change.Summary)}\n[grey]{Markup.Escape(b.Change.Call)}[/]{(b.Verified ? "" : "\n[yellow]does not get past it[/]")}";
            table.AddRow(b.Direction == PathDirection.Return ? "return" : "forward", Markup.Escape(b.Component.ToString()),
                Markup.Escape(b.Code), Markup.Escape(b.Rule), change);
        }
        return table;
    }
}
