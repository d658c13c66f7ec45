namespace VpcLab.ControlPlane.Persistence;

/// <summary>A request counted as a writer in flight by the group commit (<see cref="OperationJournal.AnnounceWrite"/>):
/// it leaves the count once, when its record is queued or, disposed, when it ends without writing.</summary>
public sealed class WriteIntent : IDisposable
{
    private ICommitter? _committer;

    internal WriteIntent(ICommitter committer) => _committer = committer;

    /// <summary>Its record is being queued: true once (the committer takes it out of the count with the record).</summary>
    internal bool Arrive() => Interlocked.Exchange(ref _committer, null) is not null;

    /// <summary>Leaves the count if it has not arrived.</summary>
    public void Dispose() => Interlocked.Exchange(ref _committer, null)?.Withdraw();
}
