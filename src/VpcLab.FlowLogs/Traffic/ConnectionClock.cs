namespace VpcLab.FlowLogs.Traffic;

/// <summary>The connections of every pattern of a workload in start-time order. Pattern k's connection j starts at
/// <c>from + (j + u) × spacing</c> (u in [0, 1) from the pattern's own generator), so each pattern's starts rise and a
/// merge by start time (ties: the earlier pattern) puts the whole run in clock order. Each pattern keeps its own
/// generator, drawn in the same order as when patterns were played one after another (start time, then the
/// connection's addresses and ports), so the records do not depend on the merge.</summary>
internal sealed class ConnectionClock
{
    private readonly SplitMix64[] _generators;
    private readonly int[] _next;
    private readonly int[] _count;
    private readonly double[] _from;
    private readonly double[] _spacing;
    private readonly PriorityQueue<int, (double Time, int Pattern)> _queue = new();

    public ConnectionClock(IReadOnlyList<TrafficSimulator.PatternPlan> plans, ulong seed, long startUnix, TimeSpan duration)
    {
        int n = plans.Count;
        _generators = new SplitMix64[n];
        _next = new int[n];
        _count = new int[n];
        _from = new double[n];
        _spacing = new double[n];
        for (int k = 0; k < n; k++)
        {
            var pattern = plans[k].Pattern;
            _generators[k] = new SplitMix64(SplitMix64.Mix(seed, pattern.Name));
            _count[k] = TrafficSimulator.ConnectionCount(pattern, duration);
            _from[k] = startUnix + pattern.Schedule.Start.TotalSeconds;
            double to = startUnix + Math.Min((pattern.Schedule.End ?? duration).TotalSeconds, duration.TotalSeconds);
            _spacing[k] = _count[k] > 0 ? (to - _from[k]) / _count[k] : 0;
            Schedule(k);
        }
    }

    /// <summary>The generator of pattern <paramref name="pattern"/>, for the connection just taken.</summary>
    public ref SplitMix64 Generator(int pattern) => ref _generators[pattern];

    /// <summary>The next connection: its pattern, its index in the pattern and its start (Unix seconds). Call
    /// <see cref="Generator"/> for its addresses before the next call: the pattern's next start is drawn then.</summary>
    public bool Next(out int pattern, out int index, out double start)
    {
        if (_pending >= 0)
            Schedule(_pending);
        if (!_queue.TryDequeue(out pattern, out var at))
        {
            index = 0;
            start = 0;
            _pending = -1;
            return false;
        }
        index = _next[pattern]++;
        start = at.Time;
        _pending = pattern;
        return true;
    }

    private int _pending = -1;

    private void Schedule(int k)
    {
        if (_next[k] >= _count[k])
            return;
        double t0 = _from[k] + ((_next[k] + _generators[k].NextDouble()) * _spacing[k]);
        _queue.Enqueue(k, (t0, k));
    }
}
