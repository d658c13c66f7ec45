namespace VpcLab.Server.Hosting;

/// <summary>Lets requests run side by side, and a reset run alone: <see cref="RunAloneAsync"/> stops new requests at
/// the gate, waits for those inside to finish, runs, and lets the waiting ones in. So no S3 object, log event or EC2
/// mutation lands half before and half after a reset. docs/semantics.md#reset.</summary>
public sealed class RequestGate
{
    private readonly Lock _lock = new();
    private int _inside;
    private TaskCompletionSource? _drained;
    private TaskCompletionSource? _closed;

    /// <summary>Waits while a reset runs, then counts the caller in until the returned lease is disposed.</summary>
    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task wait;
            lock (_lock)
            {
                if (_closed is null)
                {
                    _inside++;
                    return new Lease(this);
                }
                wait = _closed.Task;
            }
            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="action"/> with no request inside (one at a time).</summary>
    public async Task RunAloneAsync(Action action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        Task drained;
        while (true)
        {
            Task other;
            lock (_lock)
            {
                if (_closed is null)
                {
                    _closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    if (_inside == 0)
                        _drained.SetResult();
                    drained = _drained.Task;
                    break;
                }
                other = _closed.Task; // another reset is running: wait for it, then close the gate again
            }
            await other.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        try
        {
            await drained.ConfigureAwait(false);
            action();
        }
        finally
        {
            TaskCompletionSource closed;
            lock (_lock)
            {
                closed = _closed!;
                _closed = null;
                _drained = null;
            }
            closed.SetResult();
        }
    }

    private void Leave()
    {
        lock (_lock)
        {
            if (--_inside == 0)
                _drained?.TrySetResult();
        }
    }

    private sealed class Lease(RequestGate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                gate.Leave();
        }
    }
}
