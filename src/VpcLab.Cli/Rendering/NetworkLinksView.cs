using System.Globalization;
using Spectre.Console;
using VpcLab.Model;

namespace VpcLab.Cli.Rendering;

/// <summary><c>show</c>'s tables of what joins and watches VPCs: peering connections and flow logs (only when the
/// world has any).</summary>
public static class NetworkLinksView
{
    public static void Render(IAnsiConsole console, Network network)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(network);
        string Name(string id) => Markup.Escape(network.NameOf(id));
        string Side(VpcPeeringConnectionVpcInfo side) =>
            $"{Name(side.VpcId.Value)} ({side.VpcId}, {side.OwnerId}, {side.Region}, {string.Join(", ", side.CidrBlocks.Concat(side.Ipv6CidrBlocks))})";

        if (!network.VpcPeeringConnections.IsEmpty)
        {
            var peerings = NetworkView.Table("VPC peering connections", "Name", "Peering", "Requester", "Accepter", "State");
            foreach (var pcx in network.VpcPeeringConnections.Values.OrderBy(p => p.Id.Value, StringComparer.Ordinal))
            {
                peerings.AddRow(Name(pcx.Id.Value), pcx.Id.Value, Side(pcx.Requester), Side(pcx.Accepter),
                    pcx.IsActive ? "[green]active[/]" : Markup.Escape(State(pcx)));
            }
            console.Write(peerings);
        }
        if (!network.FlowLogs.IsEmpty)
        {
            var logs = NetworkView.Table("Flow logs", "Name", "Flow log", "Watches", "Traffic", "Destination", "Format", "Interval");
            foreach (var log in network.FlowLogs.Values.OrderBy(f => f.Id.Value, StringComparer.Ordinal))
            {
                var destination = log.DestinationType switch
                {
                    FlowLogDestinationType.S3 => $"s3://{log.S3Bucket}/{log.S3Prefix} ({(log.DestinationOptions.FileFormat == FlowLogFileFormat.Parquet ? "parquet" : "plain text")})",
                    FlowLogDestinationType.CloudWatchLogs => $"logs:{log.LogGroupName ?? log.LogDestination}",
                    _ => log.LogDestination,
                };
                logs.AddRow(Name(log.Id.Value), log.Id.Value, $"{Name(log.ResourceId)} ({log.ResourceId})",
                    log.TrafficType.ToString().ToUpperInvariant(), Markup.Escape(destination),
                    log.Format == FlowLogFormat.Default ? "default (v2)" : $"custom (v{log.Format.Version})",
                    log.MaxAggregationInterval.ToString(CultureInfo.InvariantCulture) + " s");
            }
            console.Write(logs);
        }
    }

    private static string State(VpcPeeringConnection pcx)
    {
        var state = System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(pcx.State.ToString()); // AWS spells pending-acceptance
        return string.IsNullOrEmpty(pcx.StatusMessage) ? state : $"{state}: {pcx.StatusMessage}";
    }
}
