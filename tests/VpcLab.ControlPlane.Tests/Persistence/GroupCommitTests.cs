using System.Text.Json;
using VpcLab.ControlPlane.Persistence;
using VpcLab.ControlPlane.Time;

namespace VpcLab.ControlPlane.Tests.Persistence;

/// <summary>Group commit (DESIGN "a write that was acknowledged is never lost"): many writers at once, each
/// answer given only once its record is committed; the log keeps the order the mutations were applied in, so a
/// replay rebuilds the same world; a refused mutation in the middle of a group is neither applied nor logged.</summary>
public class GroupCommitTests
{
    private static readonly RequestContext Ctx = RequestContext.Default;

    private static string NewDirectory() => Path.Combine(Path.GetTempPath(), $"vpclab-group-{Guid.NewGuid():N}");

    /// <summary>A control plane whose one logged operation is CreateVpc, made durable by an
    /// <see cref="OperationJournal"/> the way the server's state is.</summary>
    private sealed class VpcWorld : IOperationReplayer, IDisposable
    {
        private readonly OperationJournal _journal;

        public VpcWorld(string directory, GroupCommitMode mode = GroupCommitMode.CommitThreadWaiting, bool sqlite = false, bool answerInOneWorkItem = false)
        {
            _journal = OperationJournal.Open(directory, mode, sqlite, answerInOneWorkItem);
            ControlPlane = NewControlPlane(new SimulatedClock());
            Replayed = _journal.Replay(this);
        }

        public Ec2ControlPlane ControlPlane { get; private set; }

        public int Replayed { get; }

        public long Commits => _journal.Commits;

        private static Ec2ControlPlane NewControlPlane(SimulatedClock clock) =>
            new(new ControlPlaneOptions { Clock = clock, IdSeed = 7, Quotas = Ec2Quotas.Generous });

        /// <summary>As the server does: announced as a writer in flight first (when the group commit counts them).</summary>
        public async Task<string> CreateVpcAsync(string cidr)
        {
            using var intent = _journal.AnnounceWrite();
            await Task.Yield(); // on its way, as a request being parsed
            string id = "";
            await _journal.Mutate(() =>
            {
                id = Apply(cidr);
                return new LogRecord(ControlPlane.Options.Clock.GetUtcNow(), Ctx.Account.Value, Ctx.Region, "CreateVpc",
                    JsonSerializer.Serialize(new CreateVpcRequest { CidrBlock = cidr }));
            }, intent);
            return id;
        }

        /// <summary>A request announced as a possible writer that turns out to read: it withdraws.</summary>
        public async Task ReadAsync()
        {
            using var intent = _journal.AnnounceWrite();
            await Task.Yield();
        }

        public void Reset() => _journal.Reset(() => ControlPlane = NewControlPlane(new SimulatedClock()));

        private string Apply(string cidr) =>
            ControlPlane.CreateVpc(Ctx, new CreateVpcRequest { CidrBlock = cidr }).Vpc.Id.Value;

        SimulatedClock IOperationReplayer.BeginReplay(DateTimeOffset firstRecordTime)
        {
            var clock = new SimulatedClock(firstRecordTime);
            ControlPlane = NewControlPlane(clock);
            return clock;
        }

        void IOperationReplayer.Apply(LoggedOperation operation) =>
            Apply(JsonSerializer.Deserialize<CreateVpcRequest>(operation.Parameters)!.CidrBlock!);

        public void Dispose() => _journal.Dispose();
    }

    /// <summary>The log as it is on disk, read on its own (while the journal appends).</summary>
    private static List<string> LoggedOperations(string dir) =>
        [.. OperationLog.Read(dir).Select(r => r.Operation + " " + r.Parameters)];

