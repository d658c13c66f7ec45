using System.Collections.Concurrent;
using CsCheck;
using VpcLab.ControlPlane.Persistence;

namespace VpcLab.ControlPlane.Tests.Persistence;

/// <summary>Overlapping commits (<see cref="OverlappingCommitter"/>, DESIGN "a write that was acknowledged is never
/// lost"): with several syncs in flight, a write is answered only once its record and every record before it are on
/// disk, so what is answered is always a prefix of the log; after a failed sync nothing later is answered.</summary>
public class OverlappingCommitTests
{
    /// <summary>A disk as weak as the answers may assume: a sync makes durable only the batch its thread wrote (not
    /// the batches written before it, as after a failed sync Linux may not), it takes the time the plan says (so syncs
    /// finish out of order) and fails when the plan says. Stands for the file, which cannot be made to do that.</summary>
    private sealed class WeakDisk(int[] syncDelays, int failingSync) : IOperationLog
    {
        private readonly Lock _gate = new();
        private readonly List<LogRecord> _written = [];
        private readonly List<bool> _durable = [];
        private readonly ThreadLocal<(int From, int To)> _lastWrite = new();
        private int _syncs;

        public string FileName => "weak disk";

        /// <summary>Where <paramref name="record"/> is in the log, and whether it and every record before it are durable.</summary>
        public (int Position, bool PrefixDurable) State(LogRecord record)
        {
            lock (_gate)
            {
                var at = _written.IndexOf(record);
                return (at, at >= 0 && _durable.Take(at + 1).All(d => d));
            }
        }

        public IReadOnlyList<LoggedOperation> ReadAll() => [];

        /// <summary>1 for each durable record, 0 for the others, in log order (for a failure's message).</summary>
        public string DurableMap()
        {
            lock (_gate)
                return string.Concat(_durable.Select(d => d ? '1' : '0'));
        }

        public void AppendBatch(IReadOnlyList<LogRecord> records)
        {
            Write(records);
            Sync();
        }

        public void Write(IReadOnlyList<LogRecord> records)
        {
            lock (_gate)
            {
                _lastWrite.Value = (_written.Count, _written.Count + records.Count);
                _written.AddRange(records);
                _durable.AddRange(records.Select(_ => false));
            }
        }

        public void Sync()
        {
            var n = Interlocked.Increment(ref _syncs) - 1;
            Thread.Sleep(syncDelays[n % syncDelays.Length]);
            if (n == failingSync)
                throw new IOException("the disk refused the sync");
            var (from, to) = _lastWrite.Value;
            lock (_gate)
            {
                for (var i = from; i < to; i++)
                    _durable[i] = true;
            }
        }

        public void Clear() => throw new NotSupportedException();

        public void Dispose() => _lastWrite.Dispose();
    }

    // The property: concurrent writers (queued in one order, as under the journal's write lock), syncs that finish in
    // any order, maybe one that fails. Every write answered as done has its record and all before it durable at that
    // moment; no write after a failed one is answered as done; every write is answered (no deadlock).
    [Fact]
    public void Property_AnsweredWritesAreAlwaysADurablePrefix()
    {
        var plan = Gen.Select(Gen.Int[1, 3], Gen.Int[1, 8], Gen.Int[1, 12], Gen.Int[0, 3].Array[1, 16], Gen.Int[-1, 30]);
        plan.Sample((depth, writers, perWriter, delays, failingSync) =>
        {
            var disk = new WeakDisk(delays, failingSync);
            var order = new Lock();
            var violations = new ConcurrentBag<string>();
            var failedAt = new ConcurrentBag<int>();
            var succeededAt = new ConcurrentBag<int>();
            using (var committer = new OverlappingCommitter(disk, depth))
            {
                var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
                {
                    for (var i = 0; i < perWriter; i++)
                    {
                        var record = new LogRecord(DateTimeOffset.UnixEpoch, "111111111111", "us-east-1", "CreateTags", $"{w}/{i}");
                        Task durable;
                        lock (order)
                            durable = committer.Enqueue(record, announced: false, out _);
                        try
                        {
                            await durable;
                            var (position, prefixDurable) = disk.State(record);
                            succeededAt.Add(position);
                            if (!prefixDurable)
                                violations.Add($"{record.Parameters} at {position} answered before it and all before it were durable; durable: {disk.DurableMap()}");
                        }
                        catch (IOException)
                        {
                            failedAt.Add(disk.State(record).Position);
                        }
                    }
                })).ToArray();
                Assert.True(Task.WaitAll(tasks, TimeSpan.FromMinutes(1)), "every write answered");
            }
            Assert.Empty(violations);
            Assert.Equal(writers * perWriter, succeededAt.Count + failedAt.Count);
            if (!failedAt.IsEmpty)
                Assert.True(succeededAt.IsEmpty || succeededAt.Max() < failedAt.Min(), "nothing after a failed write answered as done");
        }, iter: 60, threads: 1);
    }

    // On the real file, many writers at once with commits overlapping: every answered write is on disk when it is
    // answered (read back from the file), and a reopened log holds them all, in the order they were queued.
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task ManyWriters_RealLog_AnsweredMeansReadableAndTheLogKeepsTheQueueOrder(int depth)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"vpclab-overlap-{Guid.NewGuid():N}");
        const int Writers = 16, PerWriter = 20;
        var queued = new List<string>();
        var order = new Lock();
        using (var log = OperationLog.Open(dir))
        using (var committer = new OverlappingCommitter(log, depth))
        {
            await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                for (var i = 0; i < PerWriter; i++)
                {
                    var record = new LogRecord(DateTimeOffset.UnixEpoch, "111111111111", "us-east-1", "CreateTags", $"{w}/{i}");
                    Task durable;
                    lock (order)
                    {
                        durable = committer.Enqueue(record, announced: false, out _);
                        queued.Add(record.Parameters);
                    }
                    await durable;
                    Assert.Contains(OperationLog.Read(dir), r => r.Parameters == record.Parameters);
                }
            }, TestContext.Current.CancellationToken)));
            Assert.InRange(committer.Commits, 1, Writers * PerWriter);
        }
        using (var reopened = OperationLog.Open(dir))
            Assert.Equal(queued, reopened.ReadAll().Select(r => r.Parameters));
        Directory.Delete(dir, recursive: true);
    }
}
