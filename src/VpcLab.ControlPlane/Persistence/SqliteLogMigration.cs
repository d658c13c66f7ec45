namespace VpcLab.ControlPlane.Persistence;

/// <summary>Moving a data directory from the SQLite log (<see cref="SqliteOperationLog.FileName"/>, builds before
/// <see cref="OperationLog"/>) to the append-only one, before the server serves: acknowledged writes are never lost.
/// When <see cref="OperationLog.FileName"/> does not exist and the SQLite file does, its rows are read (SQLite first
/// checkpoints a WAL an unclean stop left), written whole into the new log (synced, renamed into place), and only then
/// the SQLite file is renamed <see cref="RetiredFileName"/> (with its -wal/-shm, still a SQLite database under that
/// name). A stop between the two renames leaves both files: the new log is then used and the SQLite file left
/// alone.</summary>
internal static class SqliteLogMigration
{
    public const string RetiredFileName = SqliteOperationLog.FileName + ".migrated";

    /// <summary>The rows of the SQLite log in <paramref name="directory"/> when it must be migrated (none otherwise);
    /// <see cref="Retire"/> once they are in the new log.</summary>
    public static IReadOnlyList<LoggedOperation> Read(string directory)
    {
        if (!File.Exists(Path.Combine(directory, SqliteOperationLog.FileName)))
            return [];
        using var old = SqliteOperationLog.Open(directory);
        return old.ReadAll();
    }

    /// <summary>Renames the SQLite log (and its WAL companions, if any) out of the way.</summary>
    public static void Retire(string directory)
    {
        foreach (var suffix in new[] { "-wal", "-shm", "" }) // the database last: it is what marks a log to migrate
        {
            var path = Path.Combine(directory, SqliteOperationLog.FileName + suffix);
            if (File.Exists(path))
                File.Move(path, Path.Combine(directory, RetiredFileName + suffix), overwrite: true);
        }
        FileSync.SyncDirectory(directory);
    }
}
