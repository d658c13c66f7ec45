namespace VpcLab.ControlPlane.Persistence;

/// <summary>Group commit whose commits overlap (<see cref="GroupCommitMode.Overlapping"/>): up to
/// <c>depth</c> commit threads, each taking what is pending, writing it after the batches before it
/// (<see cref="IOperationLog.Write"/>, one at a time, in the order the mutations were applied) and syncing it
/// (<see cref="IOperationLog.Sync"/>) while the previous batch's sync may still be on its way. A writer that arrives
/// during a sync no longer waits for that sync to end before its own starts.
///
/// Answers stay in log order: a batch is answered only once its own sync and the sync of every batch written before
/// it returned. A later batch on disk with an earlier one missing would be cut off at recovery (the log ends at the
/// first hole, docs/architecture.md#the-operation-log), so answering it first could lose an acknowledged write.
/// After a failed write or sync, every batch not yet answered fails too (the log itself then refuses every later
/// batch). The threads answer through asynchronous continuations: no caller's response runs on a commit thread.
/// Measured against the one-commit-at-a-time <see cref="GroupCommitter"/> in
/// docs/benchmarks.md#api-scale-writes-overlap.</summary>
internal sealed class OverlappingCommitter : ICommitter
{
    /// <summary>Commits in flight at once unless told otherwise: one syncing while the next is written and synced.</summary>
    internal const int DefaultDepth = 2;

    private readonly IOperationLog _log;
    private readonly object _gate = new(); // the pending records; Monitor wakes the thread waiting for them
    private readonly Lock _writeOrder = new(); // one thread takes and writes at a time: batches reach the log in order
    private readonly Lock _answerOrder = new(); // the written batches, oldest first, until answered
    private readonly Queue<Batch> _written = new();
    private readonly Thread[] _threads;
    private List<(LogRecord Record, TaskCompletionSource Durable)> _pending = [];
    private Task _last = Task.CompletedTask;
    private bool _stopping;
    private Exception? _failure; // under _answerOrder: the first failed batch's; every later batch fails with it
    private long _commits;

    /// <summary>A batch written to the log; <see cref="Done"/> once its sync returned (or the write failed).</summary>
    private sealed class Batch(List<(LogRecord Record, TaskCompletionSource Durable)> entries)
    {
        public List<(LogRecord Record, TaskCompletionSource Durable)> Entries { get; } = entries;

        public bool Done { get; set; }

        public Exception? Failure { get; set; }
    }

    public OverlappingCommitter(IOperationLog log, int depth = DefaultDepth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        _log = log;
        _threads = [.. Enumerable.Range(0, depth).Select(i => new Thread(Run) { IsBackground = true, Name = $"vpclab commit {i + 1}" })];
        foreach (var t in _threads)
            t.Start();
    }

    public long Commits => Interlocked.Read(ref _commits);

    public bool CountsWritersInFlight => false;

    public void Announce()
    {
    }

    public void Withdraw()
    {
    }

    public Task Enqueue(LogRecord record, bool announced, out bool lead)
    {
        lead = false; // the commit threads commit
        var durable = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            _pending.Add((record, durable));
            _last = durable.Task;
            if (_pending.Count == 1)
                Monitor.Pulse(_gate); // only one thread waits for records: the one holding the write order
        }
        return durable.Task;
    }

    public void Lead() => throw new InvalidOperationException("The commit threads commit; no writer leads.");

    public void Flush()
    {
        Task last;
        lock (_gate)
            last = _last;
        ((IAsyncResult)last).AsyncWaitHandle.WaitOne(); // answers go in order: the last answered means all were
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.PulseAll(_gate);
        }
        foreach (var t in _threads)
            t.Join(); // commits what is pending first
    }

    private void Run()
    {
        while (true)
        {
            Batch batch;
            lock (_writeOrder)
            {
                List<(LogRecord Record, TaskCompletionSource Durable)> taken;
                lock (_gate)
                {
                    while (_pending.Count == 0 && !_stopping)
                        Monitor.Wait(_gate);
                    if (_pending.Count == 0)
                        return; // stopping, nothing left
                    taken = _pending;
                    _pending = [];
                }
                batch = new Batch(taken);
                lock (_answerOrder)
                    _written.Enqueue(batch);
                batch.Failure = Attempt(() => _log.Write(taken.ConvertAll(p => p.Record)));
            }
            // Outside the write order: the next batch is written and its sync started while this one syncs.
            batch.Failure ??= Attempt(_log.Sync);
            Interlocked.Increment(ref _commits);
            foreach (var answered in Complete(batch))
                Answer(answered);
        }
    }

    /// <summary>Marks <paramref name="batch"/> done and takes, oldest first, the batches now answerable: those done
    /// with every batch before them done. Once one failed, those after it fail with it.</summary>
    private List<Batch> Complete(Batch batch)
    {
        var answerable = new List<Batch>(1);
        lock (_answerOrder)
        {
            batch.Done = true;
            while (_written.TryPeek(out var head) && head.Done)
            {
                _written.Dequeue();
                _failure ??= head.Failure;
                head.Failure = _failure;
                answerable.Add(head);
            }
        }
        return answerable;
    }

    private static void Answer(Batch batch)
    {
        foreach (var (_, durable) in batch.Entries)
        {
            if (batch.Failure is null)
                durable.TrySetResult();
            else
                durable.TrySetException(batch.Failure);
        }
    }

    private static Exception? Attempt(Action step)
    {
        try
        {
            step();
            return null;
        }
#pragma warning disable CA1031 // any failure of the disk is reported to the batch's callers (and every later batch's)
        catch (Exception e)
#pragma warning restore CA1031
        {
            return e;
        }
    }
}
