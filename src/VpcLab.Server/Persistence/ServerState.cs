using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Time;
using VpcLab.Model;
using VpcLab.Server.Ec2;

namespace VpcLab.Server.Persistence;

/// <summary>The world a server serves: the control plane, the dispatcher in front of it, and (unless in memory)
/// the operation log that makes every acknowledged mutation durable. Mutations are applied one at a time, so the
/// log's order is the order they were applied in, and committed in groups (<see cref="GroupCommitter"/>): each
/// answer waits for its own record to be on disk. Reads run concurrently on immutable snapshots.</summary>
public sealed class ServerState : IDisposable
{
    /// <summary>Fixed, so replaying the log reproduces the same ids.</summary>
    public const ulong ServerIdSeed = 0x7c1ab5e7;

    private readonly OperationLog? _log;
    private readonly GroupCommitter? _committer;
    private readonly TimeProvider _realTime;
    private readonly Lock _writeLock = new();

    /// <summary>The (account, Region) pairs already seen: each got its default VPC on first contact.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Account, string Region), bool> _contacted = new();
    private SimulatedClock _clock;

    private readonly Ec2Quotas _quotas;
    private bool _defaultVpcs = true;

    private ServerState(OperationLog? log, TimeProvider realTime, Ec2Quotas quotas)
    {
        _log = log;
        _committer = log is null ? null : new GroupCommitter(log);
        _realTime = realTime;
        _quotas = quotas;
        (_clock, ControlPlane, Dispatcher) = Fresh(realTime.GetUtcNow(), quotas);
    }

    public Ec2ControlPlane ControlPlane { get; private set; }
    public Ec2ActionDispatcher Dispatcher { get; private set; }
    public SimulatedClock Clock => _clock;
    public bool IsDurable => _log is not null;

    /// <summary>How many logged operations were replayed at start.</summary>
    public int Replayed { get; private set; }

    /// <summary>Opens the state: in memory when <paramref name="dataDirectory"/> is null, else from (and onto) the
    /// operation log there, replaying it first.</summary>
    public static ServerState Open(string? dataDirectory, Ec2Quotas? quotas = null, TimeProvider? realTime = null, bool defaultVpcs = true)
    {
        var state = new ServerState(dataDirectory is null ? null : OperationLog.Open(dataDirectory), realTime ?? TimeProvider.System,
            quotas ?? Ec2Quotas.AwsDefaults) { _defaultVpcs = defaultVpcs };
        state.Replay();
        return state;
    }

    private static (SimulatedClock, Ec2ControlPlane, Ec2ActionDispatcher) Fresh(DateTimeOffset start, Ec2Quotas quotas)
    {
        var clock = new SimulatedClock(start);
        var controlPlane = new Ec2ControlPlane(new ControlPlaneOptions { Clock = clock, IdSeed = ServerIdSeed, Quotas = quotas });
        return (clock, controlPlane, new Ec2ActionDispatcher(controlPlane));
    }

    private void Replay()
    {
        if (_log is null)
            return;
        var operations = _log.ReadAll().ToList();
        if (operations.Count == 0)
            return;
        // The replayed world starts at the first record's time, so every timestamp comes back as it was logged.
        (_clock, ControlPlane, Dispatcher) = Fresh(operations[0].Time, _quotas);
        foreach (var op in operations)
        {
            if (op.Time > _clock.GetUtcNow())
                _clock.Set(op.Time);
            var parameters = JsonNode.Parse(op.Parameters) as JsonObject ?? [];
            _contacted[(op.Account, op.Region)] = true;
            try
            {
                Apply(op.Operation, new RequestContext(new AccountId(op.Account), op.Region), parameters);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException(
                    $"The operation log in {OperationLog.FileName} cannot be replayed: operation {op.Sequence} ({op.Operation}) failed: {e.Message}", e);
            }
            Replayed++;
        }
    }

