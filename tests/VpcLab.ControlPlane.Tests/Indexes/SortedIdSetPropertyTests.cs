using CsCheck;

namespace VpcLab.ControlPlane.Tests;

/// <summary>The index's posting lists (<see cref="SortedIdSet"/>) answer in ordinal id order, as the Describe* calls
/// do (docs/semantics.md#pagination: a page continues after the last id it gave), so these properties hold the wide tree to a <see cref="SortedSet{T}"/> with the ordinal
/// comparer over random adds and removes, with and without a builder's owner: a list once handed out never changes,
/// whatever the later edits, and the tree keeps its shape (every node but the root at least a quarter full).</summary>
public sealed class SortedIdSetPropertyTests
{
    // Ids that sort differently under ordinal and culture rules (case, '-' against letters), with long shared prefixes
    // like AWS ids; a range wide enough for lists of several levels.
    private static string IdOf(int n, int style) => style switch
    {
        0 => "vpc-" + n.ToString("x17", System.Globalization.CultureInfo.InvariantCulture),
        1 => (n % 3) switch { 0 => "A", 1 => "a", _ => "-" } + n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => new string('z', n % 5) + n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public void AnyEdits_AnswerAsAnOrdinalSortedSet_AndEarlierVersionsNeverChange()
    {
        // (op, id): op 0–5 add, 6–8 remove, 9 hand the set out (the builder's owner changes); ids in a range that
        // makes both large lists (adds win) and emptied ones (few ids).
        var edits = Gen.Select(Gen.Int[0, 9], Gen.Int[0, 3000]).Array[0, 1500];
        Gen.Select(edits, Gen.Int[0, 2], Gen.Bool, Gen.Int[0, 400]).Sample((steps, style, owned, start) =>
        {
            var initial = Enumerable.Range(0, start).Select(i => IdOf(i * 7 % 3001, style)).ToList();
            var set = SortedIdSet.Create(initial);
            var model = new SortedSet<string>(initial, StringComparer.Ordinal);
            object? owner = owned ? new object() : null;
            var versions = new List<(SortedIdSet Set, string[] Model)> { (set, [.. model]) };
            foreach (var (op, n) in steps)
            {
                var id = IdOf(n, style);
                var before = set;
                if (op <= 5)
                {
                    set = set.Add(id, owner);
                    Assert.Equal(model.Add(id), !ReferenceEquals(before, set));
                }
                else if (op <= 8)
                {
                    set = set.Remove(id, owner);
                    Assert.Equal(model.Remove(id), !ReferenceEquals(before, set));
                }
                else
                {
                    versions.Add((set, [.. model]));
                    owner = owned ? new object() : null;
                }
            }
            versions.Add((set, [.. model]));
            foreach (var (version, then) in versions)
                Same(then, version);
        }, iter: 100);
    }

    [Fact]
    public void After_AnyBound_IsTheIdsOrdinallyAfterIt()
    {
        Gen.Select(Gen.Int[0, 3000].Array[0, 2000], Gen.Int[0, 3100], Gen.Int[0, 2]).Sample((ids, bound, style) =>
        {
            var model = new SortedSet<string>(ids.Select(i => IdOf(i, style)), StringComparer.Ordinal);
            var set = SortedIdSet.Create(model.Reverse());
            var after = IdOf(bound, style);
            Assert.Equal(model.Where(id => string.CompareOrdinal(id, after) > 0), set.After(after));
        }, iter: 200);
    }

    [Fact]
    public void Create_TenThousandIds_IsThreeLevelsDeep()
    {
        // The reason for the type: an owner scope of 10,000 VPCs is 3 levels (64 ids a leaf, 32 children a node),
        // where a balanced binary tree is 14.
        var set = SortedIdSet.Create(Enumerable.Range(0, 10_000).Select(i => IdOf(i, 0)));
        Assert.Equal((3, true), set.Shape());
        for (var i = 10_000; i < 20_000; i++)
            set = set.Add(IdOf(i, 0));
        Assert.True(set.Shape() is { Depth: <= 4, Sound: true });
        Assert.Equal(20_000, set.Count);
    }

    private static void Same(string[] model, SortedIdSet set)
    {
        Assert.Equal(model, set);
        Assert.Equal(model.Length, set.Count);
        Assert.Equal(model.Length == 0, set.IsEmpty);
        Assert.True(set.Shape().Sound);
        foreach (var id in model.Where((_, i) => i % 17 == 0))
            Assert.True(set.Contains(id));
        Assert.False(set.Contains("absent"));
    }
}
