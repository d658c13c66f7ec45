using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The filter names one Describe* supports, each mapped to the values a resource has for it.
/// Semantics (spec §1): names AND-ed, values OR-ed, case-sensitive, '*' and '?' wildcards; tag:&lt;key&gt;,
/// tag-key and tag-value are understood for every resource; an unknown name is InvalidParameterValue. Used by every
/// Describe* of the control plane and by the Reachability Analyzer's (src/VpcLab.Analysis).</summary>
public sealed class FilterSchema<T>
{
    private readonly Dictionary<string, Func<T, IEnumerable<string?>>> _fields = new(StringComparer.Ordinal);
    private readonly Func<T, Network?, Tags> _tags;

    /// <summary>A schema for an EC2 resource, whose tags live in <see cref="Network.Tags"/> under its id.</summary>
    public FilterSchema(Func<T, string?> tagId)
    {
        ArgumentNullException.ThrowIfNull(tagId);
        _tags = (x, network) => network is not null && tagId(x) is { } id ? network.TagsOf(id) : Tags.Empty;
    }

    private FilterSchema(Func<T, Network?, Tags> tags)
    {
        _tags = tags;
    }

    /// <summary>A schema for a resource that carries its own tags.</summary>
    public static FilterSchema<T> WithTags(Func<T, Tags> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return new FilterSchema<T>((x, _) => tags(x));
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

    public IEnumerable<T> Apply(IEnumerable<T> items, IReadOnlyList<Filter>? filters, Network? network = null)
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
                values = x => _tags(x, network).Items.TryGetValue(key, out var v) ? [v] : [];
            }
            else if (name == "tag-key")
                values = x => _tags(x, network).Items.Keys;
            else if (name == "tag-value")
                values = x => _tags(x, network).Items.Values;
            else if (!_fields.TryGetValue(name, out values!))
                throw Ec2Errors.InvalidFilter(name);
            var v = values;
            compiled.Add(x => v(x).Any(value => value is not null && patterns.Any(p => Wildcard.Matches(p, value))));
        }
        return items.Where(x => compiled.All(f => f(x)));
    }
}
