using System.Collections.Immutable;

namespace VpcLab.FlowLogs.CloudWatchLogs;

/// <summary>A CloudWatch-Logs-like store: log groups (per account and Region), log streams and events, in SQLite
/// (WAL, synchronous=FULL: a put is on disk before it returns). The server's CloudWatch Logs API, the flow-log
/// delivery and <c>vpclab flowlogs tail</c> all read and write through it. Thread-safe (one lock); another process
/// may read the same file at the same time (WAL). The work is done by one type per table
/// (<see cref="LogGroupTable"/>, <see cref="LogStreamTable"/>, <see cref="LogEventTable"/>) over one
/// <see cref="LogsDatabase"/>; this type is their public face.</summary>
public sealed class CloudWatchLogsStore : IDisposable
{
    /// <summary>AWS's PutLogEvents limits: 10,000 events, 1,048,576 bytes (message UTF-8 bytes + 26 per event),
    /// one batch spanning at most 24 hours.</summary>
    public const int MaxEventsPerPut = 10_000;
    public const int MaxBatchBytes = 1_048_576;
    public const int PerEventOverheadBytes = 26;
    public const long MaxBatchSpanMilliseconds = 24L * 60 * 60 * 1000;
    public const int MaxDescribeLimit = 50;
    public const int MaxEventsLimit = 10_000;

    private readonly LogsDatabase _db;
    private readonly LogGroupTable _groups;
    private readonly LogStreamTable _streams;
    private readonly LogEventTable _events;

    private CloudWatchLogsStore(LogsDatabase db)
    {
        _db = db;
        _groups = new LogGroupTable(db);
        _streams = new LogStreamTable(db);
        _events = new LogEventTable(db);
    }

    /// <summary>Opens (creating if needed) the store in the SQLite file <paramref name="path"/>.</summary>
    public static CloudWatchLogsStore Open(string path, TimeProvider? time = null) => new(LogsDatabase.Open(path, time));

    /// <summary>A store that lives in memory only (tests, <c>vpclab serve --in-memory</c>).</summary>
    public static CloudWatchLogsStore InMemory(TimeProvider? time = null) => new(LogsDatabase.InMemory(time));

    public LogGroup CreateLogGroup(LogScope scope, string name) => _groups.CreateLogGroup(scope, name);

    public void DeleteLogGroup(LogScope scope, string name) => _groups.DeleteLogGroup(scope, name);

    /// <inheritdoc cref="LogGroupTable.DescribeLogGroups"/>
    public DescribePage<LogGroup> DescribeLogGroups(LogScope scope, string? namePrefix = null, int? limit = null, string? nextToken = null) =>
        _groups.DescribeLogGroups(scope, namePrefix, limit, nextToken);

    /// <inheritdoc cref="LogGroupTable.FindLogGroupScopes"/>
    public ImmutableArray<LogScope> FindLogGroupScopes(string name) => _groups.FindLogGroupScopes(name);

    /// <inheritdoc cref="LogGroupTable.ListAllLogGroups"/>
    public ImmutableArray<LogGroup> ListAllLogGroups() => _groups.ListAllLogGroups();

    public LogStream CreateLogStream(LogScope scope, string logGroupName, string name) => _streams.CreateLogStream(scope, logGroupName, name);

    public void DeleteLogStream(LogScope scope, string logGroupName, string name) => _streams.DeleteLogStream(scope, logGroupName, name);

    /// <inheritdoc cref="LogStreamTable.EnsureLogGroupAndStream"/>
    public void EnsureLogGroupAndStream(LogScope scope, string logGroupName, string logStreamName) =>
        _streams.EnsureLogGroupAndStream(scope, logGroupName, logStreamName);

    /// <inheritdoc cref="LogStreamTable.DescribeLogStreams"/>
    public DescribePage<LogStream> DescribeLogStreams(LogScope scope, string logGroupName, string? namePrefix = null,
        LogStreamOrder orderBy = LogStreamOrder.LogStreamName, bool descending = false, int? limit = null, string? nextToken = null) =>
        _streams.DescribeLogStreams(scope, logGroupName, namePrefix, orderBy, descending, limit, nextToken);

    /// <inheritdoc cref="LogEventTable.PutLogEvents"/>
    public PutLogEventsResult PutLogEvents(LogScope scope, string logGroupName, string logStreamName, IReadOnlyList<InputLogEvent> events) =>
        _events.PutLogEvents(scope, logGroupName, logStreamName, events);

    /// <inheritdoc cref="LogEventTable.GetLogEvents"/>
    public LogEventsPage GetLogEvents(LogScope scope, GetLogEventsRequest request) => _events.GetLogEvents(scope, request);

    /// <inheritdoc cref="LogEventTable.FilterLogEvents"/>
    public FilteredLogEventsPage FilterLogEvents(LogScope scope, FilterLogEventsRequest request) => _events.FilterLogEvents(scope, request);

    public void Dispose() => _db.Dispose();
}
