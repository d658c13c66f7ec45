using System.Diagnostics;

namespace VpcLab.ControlPlane.Persistence;

/// <summary>Group commit for the operation log (<see cref="IOperationLog"/>): mutations applied while a commit is on its way to
/// disk wait together and go in the next batch, so concurrent writers share one sync instead of queueing
/// for one each. Each caller still gets its answer only after its own record is committed (acknowledged writes
/// are never lost). One dedicated thread does every commit, so the thread pool that serves requests is never
/// blocked in fsync.
///
/// Writers that wait for their answer before writing again (an HTTP connection with one request in flight) split in
/// two halves that take turns: the half answered by one commit comes back while the other half's commit is on its
/// way. With <c>waitForWriters</c>, a commit first waits, briefly, for the writers it expects (those of the last batch,
/// just answered, likely on their way back, and those that arrived during the last commit; at most one commit's time,
/// 1–2 ms; never for a lone writer), but only when that pays: when the last commit took longer than the expected
/// writers take to arrive (at the pace the last batch's writers arrived). Then the disk is the bound and one commit of
/// the whole group beats two of halves; when the disk is faster than the writers, the halves keep the CPU busy while
/// the other half's commit is on disk, and waiting would leave it idle (docs/benchmarks.md#api-scale-writes).
///
/// Over HTTP on a CPU-bound server the commit that takes what is pending fires on whichever 1–3 records are there, so
/// the per-commit cost (the sync's kernel time, the wake-ups) falls on few writes. Two other signals for the batch
/// (<see cref="InFlightWait"/>): the server announces each request that may write as it enters (<see cref="Announce"/>,
/// the Query endpoint for every POST, before its parse) and it leaves the count when its record is queued or it turns
/// out to read; a commit then waits while announced writers are still on their way (and, with
/// <see cref="InFlightWait.AnnouncedOrPoolBusy"/>, while the thread pool has queued work: the CPU is busy, so the wait
/// idles no core), at most the last commit's time, and the last writer to arrive wakes it. A lone writer is never
/// delayed. And the answers can go out from one pool work item per batch (<c>answerInOneWorkItem</c>: the callers'
/// continuations run inline there, one after the other) instead of one pool hop per caller. Measured side by side in
/// docs/benchmarks.md#api-scale-writes-inflight.</summary>
internal sealed class GroupCommitter : ICommitter
{
    private const int MaxWaitMilliseconds = 2;

    /// <summary>A batch this large is committed without waiting for more.</summary>
    internal const int MaxBatch = 64;

    private readonly IOperationLog _log;
    private readonly bool _waitForWriters;
    private readonly InFlightWait _inFlightWait;
    private readonly bool _answerInOneWorkItem;
    private readonly long _maxInFlightWait; // Stopwatch ticks; 0: the last commit's time
    private int _inFlight; // announced writers not yet queued (Interlocked)
    private volatile bool _gathering; // the commit thread waits for writers in flight: enqueuers wake it when done
    private long _gatherUntil; // Stopwatch timestamp: the end of that wait
    private readonly object _gate = new(); // Monitor: Wait/Pulse wake the commit thread
    private readonly Thread _thread;
    private List<(LogRecord Record, TaskCompletionSource Durable)> _pending = [];
    private Task _last = Task.CompletedTask;
    private bool _stopping;
    private int _wanted = 1; // pending records that wake the commit thread
    private long _commits;
    private long _firstArrival, _lastArrival; // Stopwatch timestamps of the pending records' first and last

    /// <summary>What a commit waits for before it takes the pending records (besides <c>waitForWriters</c>).</summary>
    internal enum InFlightWait
    {
        /// <summary>Nothing: it takes what is pending.</summary>
        None,

        /// <summary>The writers announced (<see cref="Announce"/>) and not yet queued.</summary>
        Announced,

        /// <summary>Those, and work queued in the thread pool (a busy CPU: waiting idles no core).</summary>
        AnnouncedOrPoolBusy,
    }

    public GroupCommitter(IOperationLog log, bool waitForWriters = true, InFlightWait inFlightWait = InFlightWait.None,
        bool answerInOneWorkItem = false, TimeSpan? maxInFlightWait = null)
    {
        _log = log;
        _waitForWriters = waitForWriters;
        _inFlightWait = inFlightWait;
        _answerInOneWorkItem = answerInOneWorkItem;
        _maxInFlightWait = (long)((maxInFlightWait ?? TimeSpan.Zero).TotalSeconds * Stopwatch.Frequency);
        _thread = new Thread(Run) { IsBackground = true, Name = "vpclab group commit" };
        _thread.Start();
    }

    public long Commits => Interlocked.Read(ref _commits);

    public bool CountsWritersInFlight => _inFlightWait != InFlightWait.None;

    public void Announce() => Interlocked.Increment(ref _inFlight);

    public void Withdraw()
    {
        Interlocked.Decrement(ref _inFlight);
        if (_gathering)
        {
            lock (_gate)
            {
                if (GatheringDone())
                    Monitor.Pulse(_gate);
            }
        }
    }

    public Task Enqueue(LogRecord record, bool announced, out bool lead)
    {
        lead = false; // the commit thread commits
        // The commit thread never runs a caller's response inline: asynchronous continuations, or (answering from one
        // work item) a pool thread completes the batch.
        var durable = new TaskCompletionSource(_answerInOneWorkItem ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            if (announced)
                Interlocked.Decrement(ref _inFlight);
            _lastArrival = Stopwatch.GetTimestamp();
            if (_pending.Count == 0)
                _firstArrival = _lastArrival;
            _pending.Add((record, durable));
            _last = durable.Task;
            if (_gathering ? GatheringDone() : _pending.Count >= _wanted)
                Monitor.Pulse(_gate); // not per record while the commit thread waits for a whole group
        }
        return durable.Task;
    }

