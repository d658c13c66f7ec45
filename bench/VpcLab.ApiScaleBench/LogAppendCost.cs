using System.Diagnostics;
using System.Globalization;
using VpcLab.ControlPlane.Persistence;

/// <summary>What one durable batch costs the thread that commits it, without HTTP or group commit: AppendBatch of 1
/// and of 16 CreateTags-sized records, on the append-only log (<see cref="OperationLog"/>: one pwrite + one fdatasync)
/// and on the SQLite log of earlier builds (<see cref="SqliteOperationLog"/>: a transaction, WAL, synchronous=FULL).
/// The four alternate in rounds (the order reversed every other round), so a shared machine's load falls on all alike.
/// Prints per round and way: the thread's CPU µs per batch (user + system: the sync's kernel time is on the calling
/// thread), wall µs per batch, and the load average when the way ran.
///
///   dotnet VpcLab.ApiScaleBench.dll --log-append [--dir D] [--batches 400] [--rounds 5]</summary>
internal static class LogAppendCost
{
    private static readonly LogRecord s_record = new(DateTimeOffset.UnixEpoch, "111111111111", "us-east-1", "CreateTags",
        "{\"Resources\":[\"vpc-0123456789abcdef0\"],\"Tags\":[{\"Key\":\"bench\",\"Value\":\"on\"}]}");

    public static int Run(string[] args)
    {
        string Get(string name, string fallback) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        var root = Get("--dir", Path.Combine(Path.GetTempPath(), $"vpclab-log-append-{Environment.ProcessId}"));
        var batches = int.Parse(Get("--batches", "400"), CultureInfo.InvariantCulture);
        var rounds = int.Parse(Get("--rounds", "5"), CultureInfo.InvariantCulture);
        var ways = new List<(string Label, IOperationLog Log, LogRecord[] Batch)>();
        foreach (var size in new[] { 1, 16 })
        {
            var batch = Enumerable.Repeat(s_record, size).ToArray();
            ways.Add(($"vpclab.log\t{size}", OperationLog.Open(Path.Combine(root, $"log{size}")), batch));
            ways.Add(($"SQLite (before)\t{size}", SqliteOperationLog.Open(Path.Combine(root, $"sqlite{size}")), batch));
        }
        Console.WriteLine("round\tlog\trecords per batch\tCPU us per batch\twall us per batch\tload average (1 min)");
        for (var round = 0; round <= rounds; round++) // round 0 warms up (JIT, the files' first pages)
        {
            var order = round % 2 == 0 ? ways : Enumerable.Reverse(ways).ToList();
            foreach (var (label, log, batch) in order)
            {
                var cpu = ThreadCpu.Microseconds();
                var wall = Stopwatch.GetTimestamp();
                for (var i = 0; i < (round == 0 ? 20 : batches); i++)
                    log.AppendBatch(batch);
                var (cpuUs, wallUs) = (ThreadCpu.Microseconds() - cpu, Stopwatch.GetElapsedTime(wall).TotalMicroseconds);
                if (round > 0)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{round}\t{label}\t{cpuUs / batches:F1}\t{wallUs / batches:F1}\t{LoadAverage()}"));
            }
        }
        foreach (var (_, log, _) in ways)
            log.Dispose();
        Directory.Delete(root, recursive: true);
        return 0;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "-";
}
