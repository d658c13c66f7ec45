using System.Collections.Immutable;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using VpcLab.FlowLogs.Traffic;
using VpcLab.Model;

namespace VpcLab.Cli.Rendering;

/// <summary>What a traffic run did: connections by outcome, and per flow log the records and where they went.</summary>
public static class TrafficView
{
    public static IRenderable Build(Network network, TrafficTotals result, ImmutableArray<FlowLogDelivered> delivered, string output,
        bool queryHint = true)
    {
        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow("[bold]simulated[/]", Markup.Escape($"{result.Start:yyyy-MM-dd HH:mm:ss}Z → {result.End:yyyy-MM-dd HH:mm:ss}Z"));
        summary.AddRow("[bold]connections[/]", Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{result.Connections:N0} ({result.Established:N0} established, {result.Failed:N0} failed, {result.Skipped:N0} never logged)")));
        summary.AddRow("[bold]records[/]", result.RecordCount.ToString("N0", CultureInfo.InvariantCulture));
        summary.AddRow("[bold]output[/]", Markup.Escape(output));

        var table = new FoldingTable("flow logs delivered", "flow log", "watches", "traffic", "destination", "records", "written").RightAlign(4);
        foreach (var d in delivered)
        {
            var log = d.FlowLog;
            string unit = log.DestinationType == FlowLogDestinationType.S3 ? "file" : "stream";
            string where = d.Locations.Length switch
            {
                0 => log.DestinationType == FlowLogDestinationType.KinesisDataFirehose ? "(Firehose is not written locally)" : "(nothing)",
                1 => $"1 {unit}",
                _ => $"{d.Locations.Length} {unit}s",
            };
            table.AddRow(
                Markup.Escape(network.NameOf(log.Id.Value)),
                Markup.Escape(network.NameOf(log.ResourceId)),
                log.TrafficType.ToString().ToUpperInvariant(),
                Markup.Escape(log.DestinationType == FlowLogDestinationType.S3 ? $"s3://{log.S3Bucket}/{log.S3Prefix}" : $"logs:{log.LogGroupName ?? log.LogDestination}"),
                d.Records.ToString("N0", CultureInfo.InvariantCulture),
                Markup.Escape(where));
        }
        var hint = new Markup(Markup.Escape($"Query them: vpclab query --logs {output} \"SELECT action, count(*) FROM vpc_flow_logs GROUP BY action\""), new Style(Color.Grey));
        return queryHint ? new Rows(summary, table, hint) : new Rows(summary, table);
    }
}
