namespace VpcLab.ControlPlane;

/// <summary>The part of an id-ordered Describe* answer a paged caller keeps: the records whose id comes after
/// <paramref name="After"/> (ordinal; from the start when null), at most <paramref name="Take"/> of them. Given on the
/// <see cref="RequestContext"/> by the server's pagination, it lets <see cref="FilterSchema{T}.Select"/> seek into the
/// index's ordered lists and stop, so a page costs its own size, not the answer's (docs/semantics.md#pagination).</summary>
public sealed record PageWindow(string? After, int Take)
{
    /// <summary>The window applied to ids already in ordinal order: those after <see cref="After"/>. An index's list is
    /// entered by binary search; other sequences are skipped through.</summary>
    internal IEnumerable<string> Seek(IEnumerable<string> orderedIds)
    {
        if (After is not { } after)
            return orderedIds;
        if (orderedIds is SortedIdSet list)
            return list.After(after);
        return orderedIds.SkipWhile(id => string.CompareOrdinal(id, after) <= 0);
    }

    /// <summary>The window applied to records in id order.</summary>
    internal IEnumerable<T> Cut<T>(IEnumerable<T> ordered, Func<T, string> id)
    {
        var after = After is { } a ? ordered.SkipWhile(x => string.CompareOrdinal(id(x), a) <= 0) : ordered;
        return after.Take(Take);
    }
}
