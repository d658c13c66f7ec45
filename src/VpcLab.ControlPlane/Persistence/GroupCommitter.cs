namespace VpcLab.ControlPlane.Persistence;

/// <summary>Group commit for the <see cref="OperationLog"/>: mutations applied while a commit is on its way to
/// disk wait together and go in the next transaction, so concurrent writers share one fsync instead of queueing
/// for one each. Each caller still gets its answer only after its own record is committed (acknowledged writes
/// are never lost). One dedicated thread does every commit, so the thread pool that serves requests is never
/// blocked in fsync.</summary>
internal sealed class GroupCommitter : IDisposable
{
    private readonly OperationLog _log;
    private readonly object _gate = new(); // Monitor: Wait/Pulse wake the commit thread
    private readonly Thread _thread;
    private List<(LogRecord Record, TaskCompletionSource Durable)> _pending = [];
    private Task _last = Task.CompletedTask;
    private bool _stopping;

    public GroupCommitter(OperationLog log)
    {
        _log = log;
        _thread = new Thread(Run) { IsBackground = true, Name = "vpclab group commit" };
        _thread.Start();
    }

    /// <summary>Queues one applied mutation; the task completes when its record is on disk (or faults when the
    /// disk refused it). Callers enqueue in the order they applied (under the journal's write lock), which is the
    /// order the log keeps.</summary>
    public Task Enqueue(LogRecord record)
    {
        // Asynchronous continuations: the commit thread must never run a caller's response inline.
        var durable = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            _pending.Add((record, durable));
            _last = durable.Task;
            Monitor.Pulse(_gate);
        }
        return durable.Task;
    }

    /// <summary>Waits until every record queued so far is on disk (or failed): before the log is cleared or closed.</summary>
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
        while (true)
        {
            List<(LogRecord Record, TaskCompletionSource Durable)> batch;
            lock (_gate)
            {
                while (_pending.Count == 0 && !_stopping)
                    Monitor.Wait(_gate);
                if (_pending.Count == 0)
                    return; // stopping, nothing left
                // Everything that arrived during the previous commit goes in this one.
                batch = _pending;
                _pending = [];
            }
            Commit(batch);
        }
    }

    private void Commit(List<(LogRecord Record, TaskCompletionSource Durable)> batch)
    {
        try
        {
            _log.AppendBatch(batch.ConvertAll(p => p.Record));
        }
#pragma warning disable CA1031 // any failure of the disk is reported to every caller of the batch, and the thread goes on
        catch (Exception e)
#pragma warning restore CA1031
        {
            foreach (var (_, durable) in batch)
                durable.TrySetException(e);
            return;
        }
        foreach (var (_, durable) in batch)
            durable.TrySetResult();
    }
}
