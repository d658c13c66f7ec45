using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using VpcLab.FlowLogs.CloudWatchLogs;
using VpcLab.Server.Hosting;

namespace VpcLab.Server.Logs;

/// <summary>The CloudWatch Logs operations the lab serves: JSON members in (AWS's names), the store's call, JSON out
/// (AWS's output shapes from the service model, members omitted when AWS omits them).</summary>
internal static class LogsOperations
{
    public static readonly ImmutableArray<string> Supported =
    [
        "CreateLogGroup", "DeleteLogGroup", "DescribeLogGroups", "CreateLogStream", "DeleteLogStream",
        "DescribeLogStreams", "PutLogEvents", "GetLogEvents", "FilterLogEvents",
    ];

    public static JsonObject Run(CloudWatchLogsStore store, LogScope scope, string operation, JsonObject input)
    {
        switch (operation)
        {
            case "CreateLogGroup":
                store.CreateLogGroup(scope, RequiredString(input, "logGroupName"));
                return [];
            case "DeleteLogGroup":
                store.DeleteLogGroup(scope, RequiredString(input, "logGroupName"));
                return [];
            case "DescribeLogGroups":
                return DescribeLogGroups(store, scope, input);
            case "CreateLogStream":
                store.CreateLogStream(scope, RequiredString(input, "logGroupName"), RequiredString(input, "logStreamName"));
                return [];
            case "DeleteLogStream":
                store.DeleteLogStream(scope, RequiredString(input, "logGroupName"), RequiredString(input, "logStreamName"));
                return [];
            case "DescribeLogStreams":
                return DescribeLogStreams(store, scope, input);
            case "PutLogEvents":
                return PutLogEvents(store, scope, input);
            case "GetLogEvents":
                return GetLogEvents(store, scope, input);
            case "FilterLogEvents":
                return FilterLogEvents(store, scope, input);
            default:
                throw new AwsJsonProtocolException("UnknownOperationException",
                    $"Operation '{operation}' is not a CloudWatch Logs operation VpcLab serves (X-Amz-Target: Logs_20140328.<Op> with Op one of {string.Join(", ", Supported)}).");
        }
    }

    private static JsonObject DescribeLogGroups(CloudWatchLogsStore store, LogScope scope, JsonObject input)
    {
        var page = store.DescribeLogGroups(scope, OptionalString(input, "logGroupNamePrefix"), OptionalInt(input, "limit"), OptionalString(input, "nextToken"));
        var groups = new JsonArray();
        foreach (var g in page.Items)
        {
            groups.Add(new JsonObject
            {
                ["logGroupName"] = g.Name,
                ["creationTime"] = g.CreationTime,
                ["metricFilterCount"] = 0,
                ["arn"] = g.Arn + ":*", // AWS: 'arn' ends with ':*', 'logGroupArn' does not
                ["storedBytes"] = g.StoredBytes,
                ["logGroupClass"] = "STANDARD",
                ["logGroupArn"] = g.Arn,
            });
        }
        return WithToken(new JsonObject { ["logGroups"] = groups }, page.NextToken);
    }

    private static JsonObject DescribeLogStreams(CloudWatchLogsStore store, LogScope scope, JsonObject input)
    {
        var order = OptionalString(input, "orderBy") switch
        {
            null or "LogStreamName" => LogStreamOrder.LogStreamName,
            "LastEventTime" => LogStreamOrder.LastEventTime,
            var other => throw CloudWatchLogsErrors.Invalid($"1 validation error detected: Value '{other}' at 'orderBy' failed to satisfy constraint: Member must satisfy enum value set: [LogStreamName, LastEventTime]"),
        };
        var page = store.DescribeLogStreams(scope, GroupName(input), OptionalString(input, "logStreamNamePrefix"), order,
            OptionalBool(input, "descending") ?? false, OptionalInt(input, "limit"), OptionalString(input, "nextToken"));
        var streams = new JsonArray();
        foreach (var s in page.Items)
        {
            var item = new JsonObject { ["logStreamName"] = s.Name, ["creationTime"] = s.CreationTime };
            if (s.FirstEventTimestamp is { } first)
                item["firstEventTimestamp"] = first;
            if (s.LastEventTimestamp is { } last)
                item["lastEventTimestamp"] = last;
            if (s.LastIngestionTime is { } ingestion)
                item["lastIngestionTime"] = ingestion;
            item["arn"] = s.Arn;
            item["storedBytes"] = s.StoredBytes;
            streams.Add(item);
        }
        return WithToken(new JsonObject { ["logStreams"] = streams }, page.NextToken);
    }

