using System.Diagnostics;
using System.Globalization;
using VpcLab.ControlPlane.Persistence;

/// <summary>The disk's floor for durable writes at W concurrent writers, each waiting for its own record to be on disk
/// before writing the next (as W HTTP connections with one request in flight each): no HTTP, no mutation, only the
/// log. Two ways, each for the same number of seconds:
/// <list type="bullet">
/// <item>raw: the ideal group commit over a plain file: one thread waits until every writer's record is pending,
/// appends them (≈200 bytes each, the size of a CreateTags record) and syncs once (<see cref="RandomAccess.FlushToDisk"/>,
/// fsync): W answers per fsync, the most W one-at-a-time writers can get from this disk;</item>
/// <item>raw, at once: the same, but each commit takes what is pending the moment the previous one ends (group
/// commit without a batching window);</item>
/// <item>journal: the server's own <see cref="OperationJournal"/> (the append-only log, group commit), with a record
/// per write and nothing applied; then the same over the SQLite log of earlier builds (WAL, synchronous=FULL).</item>
/// </list>
/// Prints per way: durable writes per second, fsyncs (batches) per second, mean batch size, and the mean time of one
/// commit (seconds / batches).
///
///   dotnet VpcLab.ApiScaleBench.dll --fsync-floor --dir /tmp/x [--writers 16] [--seconds 5]</summary>
internal static class FsyncFloor
{
    private static readonly string s_parameters = "{\"Resources\":[\"vpc-0123456789abcdef0\"],\"Tags\":[{\"Key\":\"bench\",\"Value\":\"on\"}]}";

    public static int Run(string[] args)
    {
        string Get(string name, string fallback) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        var directory = Get("--dir", Path.Combine(Path.GetTempPath(), "vpclab-fsync-floor"));
        var writers = int.Parse(Get("--writers", "16"), CultureInfo.InvariantCulture);
        var seconds = double.Parse(Get("--seconds", "5"), CultureInfo.InvariantCulture);
        Directory.CreateDirectory(directory);
        Console.WriteLine("way\twriters\twrites/s\tcommits/s\tmean batch\tms per commit");
        Report("raw fsync, whole group", writers, seconds, Raw(Path.Combine(directory, "raw.log"), writers, seconds, whole: true));
        Report("raw fsync, at once", writers, seconds, Raw(Path.Combine(directory, "raw2.log"), writers, seconds, whole: false));
        Report("journal (vpclab.log: pwrite + fdatasync)", writers, seconds, Journal(Path.Combine(directory, "journal"), writers, seconds, sqlite: false));
        Report("journal (SQLite WAL FULL, before)", writers, seconds, Journal(Path.Combine(directory, "journal-sqlite"), writers, seconds, sqlite: true));
        Directory.Delete(directory, recursive: true);
        return 0;
    }

    private static void Report(string way, int writers, double seconds, (long Writes, long Commits) counts)
    {
        var (writes, commits) = counts;
        var batches = commits == 0 ? "-\t-\t-" // the journal does not tell its batches
            : string.Create(CultureInfo.InvariantCulture, $"{commits / seconds:F0}\t{(double)writes / commits:F1}\t{seconds * 1000 / commits:F2}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{way}\t{writers}\t{writes / seconds:F0}\t{batches}"));
    }

    /// <summary>Group commit over a plain file: the writers queue, one thread writes the batch (with
    /// <paramref name="whole"/>, once every writer's record is there) and syncs it.</summary>
    private static (long Writes, long Commits) Raw(string path, int writers, double seconds, bool whole)
    {
        var record = System.Text.Encoding.UTF8.GetBytes($"2026-12-05T00:00:00.0000000+00:00|111111111111|us-east-1|CreateTags|{s_parameters}\n");
        var gate = new object();
        var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var pending = new List<TaskCompletionSource>();
        var stop = false;
        long commits = 0;
        using var file = File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.None, FileOptions.None);
        var committer = new Thread(() =>
        {
            long offset = 0;
            while (true)
            {
                List<TaskCompletionSource> batch;
                lock (gate)
                {
                    // The whole group, unless the run is over (writers then stop coming back).
                    while ((whole && pending.Count < writers && Stopwatch.GetTimestamp() < until || pending.Count == 0) && !stop)
                        Monitor.Wait(gate, 1);
                    if (pending.Count == 0)
                        return;
                    (batch, pending) = (pending, []);
                }
                var bytes = new byte[record.Length * batch.Count];
                for (var i = 0; i < batch.Count; i++)
                    record.CopyTo(bytes, i * record.Length);
                RandomAccess.Write(file, bytes, offset);
                offset += bytes.Length;
                RandomAccess.FlushToDisk(file);
                commits++;
                foreach (var done in batch)
                    done.SetResult();
            }
        }) { IsBackground = true };
        committer.Start();
        var writes = Drive(writers, until, () =>
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (gate)
            {
                pending.Add(done);
                Monitor.Pulse(gate);
            }
            return done.Task;
        });
        lock (gate)
        {
            stop = true;
            Monitor.Pulse(gate);
        }
        committer.Join();
        return (writes, commits);
    }

    /// <summary>The server's journal: each write a logged record, nothing applied.</summary>
    private static (long Writes, long Commits) Journal(string directory, int writers, double seconds, bool sqlite)
    {
        using var journal = OperationJournal.Open(directory, sqlite: sqlite);
        var record = new LogRecord(DateTimeOffset.UnixEpoch, "111111111111", "us-east-1", "CreateTags", s_parameters);
        var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        return (Drive(writers, until, () => journal.Mutate(() => record)), 0);
    }

    /// <summary>W writers, each awaiting its write before the next, until the timestamp: how many completed.</summary>
    private static long Drive(int writers, long until, Func<Task> write)
    {
        long total = 0;
        Task.WaitAll([.. Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                await write().ConfigureAwait(false);
                Interlocked.Increment(ref total);
            }
        }))]);
        return total;
    }
}
