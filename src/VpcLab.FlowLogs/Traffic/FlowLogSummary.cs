using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using VpcLab.Model;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>One flow log in a run's summary: its id, its Name tag (else its id), records delivered and where to
/// (<c>s3://bucket/key</c> or <c>group/stream</c>).</summary>
public sealed record FlowLogSummary(string FlowLogId, string Name, int Records, ImmutableArray<string> Locations);