    private static JsonObject PutLogEvents(CloudWatchLogsStore store, LogScope scope, JsonObject input)
    {
        if (input["logEvents"] is not JsonArray array)
            throw Missing("logEvents");
        var events = new List<InputLogEvent>(array.Count);
        foreach (var node in array)
        {
            if (node is not JsonObject e)
                throw CloudWatchLogsErrors.Invalid("Each of logEvents must be an object with timestamp and message.");
            events.Add(new InputLogEvent(RequiredLong(e, "timestamp"), RequiredString(e, "message")));
        }
        var result = store.PutLogEvents(scope, RequiredString(input, "logGroupName"), RequiredString(input, "logStreamName"), events);
        return new JsonObject { ["nextSequenceToken"] = result.NextSequenceToken };
    }

    private static JsonObject GetLogEvents(CloudWatchLogsStore store, LogScope scope, JsonObject input)
    {
        var page = store.GetLogEvents(scope, new GetLogEventsRequest(GroupName(input), RequiredString(input, "logStreamName"))
        {
            StartTime = OptionalLong(input, "startTime"),
            EndTime = OptionalLong(input, "endTime"),
            Limit = OptionalInt(input, "limit"),
            StartFromHead = OptionalBool(input, "startFromHead") ?? false,
            NextToken = OptionalString(input, "nextToken"),
        });
        var events = new JsonArray();
        foreach (var e in page.Events)
            events.Add(new JsonObject { ["timestamp"] = e.Timestamp, ["message"] = e.Message, ["ingestionTime"] = e.IngestionTime });
        return new JsonObject { ["events"] = events, ["nextForwardToken"] = page.NextForwardToken, ["nextBackwardToken"] = page.NextBackwardToken };
    }

    private static JsonObject FilterLogEvents(CloudWatchLogsStore store, LogScope scope, JsonObject input)
    {
        var names = input["logStreamNames"] switch
        {
            null => [],
            JsonArray a => a.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw WrongType("logStreamNames", "a list of strings")).ToImmutableArray(),
            _ => throw WrongType("logStreamNames", "a list of strings"),
        };
        var page = store.FilterLogEvents(scope, new FilterLogEventsRequest(GroupName(input))
        {
            LogStreamNames = names,
            LogStreamNamePrefix = OptionalString(input, "logStreamNamePrefix"),
            StartTime = OptionalLong(input, "startTime"),
            EndTime = OptionalLong(input, "endTime"),
            FilterPattern = OptionalString(input, "filterPattern"),
            Limit = OptionalInt(input, "limit"),
            NextToken = OptionalString(input, "nextToken"),
        });
        var events = new JsonArray();
        foreach (var e in page.Events)
        {
            events.Add(new JsonObject
            {
                ["logStreamName"] = e.LogStreamName, ["timestamp"] = e.Timestamp, ["message"] = e.Message,
                ["ingestionTime"] = e.IngestionTime, ["eventId"] = e.EventId,
            });
        }
        return WithToken(new JsonObject { ["events"] = events, ["searchedLogStreams"] = new JsonArray() }, page.NextToken);
    }

    // Newer clients may name the group by logGroupIdentifier (a name or an ARN) instead of logGroupName.
    private static string GroupName(JsonObject input)
    {
        if (OptionalString(input, "logGroupName") is { } name)
            return name;
        if (OptionalString(input, "logGroupIdentifier") is { } identifier)
        {
            const string marker = ":log-group:";
            var at = identifier.IndexOf(marker, StringComparison.Ordinal);
            return at < 0 ? identifier : identifier[(at + marker.Length)..].TrimEnd('*').TrimEnd(':');
        }
        throw Missing("logGroupName");
    }

    private static JsonObject WithToken(JsonObject output, string? token)
    {
        if (token is not null)
            output["nextToken"] = token;
        return output;
    }

    private static CloudWatchLogsException Missing(string member) =>
        CloudWatchLogsErrors.Invalid($"1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null");

    private static AwsJsonProtocolException WrongType(string member, string expected) =>
        new("SerializationException", $"'{member}' must be {expected}.");

    private static string RequiredString(JsonObject input, string member) => OptionalString(input, member) ?? throw Missing(member);

    private static long RequiredLong(JsonObject input, string member) => OptionalLong(input, member) ?? throw Missing(member);

    private static string? OptionalString(JsonObject input, string member) => input[member] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw WrongType(member, "a string"),
    };

    private static long? OptionalLong(JsonObject input, string member) => input[member] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var n) => n,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<double>(out var d) && d == Math.Floor(d) && Math.Abs(d) < 9e18 => (long)d,
        _ => throw WrongType(member, "an integer"),
    };

    private static int? OptionalInt(JsonObject input, string member) => OptionalLong(input, member) switch
    {
        null => null,
        var n when n is >= int.MinValue and <= int.MaxValue => (int)n,
        _ => throw CloudWatchLogsErrors.Invalid($"'{member}' is out of range."),
    };

    private static bool? OptionalBool(JsonObject input, string member) => input[member] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        _ => throw WrongType(member, "a boolean"),
    };
}
