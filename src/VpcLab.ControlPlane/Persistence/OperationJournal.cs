using VpcLab.ControlPlane.Time;

namespace VpcLab.ControlPlane.Persistence;

/// <summary>The durability of a world: mutations run one at a time under one write lock, so the log's order is the
/// order they were applied in, and each applied mutation's record is committed in groups
/// (<see cref="GroupCommitter"/>, <see cref="LeaderCommitter"/> or <see cref="OverlappingCommitter"/>): its caller awaits the returned task, which completes once that record is on disk.
/// In memory (no data directory) nothing is written and every task is already complete. At start,
/// <see cref="Replay"/> hands the logged operations back, in order, to an <see cref="IOperationReplayer"/>.
/// docs/semantics.md#server.</summary>
public sealed class OperationJournal : IDisposable
{
    private readonly IOperationLog? _log;
    private readonly DataDirectoryLock? _lock;
    private readonly ICommitter? _committer;
    private readonly Lock _writeLock = new();

    /// <summary>Which group commit a durable journal uses when <see cref="Open"/> is not told: <c>thread</c> (the
    /// default, <see cref="GroupCommitMode.CommitThread"/>: the most durable writes per second over HTTP, quiet or
    /// loaded, docs/benchmarks.md#api-scale-writes), <c>thread-wait</c> (<see cref="GroupCommitMode.CommitThreadWaiting"/>),
    /// <c>leader</c> (<see cref="GroupCommitMode.Leader"/>), <c>flight</c>, <c>busy</c> or <c>overlap</c>
    /// (<see cref="GroupCommitMode.Overlapping"/>): for benchmarks that compare them (bench/oplog.sh).</summary>
    public const string GroupCommitVariable = "VPCLAB_GROUP_COMMIT";

    /// <summary>With a commit thread: <c>one</c> answers each batch from one thread-pool work item (its callers'
    /// continuations inline, one after the other) rather than one pool hop per caller: for benchmarks that compare them.</summary>
    public const string AnswerVariable = "VPCLAB_GROUP_COMMIT_ANSWER";

    /// <summary>With <see cref="GroupCommitMode.CommitThreadInFlight"/> or <see cref="GroupCommitMode.CommitThreadBusy"/>:
    /// the longest wait for writers in flight, in microseconds (unset: the last commit's time).</summary>
    public const string MaxWaitVariable = "VPCLAB_GROUP_COMMIT_MAX_WAIT_US";

    /// <summary>With <see cref="GroupCommitMode.Overlapping"/>: how many commits may be in flight at once (unset: 2).</summary>
    public const string DepthVariable = "VPCLAB_GROUP_COMMIT_DEPTH";

    private OperationJournal((DataDirectoryLock Lock, IOperationLog Log)? opened, GroupCommitMode mode, bool answerInOneWorkItem, TimeSpan? maxWait,
        int? depth)
    {
        _lock = opened?.Lock;
        var log = _log = opened?.Log;
        _committer = log is null ? null
            : mode == GroupCommitMode.Leader ? new LeaderCommitter(log)
            : mode == GroupCommitMode.Overlapping ? new OverlappingCommitter(log, depth ?? OverlappingCommitter.DefaultDepth)
            : new GroupCommitter(log, waitForWriters: mode == GroupCommitMode.CommitThreadWaiting,
                mode switch
                {
                    GroupCommitMode.CommitThreadInFlight => GroupCommitter.InFlightWait.Announced,
                    GroupCommitMode.CommitThreadBusy => GroupCommitter.InFlightWait.AnnouncedOrPoolBusy,
                    _ => GroupCommitter.InFlightWait.None,
                },
                answerInOneWorkItem, maxWait);
    }

    /// <summary>Which log a durable journal keeps when <see cref="Open"/> is not told: unset, <see cref="OperationLog"/>
    /// (<c>vpclab.log</c>); <c>sqlite</c>, <see cref="SqliteOperationLog"/> (<c>vpclab.db</c>), only for benchmarks that
    /// compare the two (bench/api-scale.sh). A directory that already has <c>vpclab.log</c> is never served from SQLite.</summary>
    public const string LogVariable = "VPCLAB_OPERATION_LOG";

    /// <summary>In memory when <paramref name="dataDirectory"/> is null, else the operation log
    /// (<see cref="OperationLog.FileName"/>, or with <paramref name="sqlite"/> — by default when
    /// <see cref="LogVariable"/> is <c>sqlite</c> — <see cref="SqliteOperationLog.FileName"/>) in that directory, created
    /// if missing, committed in groups the way <paramref name="groupCommit"/> says (by default
    /// <see cref="GroupCommitVariable"/>'s, else <see cref="GroupCommitMode.CommitThread"/>).</summary>
    public static OperationJournal Open(string? dataDirectory, GroupCommitMode? groupCommit = null, bool? sqlite = null,
        bool? answerInOneWorkItem = null) =>
        new(dataDirectory is null ? null : OpenLocked(dataDirectory, sqlite ?? Environment.GetEnvironmentVariable(LogVariable) == "sqlite"),
            groupCommit ?? ModeFromEnvironment(), answerInOneWorkItem ?? Environment.GetEnvironmentVariable(AnswerVariable) == "one",
            int.TryParse(Environment.GetEnvironmentVariable(MaxWaitVariable), out var us) && us > 0 ? TimeSpan.FromMicroseconds(us) : null,
            int.TryParse(Environment.GetEnvironmentVariable(DepthVariable), out var depth) && depth > 0 ? depth : null);

