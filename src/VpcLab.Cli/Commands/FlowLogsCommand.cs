using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using VpcLab.Cli.Rendering;
using VpcLab.FlowLogs.CloudWatchLogs;

namespace VpcLab.Cli.Commands;

/// <summary><c>vpclab flowlogs</c>: read the CloudWatch-Logs-like store a run delivered flow logs to
/// (<c>{DIR}/cloudwatch-logs.db</c>): <c>tail</c> prints events with their timestamps as <c>aws logs tail</c> does,
/// <c>groups</c> and <c>streams</c> list what is there.</summary>
public static class FlowLogsCommand
{
    public const string StoreFileName = "cloudwatch-logs.db";

    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("flowlogs", "Read flow logs delivered to the CloudWatch Logs store of a run ({DIR}/cloudwatch-logs.db)")
        {
            Tail(console), Groups(console), Streams(console),
        };
        return command;
    }

    private static Option<string> Out() => new("--out", "-o") { Description = "The run's output directory (holds cloudwatch-logs.db)", Required = true };

    private static Option<string> Group() => new("--group", "-g") { Description = "The log group name, e.g. /vpc/flow-logs", Required = true };

    private static Option<string?> Account() => new("--account") { Description = "The group's account, when several accounts have a group of that name" };

    private static Option<string?> Region() => new("--region") { Description = "The group's Region, when several Regions have a group of that name" };

    private static Command Tail(IAnsiConsole console)
    {
        var output = Out();
        var group = Group();
        var account = Account();
        var region = Region();
        var stream = new Option<string?>("--stream", "-s") { Description = "Only this log stream (one per network interface, e.g. eni-0a1b2c3d4e5f60001-all)" };
        var limit = new Option<int?>("--limit", "-n") { Description = "Print only the last N matching events" };
        var filter = new Option<string?>("--filter", "-f")
        {
            Description = "A CloudWatch Logs filter pattern: terms (REJECT), \"quoted phrases\", ?any ?of, -excluded, or a space-delimited [version, ..., action=REJECT, status]",
        };
        var json = ScenarioOptions.Json();
        var command = new Command("tail", "Print a log group's events, oldest first, each with its timestamp and stream (like aws logs tail)")
        {
            output, group, stream, limit, filter, account, region, json,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(limit) is < 1)
                throw new UsageException("--limit must be at least 1.");
            using var store = OpenStore(parse.GetValue(output)!);
            var name = parse.GetValue(group)!;
            var scope = ScopeOf(store, name, parse.GetValue(account), parse.GetValue(region));
            var request = new FilterLogEventsRequest(name)
            {
                FilterPattern = parse.GetValue(filter),
                LogStreamNames = parse.GetValue(stream) is { } s ? [s] : [],
            };
            var keep = parse.GetValue(limit);
            var events = new Queue<StoredLogEvent>();
            Run(() =>
            {
                string? token = null;
                do
                {
                    var page = store.FilterLogEvents(scope, request with { NextToken = token });
                    foreach (var e in page.Events)
                    {
                        events.Enqueue(e);
                        if (keep is { } n && events.Count > n)
                            events.Dequeue();
                    }
                    token = page.NextToken;
                }
                while (token is not null);
            });
            var writer = console.Profile.Out.Writer;
            if (parse.GetValue(json))
            {
                writer.WriteLine(JsonOutput.Serialize(events.Select(e => new { Timestamp = Time(e.Timestamp), LogStream = e.LogStreamName, e.Message })));
                return ExitCodes.Ok;
            }
            foreach (var e in events)
                writer.WriteLine($"{Time(e.Timestamp)} {e.LogStreamName} {e.Message}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Groups(IAnsiConsole console)
    {
        var output = Out();
        var json = ScenarioOptions.Json();
        var command = new Command("groups", "List the log groups in the store (account, Region, name, streams, bytes)") { output, json };
        command.SetAction(parse =>
        {
            using var store = OpenStore(parse.GetValue(output)!);
            var groups = store.ListAllLogGroups()
                .Select(g => new { g.Scope.Account, g.Scope.Region, LogGroup = g.Name, Streams = AllStreams(store, g.Scope, g.Name).Count, g.StoredBytes, Created = Time(g.CreationTime) })
                .ToList();
            if (parse.GetValue(json))
            {
                console.Profile.Out.Writer.WriteLine(JsonOutput.Serialize(groups));
                return ExitCodes.Ok;
            }
            var table = new FoldingTable(null, "Account", "Region", "Log group", "Streams", "Stored bytes", "Created").RightAlign(3).RightAlign(4);
            foreach (var g in groups)
            {
                table.AddRow(Markup.Escape(g.Account), Markup.Escape(g.Region), Markup.Escape(g.LogGroup),
                    g.Streams.ToString(CultureInfo.InvariantCulture), g.StoredBytes.ToString(CultureInfo.InvariantCulture), g.Created);
            }
            console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Streams(IAnsiConsole console)
    {
        var output = Out();
        var group = Group();
        var account = Account();
        var region = Region();
        var json = ScenarioOptions.Json();
        var command = new Command("streams", "List a log group's streams (one per network interface) with their first and last event")
        {
            output, group, account, region, json,
        };
        command.SetAction(parse =>
        {
            using var store = OpenStore(parse.GetValue(output)!);
            var name = parse.GetValue(group)!;
            var scope = ScopeOf(store, name, parse.GetValue(account), parse.GetValue(region));
            var streams = AllStreams(store, scope, name)
                .Select(s => new { LogStream = s.Name, FirstEvent = s.FirstEventTimestamp is { } f ? Time(f) : null, LastEvent = s.LastEventTimestamp is { } l ? Time(l) : null, s.StoredBytes })
                .ToList();
            if (parse.GetValue(json))
            {
                console.Profile.Out.Writer.WriteLine(JsonOutput.Serialize(streams));
                return ExitCodes.Ok;
            }
            var table = new FoldingTable(null, "Log stream", "First event", "Last event", "Stored bytes").RightAlign(3);
            foreach (var s in streams)
                table.AddRow(Markup.Escape(s.LogStream), s.FirstEvent ?? "-", s.LastEvent ?? "-", s.StoredBytes.ToString(CultureInfo.InvariantCulture));
            console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static List<LogStream> AllStreams(CloudWatchLogsStore store, LogScope scope, string group)
    {
        var streams = new List<LogStream>();
        string? token = null;
        do
        {
            var page = Run(() => store.DescribeLogStreams(scope, group, nextToken: token));
            streams.AddRange(page.Items);
            token = page.NextToken;
        }
        while (token is not null);
        return streams;
    }

    private static CloudWatchLogsStore OpenStore(string directory)
    {
        var path = Path.Combine(directory, StoreFileName);
        if (!File.Exists(path))
            throw new UsageException($"No CloudWatch Logs store at {path}: deliver flow logs to CloudWatch Logs into --out {directory} first.");
        return CloudWatchLogsStore.Open(path);
    }

    /// <summary>The group's account and Region: given, or the only scope that has a group of that name.</summary>
    private static LogScope ScopeOf(CloudWatchLogsStore store, string group, string? account, string? region)
    {
        var scopes = store.FindLogGroupScopes(group)
            .Where(s => (account is null || s.Account == account) && (region is null || s.Region == region))
            .ToList();
        return scopes.Count switch
        {
            1 => scopes[0],
            0 => throw new UsageException($"No log group '{group}'{(account is null ? "" : $" in account {account}")}{(region is null ? "" : $" in {region}")} in the store (see 'vpclab flowlogs groups')."),
            _ => throw new UsageException($"Log group '{group}' exists in {string.Join(", ", scopes.Select(s => $"{s.Account}/{s.Region}"))}: choose one with --account and --region."),
        };
    }

    private static T Run<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (CloudWatchLogsException e)
        {
            throw new UsageException($"{e.Code}: {e.Message}");
        }
    }

    private static void Run(Action call) => Run(() => { call(); return 0; });

    private static string Time(long epochMilliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(epochMilliseconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
