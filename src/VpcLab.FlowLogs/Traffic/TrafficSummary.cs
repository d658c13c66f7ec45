using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using VpcLab.Model;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>A run's summary as JSON gives it, the one shape <c>vpclab traffic --json</c> prints and
/// <c>POST /_vpclab/traffic</c> answers (camelCase keys: start, end, connections, established, failed, skipped,
/// records, output, flowLogs). <see cref="Output"/> is the directory delivered into (absent for a server).</summary>
public sealed record TrafficSummary(
    DateTimeOffset Start, DateTimeOffset End, long Connections, long Established, long Failed, long Skipped, long Records,
    string? Output, ImmutableArray<FlowLogSummary> FlowLogs)
{
    private static readonly JsonSerializerOptions Compact = Options(indented: false);
    private static readonly JsonSerializerOptions Indented = Options(indented: true);

    public static TrafficSummary Of(Network network, TrafficTotals traffic, ImmutableArray<FlowLogDelivered> delivered, string? output)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(traffic);
        return new TrafficSummary(traffic.Start, traffic.End, traffic.Connections, traffic.Established, traffic.Failed,
            traffic.Skipped, traffic.RecordCount, output,
            [.. delivered.Select(d => new FlowLogSummary(d.FlowLog.Id.Value, network.NameOf(d.FlowLog.Id.Value), d.Records, d.Locations))]);
    }

    /// <summary>Compact for HTTP answers, indented for a terminal; the same keys either way.</summary>
    public string ToJson(bool indented = false) => JsonSerializer.Serialize(this, indented ? Indented : Compact);

    private static JsonSerializerOptions Options(bool indented) => new()
    {
        WriteIndented = indented,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
