using System.Diagnostics;
using System.Globalization;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Persistence;
using VpcLab.Model;
using VpcLab.Server.Persistence;
using VpcLab.Server.Protocol;

/// <summary>What a durable write costs beside its fsync, without HTTP: W writers (tasks), each awaiting its CreateTags
/// before sending the next (as W connections with one request in flight), through the server's own path
/// (<see cref="ServerState.ExecuteAsync"/>: parse, bind, mutate, log record, group commit) against three servers in one
/// process: in memory (no log), and durable with each group commit (<see cref="GroupCommitMode"/>: a writer leads the
/// commit; a commit thread that waits for the writers it expects when the disk is slower than they arrive; a
/// commit thread that takes what is pending, the default; the same over the SQLite log of earlier builds; a commit thread
/// that waits for writers in flight, each announced before its parse as by the Query endpoint; one that also waits while
/// the pool is busy and answers a batch from one work item; commits that overlap, two, three or four in flight,
/// <see cref="GroupCommitMode.Overlapping"/>). They alternate in rounds. Prints per way and round: writes/s, the process's CPU µs per write, commits (fsyncs)
/// per second and the mean batch.
///
///   dotnet VpcLab.ApiScaleBench.dll --durable-writes [--writers 16] [--seconds 3] [--rounds 3] [--dir D] [--way 0|1|…|9]
/// (--way: only that one, e.g. under perf record).</summary>
internal static class DurableWrites
{
    private static readonly RequestContext s_caller = RequestContext.For("111111111111");

    public static int Run(string[] args)
    {
        string Get(string name, string fallback) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        var writers = int.Parse(Get("--writers", "16"), CultureInfo.InvariantCulture);
        var seconds = double.Parse(Get("--seconds", "3"), CultureInfo.InvariantCulture);
        var rounds = int.Parse(Get("--rounds", "3"), CultureInfo.InvariantCulture);
        var root = Get("--dir", Path.Combine(Path.GetTempPath(), $"vpclab-durable-{Environment.ProcessId}"));
        var ways = new (string Label, Func<ServerState> Open)[]
        {
            ("in memory", () => ServerState.Open(null, Ec2Quotas.Generous)),
            ("durable, a writer leads the commit", () => Durable(Path.Combine(root, "leader"), "leader")),
            ("durable, commit thread waits for expected writers when it pays", () => Durable(Path.Combine(root, "wait"), "thread-wait")),
            ("durable, commit thread takes what is pending", () => Durable(Path.Combine(root, "now"), "thread")),
            ("durable, commit thread, the SQLite log (before vpclab.log)", () => Durable(Path.Combine(root, "sqlite"), "thread", sqlite: true)),
            ("durable, commit thread waits for writers in flight", () => Durable(Path.Combine(root, "flight"), "flight")),
            ("durable, commit thread waits for writers in flight or a busy pool, one work item answers", () => Durable(Path.Combine(root, "busy"), "busy", answerInOne: true)),
            ("durable, overlapping commits (two in flight), answers in log order", () => Durable(Path.Combine(root, "overlap"), "overlap")),
            ("durable, overlapping commits (three in flight)", () => Durable(Path.Combine(root, "overlap3"), "overlap", depth: 3)),
            ("durable, overlapping commits (four in flight)", () => Durable(Path.Combine(root, "overlap4"), "overlap", depth: 4)),
        };
        if (Get("--way", "") is { Length: > 0 } only)
            ways = [ways[int.Parse(only, CultureInfo.InvariantCulture)]];
        var states = ways.Select(w => w.Open()).ToArray();
        var vpcs = states.Select(s => Element(s, "Action=CreateVpc&CidrBlock=10.0.0.0%2F16", "vpcId")).ToArray();
        Console.WriteLine("round\tway\twriters\twrites/s\tCPU us/write (user + system)\tcommits/s\tmean batch");
        for (var round = 0; round <= rounds; round++) // round 0 warms the JIT up
        {
            for (var w = 0; w < ways.Length; w++)
            {
                var form = $"Action=CreateTags&ResourceId.1={vpcs[w]}&Tag.1.Key=bench&Tag.1.Value=on";
                var (writes, user, system, commits) = Drive(states[w], form, writers, round == 0 ? 1 : seconds);
                if (round == 0)
                    continue;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{round}\t{ways[w].Label}\t{writers}\t{writes / seconds:F0}\t{(user + system).TotalMicroseconds / writes:F1} ({user.TotalMicroseconds / writes:F1} + {system.TotalMicroseconds / writes:F1})\t{commits / seconds:F0}\t{(commits == 0 ? 0 : (double)writes / commits):F1}"));
            }
        }
        foreach (var state in states)
            state.Dispose();
        Directory.Delete(root, recursive: true);
        return 0;
    }

    private static ServerState Durable(string directory, string groupCommit, bool sqlite = false, bool answerInOne = false, int? depth = null)
    {
        Environment.SetEnvironmentVariable(OperationJournal.DepthVariable, depth?.ToString(CultureInfo.InvariantCulture));
        // The journal reads the variables when the state opens it.
        Environment.SetEnvironmentVariable(OperationJournal.GroupCommitVariable, groupCommit);
        Environment.SetEnvironmentVariable(OperationJournal.LogVariable, sqlite ? "sqlite" : null);
        Environment.SetEnvironmentVariable(OperationJournal.AnswerVariable, answerInOne ? "one" : null);
        var state = ServerState.Open(directory, Ec2Quotas.Generous);
        Environment.SetEnvironmentVariable(OperationJournal.GroupCommitVariable, null);
        Environment.SetEnvironmentVariable(OperationJournal.LogVariable, null);
        Environment.SetEnvironmentVariable(OperationJournal.AnswerVariable, null);
        Environment.SetEnvironmentVariable(OperationJournal.DepthVariable, null);
        return state;
    }

    /// <summary>W writers for the given seconds: writes done, the process's user and system CPU time meanwhile, commits made.</summary>
    private static (long Writes, TimeSpan User, TimeSpan System, long Commits) Drive(ServerState state, string form, int writers, double seconds)
    {
        var fields = InProcessCost.Fields(form);
        var commitsBefore = state.Commits;
        var process = Process.GetCurrentProcess();
        var (userBefore, systemBefore) = (process.UserProcessorTime, process.PrivilegedProcessorTime);
        var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        long total = 0;
        Task.WaitAll([.. Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                using var intent = state.AnnounceWrite(); // as the Query endpoint does, before the parse
                var request = Ec2QueryParser.Default.Parse(fields);
                await state.ExecuteAsync(s_caller, request.Operation.Name, request.Parameters, intent).ConfigureAwait(false);
                Interlocked.Increment(ref total);
            }
        }))]);
        process.Refresh();
        return (total, process.UserProcessorTime - userBefore, process.PrivilegedProcessorTime - systemBefore, state.Commits - commitsBefore);
    }

    private static string Element(ServerState state, string form, string name) =>
        InProcessCost.Element(InProcessCost.Execute(state, form), name);
}
