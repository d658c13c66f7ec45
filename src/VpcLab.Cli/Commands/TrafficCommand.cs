using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using VpcLab.Cli.Rendering;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.ControlPlane.Time;
using VpcLab.FlowLogs.Traffic;
using VpcLab.Query;

namespace VpcLab.Cli.Commands;

/// <summary><c>vpclab traffic</c>: play a scenario's workloads over simulated time and deliver the flow logs AWS would
/// write: S3 destinations as files in AWS's key layout under <c>OUT/s3/</c>, CloudWatch Logs destinations into
/// <c>OUT/cloudwatch-logs.db</c>. Exit code 2 on bad input.</summary>
public static class TrafficCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var scenario = new Option<string>("--scenario", "-s") { Description = "A scenario file with flow-logs: and workloads:, or a shipped scenario's name", Required = true };
        var duration = new Option<string>("--duration", "-d") { Description = "Simulated time to run: 30s, 10m, 1h, 2d (at most 31d)", DefaultValueFactory = _ => "1h" };
        var output = new Option<string>("--out", "-o") { Description = "Directory to deliver flow logs into (S3 as files, CloudWatch Logs as SQLite)", DefaultValueFactory = _ => FlowLogsDirectory.Default };
        var start = new Option<string?>("--start") { Description = "Simulated start time (ISO 8601, UTC); the scenario is built at that moment. Default: its clock (2026-01-01), to the next minute" };
        var seed = new Option<ulong>("--seed") { Description = "Seed for source ports, client addresses and timing (same seed, same files)", DefaultValueFactory = _ => 42 };
        var noData = new Option<bool>("--nodata") { Description = "Also write NODATA records for watched interfaces that saw nothing in a window" };
        var replace = new Option<bool>("--replace") { Description = "--out already holds a run: delete it first" };
        var shard = new Option<string?>("--shard") { Description = "Play only shard I of N (0-based, N up to 60): its interfaces, its own files; N shards' files together are one run's (docs/semantics.md#shards)" };
        var append = new Option<bool>("--append") { Description = "--out already holds a run: add this one, which must start after it (--start)" };
        var json = ScenarioOptions.Json();
        var command = new Command("traffic", "Run a scenario's workloads over simulated time and write the flow logs AWS would deliver")
        {
            scenario, duration, output, start, seed, noData, shard, replace, append, json,
        };
        command.SetAction(parse =>
        {
            var outDirectory = DirectoryOptions.CheckWritable(parse.GetValue(output)!, "--out");
            var file = ScenarioFiles.Resolve(parse.GetValue(scenario)!);
            var startText = parse.GetValue(start);
            var given = startText is null ? (DateTimeOffset?)null : ParseStart(startText);
            var span = TrafficDuration.ParseRun(parse.GetValue(duration)!, "--duration");
            // With --start the scenario is built at that moment, so its flow logs exist when the traffic begins.
            var loaded = given is { } at
                ? ScenarioOptions.Load(file, new ControlPlaneOptions { Clock = new SimulatedClock(at) })
                : ScenarioOptions.Load(file);
            if (parse.GetValue(replace) && parse.GetValue(append))
                throw new UsageException("--replace and --append exclude each other: replace the run in --out, or add to it.");
            var existing = parse.GetValue(replace) ? ExistingRun.Replace : parse.GetValue(append) ? ExistingRun.Append : ExistingRun.Refuse;
            var request = new TrafficRunRequest(loaded.Network, WorkloadParser.Read(loaded.Document, file), span,
                given ?? StartOf(loaded.Network), new FlowLogOutput(outDirectory) { ExistingRun = existing })
            {
                Options = new TrafficOptions { Seed = parse.GetValue(seed), EmitNoData = parse.GetValue(noData), Shard = ShardOf(parse.GetValue(shard)) },
                Source = file,
            };
            TrafficRunResult run;
            try
            {
                run = Run(console, request, quiet: parse.GetValue(json));
            }
            catch (OutputInUseException e)
            {
                throw new UsageException($"--out {e.Message} Give --replace to start over, --append with a later --start to add to it, or another --out.");
            }
            if (parse.GetValue(json))
                console.Profile.Out.Writer.WriteLine(run.Summary.ToJson(indented: true));
            else
            {
                console.Write(TrafficView.Build(loaded.Network, run.Traffic, run.Delivered, run.Summary.Output!));
                console.WriteLine();
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static TrafficShard? ShardOf(string? text) => text is null ? null
        : TrafficShard.Parse(text) ?? throw new UsageException($"--shard '{text}' is not I/N with 0 <= I < N <= {FlowLogs.Delivery.S3.InterfaceGroups.Count} (e.g. 0/3, 1/3, 2/3).");

    private static DateTimeOffset ParseStart(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t : throw new UsageException($"--start '{text}' is not a time like 2026-01-01T00:00:00Z.");

    private static DateTimeOffset StartOf(Model.Network network)
    {
        // After the newest flow log exists (they record nothing earlier), on a whole minute.
        var latest = network.FlowLogs.Values.Select(f => f.CreationTime).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
        long s = latest.ToUnixTimeSeconds();
        return DateTimeOffset.FromUnixTimeSeconds(((s + 59) / 60) * 60);
    }

    private static TrafficRunResult Run(IAnsiConsole console, TrafficRunRequest request, bool quiet)
    {
        if (quiet || !console.Profile.Capabilities.Interactive)
            return TrafficRun.RunAsync(request).GetAwaiter().GetResult();
        TrafficRunResult? result = null;
        var start = DateTimeOffset.FromUnixTimeSeconds(request.Start.ToUnixTimeSeconds());
        console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                // The bar is simulated time; the label says how far, and what was written.
                var task = ctx.AddTask(Label(TimeSpan.Zero, request.Duration, 0, 0), maxValue: Math.Max(1, request.Duration.TotalSeconds));
                result = TrafficRun.RunAsync(request, new Progress<TrafficProgress>(p =>
                {
                    var done = p.Simulated - start;
                    task.Value = done.TotalSeconds;
                    task.Description = Label(done, request.Duration, p.Records, p.Bytes);
                })).GetAwaiter().GetResult();
                task.Value = task.MaxValue;
            });
        return result!;
    }

    private static string Label(TimeSpan done, TimeSpan total, long records, long bytes) => string.Create(CultureInfo.InvariantCulture,
        $"simulated {Days(done)} of {Days(total)}: {records:N0} records, {bytes / (1024.0 * 1024):N1} MiB written");

    private static string Days(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalDays}d {t.Hours:00}:{t.Minutes:00}");
}