    /// <summary>Under the gate, while the commit thread gathers: whether it should commit now (nobody else is coming,
    /// the batch is full, or the wait is over).</summary>
    private bool GatheringDone() =>
        _pending.Count >= MaxBatch || !MoreComing() || Stopwatch.GetTimestamp() >= _gatherUntil;

    private bool MoreComing() =>
        Volatile.Read(ref _inFlight) > 0
        || (_inFlightWait == InFlightWait.AnnouncedOrPoolBusy && ThreadPool.PendingWorkItemCount > 0);

    public void Lead() => throw new InvalidOperationException("The commit thread commits; no writer leads.");

    public void Flush()
    {
        Task last;
        lock (_gate)
            last = _last;
        ((IAsyncResult)last).AsyncWaitHandle.WaitOne(); // waits without rethrowing: that batch's callers were told
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.Pulse(_gate);
        }
        _thread.Join(); // commits what is pending first
    }

    private void Run()
    {
        var expected = 1;
        var commitTime = TimeSpan.Zero;
        var arrivalGap = TimeSpan.Zero; // between two writers of the last batch
        while (true)
        {
            List<(LogRecord Record, TaskCompletionSource Durable)> batch;
            lock (_gate)
            {
                while (_pending.Count == 0 && !_stopping)
                    Monitor.Wait(_gate);
                if (_pending.Count == 0)
                    return; // stopping, nothing left
                if (_waitForWriters && _pending.Count < expected && WaitPays(commitTime, arrivalGap, expected))
                    AwaitWriters(expected, commitTime);
                else if (_inFlightWait != InFlightWait.None)
                    GatherInFlight(commitTime);
                // Everything that arrived during the previous commit (and the wait) goes in this one.
                batch = _pending;
                _pending = [];
                if (batch.Count > 1)
                    arrivalGap = Stopwatch.GetElapsedTime(_firstArrival, _lastArrival) / (batch.Count - 1);
            }
            var started = Stopwatch.GetTimestamp();
            var failure = Append(_log, batch);
            commitTime = Stopwatch.GetElapsedTime(started);
            lock (_gate)
                expected = batch.Count + _pending.Count; // this batch's writers come back; those that came during it wait
            Interlocked.Increment(ref _commits);
            if (_answerInOneWorkItem)
                ThreadPool.UnsafeQueueUserWorkItem(static a => Answer(a.batch, a.failure), (batch, failure), preferLocal: false);
            else
                Answer(batch, failure);
        }
    }

    private static void Answer(List<(LogRecord Record, TaskCompletionSource Durable)> batch, Exception? failure)
    {
        foreach (var (_, durable) in batch)
        {
            if (failure is null)
                durable.TrySetResult();
            else
                durable.TrySetException(failure);
        }
    }

    /// <summary>Under the gate, with records pending: waits while announced writers (or queued pool work) are still
    /// coming, at most the last commit's time (or the configured bound) and until <see cref="MaxBatch"/>. The writers
    /// that arrive (or withdraw) wake it when the group is complete; Monitor's whole-millisecond timeout only bounds a
    /// wait whose writers stall. A lone writer (nothing in flight, the pool idle) is never delayed.</summary>
    private void GatherInFlight(TimeSpan commitTime)
    {
        var bound = _maxInFlightWait > 0 ? _maxInFlightWait
            : (long)(Math.Clamp(commitTime.TotalMilliseconds, 0.05, MaxWaitMilliseconds) * Stopwatch.Frequency / 1000);
        _gatherUntil = Stopwatch.GetTimestamp() + bound;
        _gathering = true;
        while (!_stopping && !GatheringDone())
            Monitor.Wait(_gate, 1);
        _gathering = false;
    }

    /// <summary>Whether to wait for the writers expected: when the last commit took longer than they take to arrive.</summary>
    internal static bool WaitPays(TimeSpan lastCommit, TimeSpan arrivalGap, int expected) => lastCommit > arrivalGap * expected;

    /// <summary>Under the gate: waits until <paramref name="expected"/> records are pending, at most the last commit's
    /// time (1 to <see cref="MaxWaitMilliseconds"/> ms: Monitor's timeouts are whole milliseconds).</summary>
    private void AwaitWriters(int expected, TimeSpan commitTime)
    {
        var limit = Stopwatch.GetTimestamp() + (long)(Math.Clamp(commitTime.TotalMilliseconds, 1, MaxWaitMilliseconds) * Stopwatch.Frequency / 1000);
        _wanted = expected;
        while (_pending.Count < expected && !_stopping)
        {
            var left = limit - Stopwatch.GetTimestamp();
            if (left <= 0)
                break;
            Monitor.Wait(_gate, Math.Max(1, (int)(left * 1000 / Stopwatch.Frequency)));
        }
        _wanted = 1;
    }

    /// <summary>Writes the batch with one sync; the failure, if the disk refused it.</summary>
    internal static Exception? Append(IOperationLog log, List<(LogRecord Record, TaskCompletionSource Durable)> batch)
    {
        try
        {
            log.AppendBatch(batch.ConvertAll(p => p.Record));
            return null;
        }
#pragma warning disable CA1031 // any failure of the disk is reported to every caller of the batch, and commits go on
        catch (Exception e)
#pragma warning restore CA1031
        {
            return e;
        }
    }
}
