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
        Apply(paths, filters, s_pathFilters, PathFilterValues, p => p.Tags);

    public static IEnumerable<NetworkInsightsAnalysis> ApplyToAnalyses(IEnumerable<NetworkInsightsAnalysis> analyses, IReadOnlyList<Filter>? filters) =>
        Apply(analyses, filters, s_analysisFilters, AnalysisFilterValues, a => a.Tags);

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

    /// <summary>AWS filter semantics (spec §1): names AND-ed, values OR-ed, '*' and '?' wildcards, tag:&lt;key&gt;,
    /// tag-key and tag-value; an unknown name is InvalidParameterValue.</summary>
    private static IEnumerable<T> Apply<T>(IEnumerable<T> items, IReadOnlyList<Filter>? filters, string[] known,
        Func<T, string, IEnumerable<string?>?> values, Func<T, Tags> tags)
    {
        foreach (var filter in filters ?? [])
        {
            var name = filter.Name ?? throw Ec2Errors.MissingParameter("Filter.Name");
            var patterns = filter.Values ?? [];
            Func<T, IEnumerable<string?>> of;
            if (name.StartsWith("tag:", StringComparison.Ordinal))
            {
                var key = name[4..];
                of = x => tags(x).Items.TryGetValue(key, out var v) ? [v] : [];
            }
            else if (name == "tag-key")
                of = x => tags(x).Items.Keys;
            else if (name == "tag-value")
                of = x => tags(x).Items.Values;
            else if (!known.Contains(name))
                throw Ec2Errors.InvalidFilter(name);
            else
                of = x => values(x, name) ?? [];
            var selector = of;
            items = items.Where(x => selector(x).Any(v => v is not null && patterns.Any(p => VpcLab.Model.Wildcard.Matches(p, v))));
        }
        return items;
    }

    private static readonly string[] s_pathFilters =
    [
        "source", "destination", "source-ip", "destination-ip", "protocol", "destination-port",
        "filter-at-source.source-address", "filter-at-source.source-port-range", "filter-at-source.destination-address",
        "filter-at-source.destination-port-range", "filter-at-destination.source-address", "filter-at-destination.source-port-range",
        "filter-at-destination.destination-address", "filter-at-destination.destination-port-range",
    ];

    private static readonly string[] s_analysisFilters = ["path-found", "status"];

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
