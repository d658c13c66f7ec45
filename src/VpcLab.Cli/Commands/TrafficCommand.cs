using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using VpcLab.Cli.Rendering;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.ControlPlane.Time;
using VpcLab.Engine;
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
        var duration = new Option<string>("--duration", "-d") { Description = "Simulated time to run: 30s, 10m, 1h, 2d", DefaultValueFactory = _ => "1h" };
        var output = new Option<string>("--out", "-o") { Description = "Directory to deliver flow logs into (S3 as files, CloudWatch Logs as SQLite)", DefaultValueFactory = _ => FlowLogsDirectory.Default };
        var start = new Option<string?>("--start") { Description = "Simulated start time (ISO 8601, UTC); the scenario is built at that moment. Default: its clock (2026-01-01), to the next minute" };
        var seed = new Option<ulong>("--seed") { Description = "Seed for source ports, client addresses and timing (same seed, same files)", DefaultValueFactory = _ => 42 };
        var noData = new Option<bool>("--nodata") { Description = "Also write NODATA records for watched interfaces that saw nothing in a window" };
        var json = ScenarioOptions.Json();
        var command = new Command("traffic", "Run a scenario's workloads over simulated time and write the flow logs AWS would deliver")
        {
            scenario, duration, output, start, seed, noData, json,
        };
        command.SetAction(parse =>
        {
            var file = ScenarioFiles.Resolve(parse.GetValue(scenario)!);
            var startText = parse.GetValue(start);
            var given = startText is null ? (DateTimeOffset?)null : ParseStart(startText);
            // With --start the scenario is built at that moment, so its flow logs exist when the traffic begins.
            var loaded = given is { } at
                ? ScenarioLoader.LoadFile(file, new ControlPlaneOptions { Clock = new SimulatedClock(at) })
                : ScenarioOptions.Load(file);
            var workload = WorkloadParser.ParseFile(file);
            if (workload.Patterns.IsEmpty)
                throw new UsageException($"{file} has no workloads: section; nothing to run.");
            var span = TrafficDuration.Parse(parse.GetValue(duration)!) is { } d && d > TimeSpan.Zero
                ? d : throw new UsageException($"--duration '{parse.GetValue(duration)}' is not a duration like 30s, 10m or 1h.");
            if (span > TimeSpan.FromDays(31))
                throw new UsageException("--duration is limited to 31 days.");
            var from = given ?? StartOf(loaded.Network);
            var simulator = new TrafficSimulator(CompiledNetwork.Compile(loaded.Network),
                new TrafficOptions { Seed = parse.GetValue(seed), EmitNoData = parse.GetValue(noData) });
            var result = Run(console, simulator, workload, from, span, quiet: parse.GetValue(json));
            var sink = new FlowLogOutput(parse.GetValue(output)!);
            var delivered = sink.DeliverAsync(loaded.Network, result).GetAwaiter().GetResult();
            if (parse.GetValue(json))
                console.Profile.Out.Writer.WriteLine(JsonOutput.Serialize(new
                {
                    start = result.Start,
                    end = result.End,
                    result.Connections,
                    result.Established,
                    result.Failed,
                    result.Skipped,
                    records = result.RecordCount,
                    output = sink.Directory,
                    flowLogs = delivered.Select(x => new { id = x.FlowLog.Id.Value, name = loaded.Network.NameOf(x.FlowLog.Id.Value), x.Records, x.Locations }),
                }));
            else
                console.Write(TrafficView.Build(loaded.Network, result, delivered, sink.Directory));
            return ExitCodes.Ok;
        });
        return command;
    }

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

    private static TrafficResult Run(IAnsiConsole console, TrafficSimulator simulator, Workload workload, DateTimeOffset start,
        TimeSpan duration, bool quiet)
    {
        long total = TrafficSimulator.CountConnections(workload, duration);
        if (quiet || !console.Profile.Capabilities.Interactive)
            return simulator.Run(workload, start, duration);
        TrafficResult? result = null;
        console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"{total:N0} connections", maxValue: Math.Max(1, total));
                result = simulator.Run(workload, start, duration, new Progress<long>(n => task.Value = n));
                task.Value = task.MaxValue;
            });
        return result!;
    }
}