    /// <summary>Takes the directory's <see cref="DataDirectoryLock"/> (another writer there: <see cref="DataDirectoryInUseException"/>),
    /// then opens its log.</summary>
    private static (DataDirectoryLock, IOperationLog) OpenLocked(string dataDirectory, bool sqlite)
    {
        var held = DataDirectoryLock.Take(dataDirectory);
        try
        {
            return (held, OpenLog(dataDirectory, sqlite));
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    private static IOperationLog OpenLog(string dataDirectory, bool sqlite)
    {
        if (!sqlite)
            return OperationLog.Open(dataDirectory);
        if (File.Exists(Path.Combine(dataDirectory, OperationLog.FileName)))
            throw new InvalidOperationException($"{dataDirectory} holds {OperationLog.FileName}: it is not served from the SQLite log ({LogVariable}=sqlite is for benchmarks on new directories)");
        return SqliteOperationLog.Open(dataDirectory);
    }

    private static GroupCommitMode ModeFromEnvironment() => Environment.GetEnvironmentVariable(GroupCommitVariable) switch
    {
        "leader" => GroupCommitMode.Leader,
        "thread-wait" => GroupCommitMode.CommitThreadWaiting,
        "flight" => GroupCommitMode.CommitThreadInFlight,
        "busy" => GroupCommitMode.CommitThreadBusy,
        "overlap" => GroupCommitMode.Overlapping,
        _ => GroupCommitMode.CommitThread,
    };

    public bool IsDurable => _log is not null;

    /// <summary>How many commits (one sync each) the log has made since it was opened: writes ÷ commits is the
    /// group commit's batch.</summary>
    public long Commits => _committer?.Commits ?? 0;

    /// <summary>Re-applies every logged operation, in order, through <paramref name="replayer"/>: a fresh world at the
    /// first record's time, then each operation with the simulated clock moved forward to its logged time (never
    /// back). Returns how many were replayed. An operation that fails now is a log this build cannot replay:
    /// <see cref="InvalidOperationException"/> naming it.</summary>
    public int Replay(IOperationReplayer replayer)
    {
        ArgumentNullException.ThrowIfNull(replayer);
        if (_log is null)
            return 0;
        var operations = _log.ReadAll();
        if (operations.Count == 0)
            return 0;
        var clock = replayer.BeginReplay(operations[0].Time);
        foreach (var op in operations)
        {
            if (op.Time > clock.GetUtcNow())
                clock.Set(op.Time);
            try
            {
                replayer.Apply(op);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException(
                    $"The operation log in {_log.FileName} cannot be replayed: operation {op.Sequence} ({op.Operation}) failed: {e.Message}", e);
            }
        }
        return operations.Count;
    }

    /// <summary>Runs <paramref name="apply"/> under the write lock. It applies one mutation and returns the record
    /// to log (null: nothing changed, nothing to log); if it throws, nothing is logged and the exception propagates.
    /// The returned task completes when the record is on disk: await it outside any lock before answering, so the
    /// next mutations apply while this one's commit is on its way. A caller that finds no commit running commits
    /// (its own record and any queued meanwhile) before this returns, outside the lock (<see cref="LeaderCommitter"/>).</summary>
    public Task Mutate(Func<LogRecord?> apply) => Mutate(apply, null);

    /// <summary><see cref="Mutate(Func{LogRecord?})"/> for a writer announced by <see cref="AnnounceWrite"/>: its
    /// record arrives (or, if none, it withdraws) here.</summary>
    public Task Mutate(Func<LogRecord?> apply, WriteIntent? intent)
    {
        ArgumentNullException.ThrowIfNull(apply);
        Task durable;
        bool lead;
        lock (_writeLock)
        {
            LogRecord? record;
            try
            {
                record = apply();
            }
            catch
            {
                intent?.Dispose();
                throw;
            }
            if (record is null || _committer is null)
            {
                intent?.Dispose();
                return Task.CompletedTask;
            }
            durable = _committer.Enqueue(record, intent?.Arrive() ?? false, out lead);
        }
        if (lead)
            _committer.Lead(); // outside the lock: the next mutations apply while this commit is on its way
        return durable;
    }

    /// <summary>A request that may write has entered the server (as early as possible: before it is parsed), so a
    /// commit may wait for it (<see cref="GroupCommitMode.CommitThreadInFlight"/>). Null when nothing counts writers
    /// in flight. Pass it to <see cref="Mutate(Func{LogRecord?}, WriteIntent?)"/>, and dispose it when the request ends
    /// (a request that did not write withdraws then).</summary>
    public WriteIntent? AnnounceWrite()
    {
        if (_committer is not { CountsWritersInFlight: true } committer)
            return null;
        committer.Announce();
        return new WriteIntent(committer);
    }

    /// <summary>Empties the log and runs <paramref name="resetWorld"/> under the write lock, after the commits in
    /// flight finished: no mutation lands between the two.</summary>
    public void Reset(Action resetWorld)
    {
        ArgumentNullException.ThrowIfNull(resetWorld);
        lock (_writeLock)
        {
            _committer?.Flush();
            _log?.Clear();
            resetWorld();
        }
    }

    public void Dispose()
    {
        _committer?.Dispose(); // commits what is pending, then stops
        _log?.Dispose();
        _lock?.Dispose(); // last: another writer may start once the log is closed
    }
}
