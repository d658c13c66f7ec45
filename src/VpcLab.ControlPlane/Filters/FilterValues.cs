namespace VpcLab.ControlPlane;

/// <summary>What the index planner asks of a filter value.</summary>
internal static class FilterValues
{
    /// <summary>True when a filter value is a pattern rather than a literal: AWS's <c>*</c> and <c>?</c>, and the
    /// escape <c>\</c> (a literal value matches only itself, so a posting list answers it).</summary>
    public static bool IsPattern(string value) => value.AsSpan().IndexOfAny('*', '?', '\\') >= 0;

    /// <summary>The literal values of a filter named <paramref name="name"/> among <paramref name="filters"/>, or null
    /// when there is no such filter or one of its values is a pattern.</summary>
    public static IReadOnlyList<string>? Literals(IReadOnlyList<Filter>? filters, string name)
    {
        foreach (var filter in filters ?? [])
        {
            if (filter.Name == name && filter.Values is { } values && !values.Any(IsPattern))
                return values;
        }
        return null;
    }
}
