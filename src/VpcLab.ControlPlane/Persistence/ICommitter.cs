namespace VpcLab.ControlPlane.Persistence;

/// <summary>How the <see cref="OperationJournal"/> gets applied mutations' records onto disk in groups: each queued
/// record's task completes once the commit that holds it is on disk (or faults when the disk refused it).</summary>
internal interface ICommitter : IDisposable
{
    /// <summary>How many commits (batches, each one sync) so far.</summary>
    long Commits { get; }

    /// <summary>Queues one applied mutation, under the journal's write lock (so the log keeps the order they were
    /// applied in). <paramref name="announced"/>: its writer was counted in flight (<see cref="Announce"/>) and now
    /// arrives. <paramref name="lead"/>: the caller must call <see cref="Lead"/> once it has left the lock.</summary>
    Task Enqueue(LogRecord record, bool announced, out bool lead);

    /// <summary>Whether this committer uses <see cref="Announce"/> (a commit waits for writers in flight).</summary>
    bool CountsWritersInFlight { get; }

    /// <summary>A request that may write has entered the server: a commit may wait for it.</summary>
    void Announce();

    /// <summary>An announced request finished without queueing a record.</summary>
    void Withdraw();

    /// <summary>Commits what is pending on the caller's thread (only when <see cref="Enqueue"/> said to).</summary>
    void Lead();

    /// <summary>Waits until every record queued so far is on disk (or failed): before the log is cleared or closed.</summary>
    void Flush();
}

/// <summary>Which group commit a durable journal uses (<see cref="OperationJournal.GroupCommitVariable"/>).</summary>
public enum GroupCommitMode
{
    /// <summary>A dedicated commit thread that first waits briefly for the writers it expects, when the disk is slower
    /// than they arrive (<see cref="GroupCommitter"/>): the most writes per commit, fewer writes per second over HTTP.</summary>
    CommitThreadWaiting,

    /// <summary>A dedicated commit thread that takes what is pending (<see cref="GroupCommitter"/>): the default.</summary>
    CommitThread,

    /// <summary>A dedicated commit thread that waits, at most one commit's time, while writers announced by the server
    /// (<see cref="OperationJournal.AnnounceWrite"/>) are still on their way to the log (<see cref="GroupCommitter"/>).</summary>
    CommitThreadInFlight,

    /// <summary>As <see cref="CommitThreadInFlight"/>, and also while the thread pool has queued work (the CPU is busy,
    /// so waiting leaves no core idle).</summary>
    CommitThreadBusy,

    /// <summary>The writer that finds no commit running commits the group on its own thread and answers its followers
    /// (<see cref="LeaderCommitter"/>): the fewest context switches, measured against the others in
    /// docs/benchmarks.md#api-scale-writes.</summary>
    Leader,

    /// <summary>Commit threads whose commits overlap: the next batch is written and its sync started while the previous
    /// one's sync is on its way; answers still go in log order (<see cref="OverlappingCommitter"/>).</summary>
    Overlapping,
}
