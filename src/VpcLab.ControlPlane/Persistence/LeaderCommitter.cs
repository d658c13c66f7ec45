namespace VpcLab.ControlPlane.Persistence;

/// <summary>Group commit without a commit thread (leader/follower): the writer that queues a record while no commit is
/// running becomes the leader and commits everything pending on its own thread, after the journal's write lock is
/// released; writers that queue meanwhile are followers, answered by the next commit. When a commit ends with records
/// pending, the leader hands the next commit to the thread pool (a work item) and goes on to answer its followers and
/// then its own request, so no writer commits for others indefinitely.
///
/// The leader runs its followers' continuations inline (their answers, on its thread, one after the other), not as
/// thread-pool work items: each of those woke a sleeping pool thread, and on a 2-core machine the wake-ups and context
/// switches (three per durable write against one in memory) cost more CPU than the write itself
/// (docs/benchmarks.md#api-scale-writes). A write queued by such a continuation never makes this thread lead again
/// (its commit goes to the pool), so a continuation that waits synchronously for its own write cannot wait for
/// itself. "Answered = on disk" is unchanged: each task completes only after the commit that holds its record.</summary>
internal sealed class LeaderCommitter : ICommitter
{
    private readonly IOperationLog _log;
    private readonly object _gate = new(); // Monitor: Flush waits for the leader
    private List<(LogRecord Record, TaskCompletionSource Durable)> _pending = [];
    private bool _leading; // a commit is running, or queued to the pool: it takes what is pending
    private bool _stopping;
    private long _commits;

    [ThreadStatic]
    private static bool t_answering; // this thread runs a leader's followers' continuations

    public LeaderCommitter(IOperationLog log) => _log = log;

    public long Commits => Interlocked.Read(ref _commits);

    public bool CountsWritersInFlight => false;

    public void Announce() { }

    public void Withdraw() { }

    public Task Enqueue(LogRecord record, bool announced, out bool lead)
    {
        var durable = new TaskCompletionSource(); // continuations inline: the leader answers its followers (Lead)
        var toPool = false;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            _pending.Add((record, durable));
            lead = !_leading && !t_answering;
            toPool = !_leading && t_answering;
            _leading = true;
        }
        if (toPool)
            QueueCommit();
        return durable.Task;
    }

    /// <summary>Commits what is pending; called by the writer told to lead, outside the journal's write lock.</summary>
    public void Lead()
    {
        List<(LogRecord Record, TaskCompletionSource Durable)> batch;
        lock (_gate)
        {
            batch = _pending;
            _pending = [];
        }
        var failure = GroupCommitter.Append(_log, batch);
        Interlocked.Increment(ref _commits);
        bool more;
        lock (_gate)
        {
            more = _pending.Count > 0;
            if (!more)
            {
                _leading = false;
                Monitor.PulseAll(_gate); // Flush
            }
        }
        if (more)
            QueueCommit(); // writers came during the commit: the pool commits them while this thread answers
        var answering = t_answering;
        t_answering = true;
        try
        {
            foreach (var (_, durable) in batch)
            {
                if (failure is null)
                    durable.TrySetResult();
                else
                    durable.TrySetException(failure);
            }
        }
        finally
        {
            t_answering = answering;
        }
    }

    private void QueueCommit() => ThreadPool.UnsafeQueueUserWorkItem(static c => c.Lead(), this, preferLocal: false);

    public void Flush()
    {
        lock (_gate)
        {
            while (_leading)
                Monitor.Wait(_gate);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopping = true; // no new records
            while (_leading)
                Monitor.Wait(_gate); // what is pending is committed first
        }
    }
}
