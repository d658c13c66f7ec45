using System.Globalization;
using System.Text.Json.Nodes;
using VpcLab.Analysis;
using VpcLab.Analysis.Reachability;
using VpcLab.Engine;
using VpcLab.Model;

namespace VpcLab.Server.WebConsole;

/// <summary>The trace view's saved Reachability Analyzer paths (NetworkInsightsPath, created with
/// CreateNetworkInsightsPath): the list of one account and Region, and one path analysed by the same
/// <see cref="NetworkInsightsAnalyzer"/> as StartNetworkInsightsAnalysis, answered in the shape of
/// <c>vpclab trace --json</c> so the page draws it as any trace. Opening a path stores no analysis (a read, not
/// StartNetworkInsightsAnalysis). docs/semantics.md#console-saved-paths.</summary>
public sealed class ConsoleSavedPaths
{
    private readonly NetworkInsightsAnalyzer _analyzer = new();

    public static JsonObject List(AnalysisStore<NetworkInsightsPath, NetworkInsightsAnalysis> store, AccountId account, string region)
    {
        ArgumentNullException.ThrowIfNull(store);
        var paths = store.SubjectsOf(new ControlPlane.RequestContext(account, region));
        return new JsonObject
        {
            ["paths"] = ConsoleTopology.Array(paths, p => new JsonObject
            {
                ["id"] = p.Id,
                ["name"] = p.Tags.Items.TryGetValue("Name", out var name) ? name : p.Id,
                ["source"] = p.Source.Id,
                ["destination"] = p.Destination?.Id ?? p.DestinationIp?.ToString(),
                ["protocol"] = p.Protocol,
                ["port"] = p.DestinationPort,
                ["text"] = Describe(p),
            }),
        };
    }

    /// <summary>The path's analysis as a trace, or the analysis' failure message (a component it names is gone).</summary>
    public (Trace? Trace, string? Failure) Analyze(NetworkInsightsPath path, Network network)
    {
        ArgumentNullException.ThrowIfNull(path);
        var outcome = _analyzer.Analyze(path, network);
        if (outcome.Status != AnalysisOutcome.Succeeded || outcome.Flow is not { } flow)
            return (null, outcome.StatusMessage ?? "The analysis found no flow to trace.");
        var found = outcome.NetworkPathFound == true;
        var dropped = found ? null : outcome.Forward.Concat(outcome.Return).FirstOrDefault(h => h.Action == HopAction.Dropped);
        PathDirection? droppedOn = dropped is null ? null
            : outcome.Forward.Contains(dropped) ? PathDirection.Forward : PathDirection.Return;
        return (new Trace(flow, found ? Verdict.Accepted : Verdict.Dropped, outcome.Forward, outcome.Return,
            dropped?.Component, droppedOn, outcome.Explanations), null);
    }

    private static string Describe(NetworkInsightsPath p)
    {
        var to = p.Destination?.Id ?? p.DestinationIp?.ToString() ?? "?";
        var port = p.DestinationPort is { } n ? string.Create(CultureInfo.InvariantCulture, $" port {n}") : "";
        return $"{p.Source.Id} → {to} {p.Protocol}{port}";
    }
}
