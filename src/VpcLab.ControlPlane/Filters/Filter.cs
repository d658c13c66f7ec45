using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>One Describe* filter as on the wire (Filter.N.Name, Filter.N.Value.M).</summary>
public sealed record Filter
{
    public string? Name { get; init; }
    public IReadOnlyList<string>? Values { get; init; }

    public Filter()
    {
    }

    public Filter(string name, params string[] values)
    {
        Name = name;
        Values = values;
    }
}

/// <summary>The filter names one Describe* supports, each mapped to the values a resource has for it.
/// Semantics (spec §1): names AND-ed, values OR-ed, case-sensitive, '*' and '?' wildcards; tag:&lt;key&gt;,
/// tag-key and tag-value are understood for every resource; an unknown name is InvalidParameterValue.</summary>
internal sealed class FilterSchema<T>
{
    private readonly Dictionary<string, Func<T, IEnumerable<string?>>> _fields = new(StringComparer.Ordinal);
    private readonly Func<T, string?> _tagId;

    public FilterSchema(Func<T, string?> tagId)
    {
        _tagId = tagId;
    }

    public FilterSchema<T> Add(string name, Func<T, string?> value)
    {
        _fields[name] = x => [value(x)];
        return this;
    }

    public FilterSchema<T> AddMany(string name, Func<T, IEnumerable<string?>> values)
    {
        _fields[name] = values;
        return this;
    }

    public IEnumerable<T> Apply(IEnumerable<T> items, IReadOnlyList<Filter>? filters, Network network)
    {
        if (filters is null || filters.Count == 0)
            return items;
        var compiled = new List<Func<T, bool>>();
        foreach (var filter in filters)
        {
            var name = filter.Name ?? throw Ec2Errors.MissingParameter("Filter.Name");
            var patterns = (filter.Values ?? []).ToImmutableArray();
            Func<T, IEnumerable<string?>> values;
            if (name.StartsWith("tag:", StringComparison.Ordinal))
            {
                var key = name[4..];
                values = x => _tagId(x) is { } id && network.TagsOf(id).Items.TryGetValue(key, out var v) ? [v] : [];
            }
            else if (name == "tag-key")
                values = x => _tagId(x) is { } id ? network.TagsOf(id).Items.Keys : [];
            else if (name == "tag-value")
                values = x => _tagId(x) is { } id ? network.TagsOf(id).Items.Values : [];
            else if (!_fields.TryGetValue(name, out values!))
                throw Ec2Errors.InvalidFilter(name);
            var v = values;
            compiled.Add(x => v(x).Any(value => value is not null && patterns.Any(p => Wildcard.Matches(p, value))));
        }
        return items.Where(x => compiled.All(f => f(x)));
    }
}

/// <summary>How booleans print in filters and on the wire.</summary>
internal static class Wire
{
    public static string Bool(bool b) => b ? "true" : "false";

    public static string Int(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
