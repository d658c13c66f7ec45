namespace VpcLab.Server.Tests.Concurrency;

/// <summary>A small linearizability checker for one register (Wing and Gong's search with memoisation, as in
/// Lowe's "Testing for linearizability", 2017): is there a total order of the completed operations that respects
/// real time (an operation that returned before another was invoked comes first) in which every read returns the
/// last value written before it? The search linearizes, at each step, one of the operations invoked before every
/// pending operation returned, and remembers (set linearized, register value) states already refuted.</summary>
internal static class LinearizabilityChecker
{
    /// <summary>At most 64 operations per history (a bit set); split longer histories by key.</summary>
    public const int MaxOperations = 64;

    public static bool IsLinearizable(IReadOnlyList<RegisterOperation> history, string? initial = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count > MaxOperations)
            throw new ArgumentException($"at most {MaxOperations} operations per history", nameof(history));
        var refuted = new HashSet<(ulong Done, string? Value)>();
        ulong all = history.Count == 64 ? ulong.MaxValue : (1UL << history.Count) - 1;
        return Search(history, 0, initial, all, refuted);
    }

    private static bool Search(IReadOnlyList<RegisterOperation> history, ulong done, string? value, ulong all, HashSet<(ulong, string?)> refuted)
    {
        if (done == all)
            return true;
        if (refuted.Contains((done, value)))
            return false;
        // The earliest response among operations not yet linearized bounds which may go next.
        long horizon = long.MaxValue;
        for (int i = 0; i < history.Count; i++)
        {
            if ((done & (1UL << i)) == 0)
                horizon = Math.Min(horizon, history[i].Returned);
        }
        for (int i = 0; i < history.Count; i++)
        {
            var op = history[i];
            if ((done & (1UL << i)) != 0 || op.Invoked > horizon)
                continue;
            if (op.IsWrite)
            {
                if (Search(history, done | (1UL << i), op.Value, all, refuted))
                    return true;
            }
            else if (op.Value == value && Search(history, done | (1UL << i), value, all, refuted))
            {
                return true;
            }
        }
        refuted.Add((done, value));
        return false;
    }
}