    // Every way of grouping: a commit thread that waits briefly for the writers it expects, one that takes what is
    // pending (the default), a writer that leads the commit, and commit threads whose commits overlap.
    [Theory]
    [InlineData(GroupCommitMode.Leader, false)]
    [InlineData(GroupCommitMode.CommitThreadWaiting, false)]
    [InlineData(GroupCommitMode.CommitThread, false)]
    [InlineData(GroupCommitMode.CommitThread, true)]
    [InlineData(GroupCommitMode.CommitThreadInFlight, false)]
    [InlineData(GroupCommitMode.CommitThreadInFlight, true)]
    [InlineData(GroupCommitMode.CommitThreadBusy, false)]
    [InlineData(GroupCommitMode.CommitThreadBusy, true)]
    [InlineData(GroupCommitMode.Overlapping, false)]
    public async Task ConcurrentWriters_EveryAcknowledgedMutationIsOnDiskWhenAnswered_ReplayGivesTheSameWorld(GroupCommitMode mode, bool answerInOneWorkItem)
    {
        var dir = NewDirectory();
        const int Writers = 8, PerWriter = 25;
        string[] before;
        using (var world = new VpcWorld(dir, mode, answerInOneWorkItem: answerInOneWorkItem))
        {
            var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
            await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                for (var i = 0; i < PerWriter; i++)
                {
                    var cidr = $"10.{w * PerWriter + i}.0.0/16";
                    var vpcId = await world.CreateVpcAsync(cidr);
                    // Answered means committed: the record is readable from the file right now.
                    Assert.Contains(LoggedOperations(dir), row => row.Contains(cidr, StringComparison.Ordinal));
                    acknowledged.Add(vpcId);
                    if (i % 3 == 0)
                        await world.ReadAsync(); // announced, never writes: withdraws
                    // A refused mutation between the others: not applied, not logged, the group goes on.
                    if (i == PerWriter / 2)
                        await Assert.ThrowsAnyAsync<Exception>(() => world.CreateVpcAsync("10.0.0.0/8"));
                }
            }, TestContext.Current.CancellationToken)));
            Assert.Equal(Writers * PerWriter, acknowledged.Distinct().Count());
            Assert.Equal(Writers * PerWriter, LoggedOperations(dir).Count); // every CreateVpc, no refused one
            Assert.InRange(world.Commits, 1, Writers * PerWriter); // grouped: never more commits than records
            before = [.. world.ControlPlane.Network.Vpcs.Keys.Select(k => k.Value).Order(StringComparer.Ordinal)];
        }

        using var reopened = new VpcWorld(dir);
        Assert.Equal(Writers * PerWriter, reopened.Replayed);
        Assert.Equal(before, reopened.ControlPlane.Network.Vpcs.Keys.Select(k => k.Value).Order(StringComparer.Ordinal));
        Directory.Delete(dir, recursive: true);
    }

    [Theory]
    [InlineData(GroupCommitMode.Leader)]
    [InlineData(GroupCommitMode.CommitThreadWaiting)]
    [InlineData(GroupCommitMode.Overlapping)]
    public async Task Reset_WhileWritersRun_LeavesLogAndWorldConsistent(GroupCommitMode mode)
    {
        var dir = NewDirectory();
        int logged, inWorld;
        using (var world = new VpcWorld(dir, mode))
        {
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var i = 0; i < 20; i++)
                    await world.CreateVpcAsync($"10.{w * 20 + i}.0.0/16");
            }, TestContext.Current.CancellationToken)).ToList();
            await Task.Delay(5, TestContext.Current.CancellationToken);
            world.Reset(); // waits for commits in flight, then empties both
            await Task.WhenAll(writers);
            logged = LoggedOperations(dir).Count;
            inWorld = world.ControlPlane.Network.Vpcs.Count;
        }
        Assert.Equal(inWorld, logged); // what survived the reset is exactly what is logged

        using var reopened = new VpcWorld(dir);
        Assert.Equal(inWorld, reopened.ControlPlane.Network.Vpcs.Count);
        Directory.Delete(dir, recursive: true);
    }

    // A lone writer is never held for company: each of its writes is its own commit, answered once on disk.
    [Theory]
    [InlineData(GroupCommitMode.Leader)]
    [InlineData(GroupCommitMode.CommitThreadWaiting)]
    [InlineData(GroupCommitMode.CommitThreadInFlight)]
    [InlineData(GroupCommitMode.CommitThreadBusy)]
    [InlineData(GroupCommitMode.Overlapping)]
    public async Task LoneWriter_EachWriteItsOwnCommit(GroupCommitMode mode)
    {
        var dir = NewDirectory();
        using (var world = new VpcWorld(dir, mode))
        {
            for (var i = 0; i < 10; i++)
            {
                await world.CreateVpcAsync($"10.{i}.0.0/16");
                Assert.Equal(i + 1, LoggedOperations(dir).Count);
            }
            Assert.Equal(10, world.Commits);
        }
        Directory.Delete(dir, recursive: true);
    }

    // The leader answers its followers on its own thread: a follower that then writes again and waits for that write
    // synchronously (a tool's sync-over-async call) must be committed by another thread, never by the one that waits.
    [Fact(Timeout = 120_000)]
    public async Task Leader_FollowerWaitingSynchronouslyForItsNextWrite_IsCommittedElsewhere()
    {
        var dir = NewDirectory();
        const int Writers = 8, PerWriter = 10;
        using (var world = new VpcWorld(dir, GroupCommitMode.Leader))
        {
            await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                for (var i = 0; i < PerWriter; i += 2)
                {
                    await world.CreateVpcAsync($"10.{w * PerWriter + i}.0.0/16");
#pragma warning disable xUnit1031, VSTHRD002 // the synchronous wait inside a continuation is what this test checks
                    world.CreateVpcAsync($"10.{w * PerWriter + i + 1}.0.0/16").GetAwaiter().GetResult();
#pragma warning restore xUnit1031, VSTHRD002
                }
            }, TestContext.Current.CancellationToken)));
            Assert.Equal(Writers * PerWriter, LoggedOperations(dir).Count);
            Assert.InRange(world.Commits, 1, Writers * PerWriter);
        }
        Directory.Delete(dir, recursive: true);
    }

    // Disposing commits what is pending first, and a write after it is refused, not lost silently.
    [Theory]
    [InlineData(GroupCommitMode.Leader)]
    [InlineData(GroupCommitMode.CommitThread)]
    [InlineData(GroupCommitMode.Overlapping)]
    public async Task Dispose_AfterWrites_EveryAnsweredWriteIsInTheLog_LaterWritesRefused(GroupCommitMode mode)
    {
        var dir = NewDirectory();
        var world = new VpcWorld(dir, mode);
        var writes = Enumerable.Range(0, 32).Select(i => Task.Run(() => world.CreateVpcAsync($"10.{i}.0.0/16"), TestContext.Current.CancellationToken)).ToList();
        await Task.WhenAll(writes);
        world.Dispose();
        Assert.Equal(32, LoggedOperations(dir).Count);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => world.CreateVpcAsync("10.200.0.0/16"));
        Directory.Delete(dir, recursive: true);
    }

    // Waiting for writers in flight: a commit due while another writer is announced (being parsed) takes it too; one
    // that withdraws (a read) ends the wait; a lone writer is never held. The bound is an hour (10 s when a busy pool
    // also holds the commit), so a commit that came early could only have come from the rule, not from the clock.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task InFlight_BatchTakesTheWriterStillOnItsWay_AWithdrawalEndsTheWait(bool alsoWhilePoolBusy)
    {
        var wait = alsoWhilePoolBusy ? GroupCommitter.InFlightWait.AnnouncedOrPoolBusy : GroupCommitter.InFlightWait.Announced;
        var dir = NewDirectory();
        var token = TestContext.Current.CancellationToken;
        var record = new LogRecord(DateTimeOffset.UnixEpoch, "111111111111", "us-east-1", "CreateVpc", "{}");
        using (var log = OperationLog.Open(dir))
        // Pool-busy: the other tests' work may keep the pool busy, which that variant waits for; 10 s bounds it.
        using (var committer = new GroupCommitter(log, waitForWriters: false, wait, maxInFlightWait: alsoWhilePoolBusy ? TimeSpan.FromSeconds(10) : TimeSpan.FromHours(1)))
        {
            await committer.Enqueue(record, announced: false, out _).WaitAsync(TimeSpan.FromMinutes(1), token); // alone: at once
            Assert.Equal(1, committer.Commits);

            committer.Announce(); // B is on its way
            var a = committer.Enqueue(record, announced: false, out _);
            await Task.Delay(200, token);
            Assert.False(a.IsCompleted); // A waits for B
            var b = committer.Enqueue(record, announced: true, out _);
            await Task.WhenAll(a, b).WaitAsync(TimeSpan.FromMinutes(1), token);
            Assert.Equal(2, committer.Commits); // one commit for both

            committer.Announce(); // C turns out to read
            var d = committer.Enqueue(record, announced: false, out _);
            await Task.Delay(200, token);
            Assert.False(d.IsCompleted);
            committer.Withdraw();
            await d.WaitAsync(TimeSpan.FromMinutes(1), token);
            Assert.Equal(3, committer.Commits);
        }
        Assert.Equal(4, OperationLog.Read(dir).Count);
        Directory.Delete(dir, recursive: true);
    }

    // The commit thread waits for the writers it expects only when the disk is slower than they arrive: one commit of
    // the whole group then beats two of halves; a fast disk is better served by halves that keep the CPU busy.
    [Theory]
    [InlineData(4000, 50, 16, true)]    // a 4 ms fsync, writers every 50 µs: the group arrives in 0.8 ms
    [InlineData(126, 50, 16, false)]    // a 126 µs fsync: the halves take turns faster than the group would gather
    [InlineData(800, 50, 16, false)]    // exactly the group's arrival time: no gain from waiting
    [InlineData(0, 0, 16, false)]       // nothing measured yet
    [InlineData(300, 10, 16, true)]
    public void WaitPays_OnlyWhenTheLastCommitOutlastsTheExpectedWritersArrival(int commitMicroseconds, int gapMicroseconds, int expected, bool pays) =>
        Assert.Equal(pays, GroupCommitter.WaitPays(TimeSpan.FromMicroseconds(commitMicroseconds), TimeSpan.FromMicroseconds(gapMicroseconds), expected));

    // A data directory an older build served from SQLite (vpclab.db): reopened by this build, its log is migrated and
    // replayed before anything is served, so the same world comes back and new writes follow it.
    [Fact]
    public async Task Reopen_AfterTheSqliteLog_SameWorldReplayed_NewWritesFollow()
    {
        var dir = NewDirectory();
        string[] before;
        using (var world = new VpcWorld(dir, GroupCommitMode.CommitThread, sqlite: true))
        {
            await Task.WhenAll(Enumerable.Range(0, 12).Select(i => world.CreateVpcAsync($"10.{i}.0.0/16")));
            before = [.. world.ControlPlane.Network.Vpcs.Keys.Select(k => k.Value).Order(StringComparer.Ordinal)];
        }
        Assert.True(File.Exists(Path.Combine(dir, SqliteOperationLog.FileName)));
        using (var world = new VpcWorld(dir))
        {
            Assert.Equal(12, world.Replayed);
            Assert.Equal(before, world.ControlPlane.Network.Vpcs.Keys.Select(k => k.Value).Order(StringComparer.Ordinal));
            await world.CreateVpcAsync("10.100.0.0/16");
        }
        Assert.Equal(13, LoggedOperations(dir).Count);
        Assert.Throws<InvalidOperationException>(() => OperationJournal.Open(dir, sqlite: true)); // never back to SQLite
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void Mutate_InMemory_CompletesAtOnceWithoutALog()
    {
        using var journal = OperationJournal.Open(null);
        Assert.False(journal.IsDurable);
        Assert.True(journal.Mutate(() => new LogRecord(DateTimeOffset.UnixEpoch, "111111111111", "us-east-1", "CreateVpc", "{}")).IsCompletedSuccessfully);
    }
}
