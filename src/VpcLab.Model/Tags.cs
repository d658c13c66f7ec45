using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>A resource's tags (key → value). Keys are case-sensitive; "Name" is what consoles show.</summary>
public sealed record Tags(ImmutableSortedDictionary<string, string> Items)
{
    public static readonly Tags Empty = new(ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal));

    public string? Name => Items.GetValueOrDefault("Name");
    public int Count => Items.Count;
    public bool IsEmpty => Items.IsEmpty;

    public Tags With(string key, string value) => new(Items.SetItem(key, value));
    public Tags Without(string key) => new(Items.Remove(key));

    public static Tags Of(params (string Key, string Value)[] tags) =>
        new(Empty.Items.SetItems(tags.Select(t => KeyValuePair.Create(t.Key, t.Value))));

    public static Tags Named(string name) => Of(("Name", name));
}
