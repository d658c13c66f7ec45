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
        var duration = new Option<string>("--duration", "-d") { Description = "Simulated time to run: 30s, 10m, 1h, 2d (at most 7d)", DefaultValueFactory = _ => "1h" };
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
            var outDirectory = DirectoryOptions.CheckWritable(parse.GetValue(output)!, "--out");
            var file = ScenarioFiles.Resolve(parse.GetValue(scenario)!);
            var startText = parse.GetValue(start);
            var given = startText is null ? (DateTimeOffset?)null : ParseStart(startText);
            var span = TrafficDuration.ParseRun(parse.GetValue(duration)!, "--duration");
            // With --start the scenario is built at that moment, so its flow logs exist when the traffic begins.
            var loaded = given is { } at
                ? ScenarioOptions.LoadFile(file, new ControlPlaneOptions { Clock = new SimulatedClock(at) })
                : ScenarioOptions.Load(file);
            var request = new TrafficRunRequest(loaded.Network, WorkloadParser.Read(loaded.Document, file), span,
                given ?? StartOf(loaded.Network), new FlowLogOutput(outDirectory))
            {
                Options = new TrafficOptions { Seed = parse.GetValue(seed), EmitNoData = parse.GetValue(noData) },
                Source = file,
            };
            var run = Run(console, request, quiet: parse.GetValue(json));
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
        long total = TrafficRun.CountConnections(request);
        TrafficRunResult? result = null;
        console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"{total:N0} connections", maxValue: Math.Max(1, total));
                result = TrafficRun.RunAsync(request, new Progress<long>(n => task.Value = n)).GetAwaiter().GetResult();
                task.Value = task.MaxValue;
            });
        return result!;
    }
}
