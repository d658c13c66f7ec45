using System.Collections.Immutable;

namespace VpcLab.FlowLogs.CloudWatchLogs;

/// <summary>An event as PutLogEvents takes it: epoch milliseconds and the message.</summary>
public sealed record InputLogEvent(long Timestamp, string Message);

/// <summary>A stored event. <see cref="EventId"/> is stable: the same event always has the same id.</summary>
public sealed record StoredLogEvent(string LogStreamName, long Timestamp, string Message, long IngestionTime, string EventId);

/// <summary>GetLogEvents' answer: events in ascending time order and the tokens to page on. At the end of the
/// stream the forward token comes back unchanged, which is how clients (<c>aws logs tail</c>) know to stop.</summary>
public sealed record LogEventsPage(ImmutableArray<StoredLogEvent> Events, string NextForwardToken, string NextBackwardToken);

/// <summary>FilterLogEvents' answer; <see cref="NextToken"/> is null when there is nothing more.</summary>
public sealed record FilteredLogEventsPage(ImmutableArray<StoredLogEvent> Events, string? NextToken);

/// <summary>PutLogEvents' answer. Sequence tokens are no longer required by AWS (since 2023); one is still returned.</summary>
public sealed record PutLogEventsResult(string NextSequenceToken, int AcceptedCount);

/// <summary>GetLogEvents' parameters (all optional but the names).</summary>
public sealed record GetLogEventsRequest(string LogGroupName, string LogStreamName)
{
    public long? StartTime { get; init; }
    public long? EndTime { get; init; }
    public int? Limit { get; init; }
    public bool StartFromHead { get; init; }
    public string? NextToken { get; init; }
}

/// <summary>FilterLogEvents' parameters.</summary>
public sealed record FilterLogEventsRequest(string LogGroupName)
{
    public ImmutableArray<string> LogStreamNames { get; init; } = [];
    public string? LogStreamNamePrefix { get; init; }
    public long? StartTime { get; init; }
    public long? EndTime { get; init; }
    public string? FilterPattern { get; init; }
    public int? Limit { get; init; }
    public string? NextToken { get; init; }
}

/// <summary>A page of a Describe* listing; <see cref="NextToken"/> is null on the last page.</summary>
public sealed record DescribePage<T>(ImmutableArray<T> Items, string? NextToken);
