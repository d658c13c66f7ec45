namespace VpcLab.ControlPlane.Persistence;

/// <summary>Where the <see cref="OperationJournal"/> keeps acknowledged mutations: <see cref="OperationLog"/> (the
/// default), or <see cref="SqliteOperationLog"/> (the format before it, kept to migrate from and to compare against).
/// Calls are serialized by the caller.</summary>
public interface IOperationLog : IDisposable
{
    /// <summary>The file's name in the data directory (for messages).</summary>
    string FileName { get; }

    /// <summary>Every record on disk, in order.</summary>
    IReadOnlyList<LoggedOperation> ReadAll();

    /// <summary>Writes <paramref name="records"/>, in order, and returns once they are on disk: one sync for the
    /// batch, which is what makes group commit pay (<see cref="GroupCommitter"/>).</summary>
    void AppendBatch(IReadOnlyList<LogRecord> records);

    /// <summary><see cref="AppendBatch"/> without its sync: <paramref name="records"/> follow those written before, on
    /// disk only once a <see cref="Sync"/> that started after this returned has returned. Calls are serialized by the
    /// caller (<see cref="OverlappingCommitter"/>).</summary>
    void Write(IReadOnlyList<LogRecord> records);

    /// <summary>Every record written (<see cref="Write"/>) before this call is on disk when it returns; may run while
    /// another thread writes or syncs.</summary>
    void Sync();

    /// <summary>Empties the log, on disk when this returns.</summary>
    void Clear();
}
