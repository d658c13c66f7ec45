using VpcLab.ControlPlane.Persistence;

namespace VpcLab.ControlPlane.Tests.Persistence;

/// <summary>A data directory written by a build with the SQLite log (vpclab.db) keeps every acknowledged write when
/// opened by this one: its rows are moved into vpclab.log before anything is served, and vpclab.db is renamed
/// vpclab.db.migrated (still a SQLite database).</summary>
public sealed class SqliteLogMigrationTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"vpclab-migrate-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_dir))
            Directory.Delete(_dir, recursive: true);
    }

    private static LogRecord Record(int i) =>
        new(DateTimeOffset.UnixEpoch.AddMinutes(i), "111111111111", i % 2 == 0 ? "us-east-1" : "eu-west-1", "CreateVpc", $"{{\"CidrBlock\":\"10.{i}.0.0/16\"}}");

    private static void AssertSame(IReadOnlyList<LoggedOperation> expected, IReadOnlyList<LoggedOperation> actual) =>
        Assert.Equal(expected.Select(e => (e.Sequence, e.Time, e.Account, e.Region, e.Operation, e.Parameters)),
            actual.Select(a => (a.Sequence, a.Time, a.Account, a.Region, a.Operation, a.Parameters)));

    [Fact]
    public void Open_DirectoryWithOnlyVpclabDb_RowsMovedIntoTheNewLog_OldFileRenamed_AppendsContinue()
    {
        IReadOnlyList<LoggedOperation> written;
        using (var old = SqliteOperationLog.Open(_dir))
        {
            old.AppendBatch([Record(1), Record(2)]);
            old.AppendBatch([Record(3)]);
            written = old.ReadAll();
        }
        using (var log = OperationLog.Open(_dir))
        {
            AssertSame(written, log.ReadAll());
            log.AppendBatch([Record(4)]);
        }
        Assert.False(File.Exists(Path.Combine(_dir, SqliteOperationLog.FileName)));
        Assert.True(File.Exists(Path.Combine(_dir, SqliteLogMigration.RetiredFileName)));
        var after = OperationLog.Read(_dir);
        Assert.Equal([1, 2, 3, 4], after.Select(r => r.Sequence));
        // Reopened again: the new log is used, nothing migrated twice.
        using var again = OperationLog.Open(_dir);
        Assert.Equal(4, again.ReadAll().Count);
    }

    // An unclean stop of the old build leaves committed rows in vpclab.db-wal: the files as they were on disk at that
    // moment (copied while the old log is still open) are migrated with those rows.
    [Fact]
    public void Open_VpclabDbWithCommittedRowsOnlyInItsWal_EveryRowMigrated()
    {
        var crashed = Path.Combine(_dir, "crashed");
        Directory.CreateDirectory(crashed);
        IReadOnlyList<LoggedOperation> written;
        using (var old = SqliteOperationLog.Open(_dir))
        {
            foreach (var i in Enumerable.Range(1, 20))
                old.AppendBatch([Record(i)]);
            written = old.ReadAll();
            foreach (var suffix in new[] { "", "-wal" })
                File.Copy(Path.Combine(_dir, SqliteOperationLog.FileName + suffix), Path.Combine(crashed, SqliteOperationLog.FileName + suffix));
        }
        Assert.True(new FileInfo(Path.Combine(crashed, SqliteOperationLog.FileName + "-wal")).Length > 0);
        using var log = OperationLog.Open(crashed);
        AssertSame(written, log.ReadAll());
    }

    // Rows deleted by hand from an old log leave gaps in the sequence: kept as they were (messages name them).
    [Fact]
    public void Open_VpclabDbWithSequenceGaps_SequencesKept_NewOnesAfterTheLast()
    {
        using (var old = SqliteOperationLog.Open(_dir))
            old.AppendBatch([Record(1), Record(2), Record(3), Record(4)]);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dir, SqliteOperationLog.FileName)};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM operations WHERE sequence IN (2, 4)";
            Assert.Equal(2, command.ExecuteNonQuery());
        }
        using (var log = OperationLog.Open(_dir))
        {
            Assert.Equal([1, 3], log.ReadAll().Select(r => r.Sequence));
            log.AppendBatch([Record(5)]);
        }
        Assert.Equal([1, 3, 4], OperationLog.Read(_dir).Select(r => r.Sequence));
    }

    // Both files (a stop between writing the new log and renaming the old one): the new log wins, the old is left.
    [Fact]
    public void Open_BothFiles_TheNewLogIsUsed_VpclabDbLeftAlone()
    {
        using (var log = OperationLog.Open(_dir))
            log.AppendBatch([Record(1)]);
        using (var old = SqliteOperationLog.Open(_dir))
            old.AppendBatch([Record(2), Record(3)]);
        using (var log = OperationLog.Open(_dir))
            Assert.Single(log.ReadAll());
        Assert.True(File.Exists(Path.Combine(_dir, SqliteOperationLog.FileName)));
    }
}
