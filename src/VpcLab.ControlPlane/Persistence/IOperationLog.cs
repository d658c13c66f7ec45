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

    /// <summary>Empties the log, on disk when this returns.</summary>
    void Clear();
}
