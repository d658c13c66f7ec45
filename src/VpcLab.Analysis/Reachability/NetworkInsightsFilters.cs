using System.Globalization;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.Reachability;

/// <summary>The Describe filters of paths and analyses (spec/reachability.md §1.2, docs/semantics.md#errors) and the
/// selection by id.</summary>
internal static class NetworkInsightsFilters
{
    public static IEnumerable<NetworkInsightsPath> ApplyToPaths(IEnumerable<NetworkInsightsPath> paths, IReadOnlyList<Filter>? filters) =>
        s_paths.Apply(paths, filters);

    public static IEnumerable<NetworkInsightsAnalysis> ApplyToAnalyses(IEnumerable<NetworkInsightsAnalysis> analyses, IReadOnlyList<Filter>? filters) =>
        s_analyses.Apply(analyses, filters);

    /// <summary>Filter values of a path (spec/reachability.md §1.2). Port ranges read "from-to".</summary>
    private static IEnumerable<string?>? PathFilterValues(NetworkInsightsPath p, string name) => name switch
    {
        "source" => [p.Source.Id, p.Source.Arn],
        "destination" => [p.Destination?.Id, p.Destination?.Arn],
        "source-ip" => [p.SourceIp?.ToString()],
        "destination-ip" => [p.DestinationIp?.ToString()],
        "protocol" => [p.Protocol],
        "destination-port" => [p.DestinationPort?.ToString(CultureInfo.InvariantCulture)],
        "filter-at-source.source-address" => [p.FilterAtSource?.SourceAddress?.ToString()],
        "filter-at-source.source-port-range" => RangeValues(p.FilterAtSource?.SourcePortRange),
        "filter-at-source.destination-address" => [p.FilterAtSource?.DestinationAddress?.ToString()],
        "filter-at-source.destination-port-range" => RangeValues(p.FilterAtSource?.DestinationPortRange),
        "filter-at-destination.source-address" => [p.FilterAtDestination?.SourceAddress?.ToString()],
        "filter-at-destination.source-port-range" => RangeValues(p.FilterAtDestination?.SourcePortRange),
        "filter-at-destination.destination-address" => [p.FilterAtDestination?.DestinationAddress?.ToString()],
        "filter-at-destination.destination-port-range" => RangeValues(p.FilterAtDestination?.DestinationPortRange),
        _ => null,
    };

    private static IEnumerable<string?> RangeValues(PortRange? range) => range is { } r
        ? [string.Create(CultureInfo.InvariantCulture, $"{r.From}-{r.To}"), r.From == r.To ? r.From.ToString(CultureInfo.InvariantCulture) : null]
        : [];

    private static IEnumerable<string?>? AnalysisFilterValues(NetworkInsightsAnalysis a, string name) => name switch
    {
        "path-found" => [a.NetworkPathFound is { } found ? (found ? "true" : "false") : null],
        "status" => [a.Status],
        _ => null,
    };

    private static readonly string[] s_pathFilters =
    [
        "source", "destination", "source-ip", "destination-ip", "protocol", "destination-port",
        "filter-at-source.source-address", "filter-at-source.source-port-range", "filter-at-source.destination-address",
        "filter-at-source.destination-port-range", "filter-at-destination.source-address", "filter-at-destination.source-port-range",
        "filter-at-destination.destination-address", "filter-at-destination.destination-port-range",
    ];

    private static readonly string[] s_analysisFilters = ["path-found", "status"];

    // The control plane's filter semantics (names AND-ed, values OR-ed, wildcards, tag filters, unknown names refused).
    private static readonly FilterSchema<NetworkInsightsPath> s_paths = Schema(FilterSchema<NetworkInsightsPath>.WithTags(p => p.Tags), s_pathFilters, PathFilterValues);

    private static readonly FilterSchema<NetworkInsightsAnalysis> s_analyses = Schema(FilterSchema<NetworkInsightsAnalysis>.WithTags(a => a.Tags), s_analysisFilters, AnalysisFilterValues);

    private static FilterSchema<T> Schema<T>(FilterSchema<T> schema, string[] names, Func<T, string, IEnumerable<string?>?> values)
    {
        foreach (var name in names)
            schema.AddMany(name, x => values(x, name) ?? []);
        return schema;
    }

    /// <summary>The items a Describe call names by id (all of them when it names none); an unknown id fails the whole
    /// call through <paramref name="find"/>, as AWS does.</summary>
    public static IEnumerable<T> OnlyIds<T>(IEnumerable<T> items, IReadOnlyList<string>? ids, Func<string, string> find, Func<T, string> idOf)
    {
        if (ids is not { Count: > 0 })
            return items;
        var wanted = new HashSet<string>(ids.Select(find), StringComparer.Ordinal);
        return items.Where(item => wanted.Contains(idOf(item)));
    }
}
