using VpcLab.Model;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>AWS's NODATA records, window by window as they close: for each watched interface and flow log, every
/// window from the later of the run's start and the flow log's creation to the run's end in which the interface
/// recorded nothing gets a NODATA record (its last window ends with the run).</summary>
internal sealed class NoDataWindows
{
    private readonly int[][] _watchers;
    private readonly long[][] _windows;
    /// <summary>Per interface and watcher: the first second it is watched in this run.</summary>
    private readonly long[][] _from;
    /// <summary>Per interface and watcher: the next window (index) not yet settled.</summary>
    private readonly long[][] _next;
    private readonly long _to;
    /// <summary>The earliest end of an unsettled window: closing before it settles nothing.</summary>
    private long _due = long.MinValue;

    public NoDataWindows(FlowLog[] logs, int[][] watchers, long[][] windows, long from, long to)
    {
        _watchers = watchers;
        _windows = windows;
        _to = to;
        _from = new long[watchers.Length][];
        _next = new long[watchers.Length][];
        for (int eni = 0; eni < watchers.Length; eni++)
        {
            _from[eni] = new long[watchers[eni].Length];
            _next[eni] = new long[watchers[eni].Length];
            for (int k = 0; k < watchers[eni].Length; k++)
            {
                _from[eni][k] = Math.Max(from, logs[watchers[eni][k]].CreationTime.ToUnixTimeSeconds());
                _next[eni][k] = _from[eni][k] / windows[eni][k];
            }
        }
    }

    /// <summary>Adds to <paramref name="lists"/> a NODATA record for each window that ends at or before
    /// <paramref name="clock"/> and is not in <paramref name="busy"/>.</summary>
    public void Close(long clock, HashSet<(int Log, int Interface, long Window)> busy, List<FlowRecord>[] lists, InterfaceContexts contexts)
    {
        if (clock < _due)
            return;
        long due = long.MaxValue;
        for (int eni = 0; eni < _watchers.Length; eni++)
        {
            for (int k = 0; k < _watchers[eni].Length; k++)
            {
                int l = _watchers[eni][k];
                long w = _windows[eni][k];
                long window = _next[eni][k];
                for (; window * w < _to && (window + 1) * w <= clock; window++)
                {
                    if (!busy.Contains((l, eni, window)))
                        lists[l].Add(FlowRecord.NoData(contexts[eni], Math.Max(window * w, _from[eni][k]), Math.Min((window + 1) * w, _to)));
                }
                _next[eni][k] = window;
                if (window * w < _to)
                    due = Math.Min(due, (window + 1) * w);
            }
        }
        _due = due;
    }
}