    /// <summary>Runs one EC2 action and waits for it to be durable. A mutation is applied under one lock and
    /// queued for the log; the answer comes back only once its record is committed. A failed one leaves neither
    /// state nor log changed.</summary>
    public async ValueTask<JsonObject?> ExecuteAsync(RequestContext context, string operation, JsonObject parameters)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(operation);
        if (_defaultVpcs && !_contacted.ContainsKey((context.Account.Value, context.Region)))
            await FirstContact(context).ConfigureAwait(false);
        if (!Ec2ActionDispatcher.IsMutating(operation))
            return Dispatcher.Execute(operation, context, parameters);
        JsonObject? result;
        Task durable;
        var logged = _committer is null ? null : parameters.ToJsonString(); // before the lock: it holds others up
        lock (_writeLock)
            (result, durable) = ExecuteMutation(context, operation, parameters, logged);
        // Outside the lock, so the next mutations apply while this one's commit is on its way to disk.
        await durable.ConfigureAwait(false);
        return result;
    }

    /// <summary><see cref="ExecuteAsync"/> for callers without a request to await in (tests, tools).</summary>
    public JsonObject? Execute(RequestContext context, string operation, JsonObject parameters) =>
        ExecuteAsync(context, operation, parameters).AsTask().GetAwaiter().GetResult();

    /// <summary>Applies one mutation and queues its record; the task completes when the record is on disk. The
    /// caller holds the write lock.</summary>
    private (JsonObject? Result, Task Durable) ExecuteMutation(RequestContext context, string operation, JsonObject parameters, string? logged)
    {
        var now = _realTime.GetUtcNow();
        if (now > _clock.GetUtcNow())
            _clock.Set(now); // the simulated clock follows real time unless a workload has moved it ahead
        var result = Apply(operation, context, parameters); // throws: nothing applied, nothing logged
        if (_committer is null)
            return (result, Task.CompletedTask);
        var durable = _committer.Enqueue(new LogRecord(_clock.GetUtcNow(), context.Account.Value, context.Region, operation, logged ?? parameters.ToJsonString()));
        return (result, durable);
    }

    /// <summary>An EC2 action, or one of the S3 API's bucket mutations, which share the log with EC2's.</summary>
    private JsonObject? Apply(string operation, RequestContext context, JsonObject parameters) =>
        BucketOperations.Handles(operation)
            ? BucketOperations.Execute(ControlPlane, operation, context, parameters)
            : Dispatcher.Execute(operation, context, parameters);

    /// <summary>AWS gives every account a default VPC in every Region; here it is created (and logged, so replay
    /// reproduces it) the first time an account calls in a Region. A Region the control plane does not know gets
    /// none: the caller's own request then fails with the control plane's error.</summary>
    private Task FirstContact(RequestContext context)
    {
        Task durable = Task.CompletedTask;
        lock (_writeLock)
        {
            if (_contacted.ContainsKey((context.Account.Value, context.Region)))
                return Task.CompletedTask;
            if (!Dispatcher.SupportedOperations.Contains(DefaultVpcOperation))
            {
                _contacted[(context.Account.Value, context.Region)] = true;
                return Task.CompletedTask;
            }
            try
            {
                durable = ExecuteMutation(context, DefaultVpcOperation, [], "{}").Durable;
            }
            catch (VpcLab.ControlPlane.Errors.Ec2Exception)
            {
                // e.g. an unknown Region: nothing was created or logged.
            }
            _contacted[(context.Account.Value, context.Region)] = true;
        }
        return durable;
    }

    public const string DefaultVpcOperation = "CreateDefaultVpc";

    /// <summary>Forgets everything: an empty world and an empty log (for test suites).</summary>
    public void Reset()
    {
        lock (_writeLock)
        {
            _committer?.Flush(); // commits in flight finish before the log is emptied
            _log?.Clear();
            (_clock, ControlPlane, Dispatcher) = Fresh(_realTime.GetUtcNow(), _quotas);
            _contacted.Clear();
            Replayed = 0;
        }
    }

    public void Dispose()
    {
        _committer?.Dispose(); // commits what is pending, then stops
        _log?.Dispose();
    }
}
