using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace VpcLab.FlowLogs.CloudWatchLogs;

/// <summary>CloudWatch Logs' request rules shared by groups, streams and events: names, limits and describe
/// pages (tokens are offsets, <c>o/N</c>).</summary>
internal static partial class LogRequestRules
{
    // AWS: log group names are 1-512 characters of a-z, A-Z, 0-9, '_', '-', '/', '.', '#'.
    [GeneratedRegex(@"^[\.\-_/#A-Za-z0-9]{1,512}$")]
    private static partial Regex GroupNamePattern();

    // AWS: log stream names are 1-512 characters, without ':' or '*'.
    [GeneratedRegex(@"^[^:*]{1,512}$")]
    private static partial Regex StreamNamePattern();

    public static void ValidateGroupName(string name)
    {
        if (name is null || !GroupNamePattern().IsMatch(name))
            throw CloudWatchLogsErrors.Invalid($"1 validation error detected: Value '{name}' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+ (1 to 512 characters)");
    }

    public static void ValidateStreamName(string name)
    {
        if (name is null || !StreamNamePattern().IsMatch(name))
            throw CloudWatchLogsErrors.Invalid($"1 validation error detected: Value '{name}' at 'logStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]* (1 to 512 characters)");
    }

    public static int CheckLimit(int? limit, int max)
    {
        if (limit is null)
            return max;
        if (limit < 1 || limit > max)
            throw CloudWatchLogsErrors.Invalid($"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value between 1 and {max}");
        return limit.Value;
    }

    public static int ParseOffsetToken(string? token)
    {
        if (token is null)
            return 0;
        if (token.StartsWith("o/", StringComparison.Ordinal)
            && int.TryParse(token.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            return offset;
        throw CloudWatchLogsErrors.Invalid("The specified nextToken is invalid.");
    }

    public static DescribePage<T> Page<T>(ImmutableArray<T> rows, int take, int offset) =>
        rows.Length > take
            ? new DescribePage<T>(rows[..take], "o/" + (offset + take).ToString(CultureInfo.InvariantCulture))
            : new DescribePage<T>(rows, null);
}
