using VpcLab.ControlPlane.Persistence;

namespace VpcLab.ControlPlane.Tests.Persistence;

/// <summary>One writer per data directory (docs/architecture.md#the-operation-log): a second journal on a directory
/// whose log is being written is refused, naming the directory, before it touches the log; readers of the log still
/// read it; once the first writer closes, the directory is free again.</summary>
public sealed class DataDirectoryLockTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"vpclab-lock-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SecondWriter_Refused_ReadersStillRead_FreeAfterTheFirstCloses(bool sqlite)
    {
        var record = new LogRecord(DateTimeOffset.UnixEpoch, "111111111111", "us-east-1", "CreateVpc", "{}");
        using (var first = OperationJournal.Open(_dir, GroupCommitMode.CommitThread, sqlite))
        {
            await first.Mutate(() => record);
            var refused = Assert.Throws<DataDirectoryInUseException>(() => OperationJournal.Open(_dir, GroupCommitMode.CommitThread, sqlite));
            Assert.Contains(Path.GetFullPath(_dir), refused.Message, StringComparison.Ordinal);
            Assert.Contains(DataDirectoryLock.FileName, refused.Message, StringComparison.Ordinal);
            if (!sqlite)
                Assert.Single(OperationLog.Read(_dir)); // a reader does not take the lock
            await first.Mutate(() => record); // the refusal changed nothing for the writer
        }
        using var second = OperationJournal.Open(_dir, GroupCommitMode.CommitThread, sqlite);
        Assert.Equal(2, second.Replay(new CountingReplayer()));
    }

    private sealed class CountingReplayer : IOperationReplayer
    {
        public Time.SimulatedClock BeginReplay(DateTimeOffset firstRecordTime) => new(firstRecordTime);

        public void Apply(LoggedOperation operation) { }
    }
}
