using System.Collections.Immutable;
using System.Globalization;

namespace VpcLab.FlowLogs.CloudWatchLogs;

/// <summary>A CloudWatch Logs filter pattern, the subset VpcLab supports (docs/semantics.md#flow-log-data):
/// <list type="bullet">
/// <item>empty: every event;</item>
/// <item>terms, case-sensitive substrings: <c>REJECT 443</c> (all), <c>"10.0.1.5 10.0.2.7"</c> (a quoted phrase),
/// <c>?REJECT ?NODATA</c> (at least one of the ?-terms), <c>ACCEPT -NODATA</c> (excludes);</item>
/// <item>space-delimited patterns, the form AWS documents for flow logs:
/// <c>[version, account, eni, source, destination, srcport, destport="22", protocol, packets, bytes, start, end, action="REJECT", status]</c>,
/// with <c>=</c>, <c>!=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c> (numbers), <c>*</c> wildcards in
/// values and <c>...</c> for any number of fields.</item>
/// </list>
/// JSON patterns (<c>{ $.x = ... }</c>) are refused with InvalidParameterException.</summary>
public sealed class FilterPattern
{
    private readonly Func<string, bool> _matches;

    private FilterPattern(string text, Func<string, bool> matches)
    {
        Text = text;
        _matches = matches;
    }

    public string Text { get; }

    public static FilterPattern All { get; } = new(string.Empty, _ => true);

    public bool Matches(string message) => _matches(message);

    /// <summary>Parses <paramref name="pattern"/>; a pattern VpcLab cannot read is an InvalidParameterException.</summary>
    public static FilterPattern Parse(string? pattern)
    {
        var text = (pattern ?? string.Empty).Trim();
        if (text.Length == 0)
            return All;
        if (text[0] == '{')
            throw CloudWatchLogsErrors.Invalid("Invalid filter pattern: JSON filter patterns are not supported by VpcLab (use terms or a space-delimited [..] pattern).");
        if (text[0] == '[')
            return ParseSpaceDelimited(text);
        return ParseTerms(text);
    }

    private static FilterPattern ParseTerms(string text)
    {
        var required = ImmutableArray.CreateBuilder<string>();
        var optional = ImmutableArray.CreateBuilder<string>();
        var excluded = ImmutableArray.CreateBuilder<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            var target = required;
            if (text[i] == '?') { target = optional; i++; }
            else if (text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1])) { target = excluded; i++; }
            var term = ReadTerm(text, ref i);
            if (term.Length == 0)
                throw CloudWatchLogsErrors.Invalid($"Invalid filter pattern '{text}': empty term.");
            target.Add(term);
        }
        var all = required.ToImmutable();
        var any = optional.ToImmutable();
        var none = excluded.ToImmutable();
        return new FilterPattern(text, message =>
            all.All(t => message.Contains(t, StringComparison.Ordinal))
            && (any.Length == 0 || any.Any(t => message.Contains(t, StringComparison.Ordinal)))
            && !none.Any(t => message.Contains(t, StringComparison.Ordinal)));
    }

    private static string ReadTerm(string text, ref int i)
    {
        if (i < text.Length && text[i] == '"')
        {
            var end = text.IndexOf('"', i + 1);
            if (end < 0)
                throw CloudWatchLogsErrors.Invalid($"Invalid filter pattern '{text}': unclosed quote.");
            var phrase = text[(i + 1)..end];
            i = end + 1;
            return phrase;
        }
        var start = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]))
            i++;
        return text[start..i];
    }

    private static FilterPattern ParseSpaceDelimited(string text)
    {
        if (text[^1] != ']')
            throw CloudWatchLogsErrors.Invalid($"Invalid filter pattern '{text}': a space-delimited pattern ends with ']'.");
        var fields = text[1..^1].Split(',', StringSplitOptions.TrimEntries)
            .Select(f => FieldCondition.Parse(f, text)).ToImmutableArray();
        return new FilterPattern(text, message =>
            MatchFields(fields, 0, message.Split(' ', StringSplitOptions.RemoveEmptyEntries), 0));
    }

    private static bool MatchFields(ImmutableArray<FieldCondition> fields, int f, string[] values, int v)
    {
        if (f == fields.Length)
            return v == values.Length;
        if (fields[f].IsEllipsis)
        {
            for (var skip = v; skip <= values.Length; skip++)
            {
                if (MatchFields(fields, f + 1, values, skip))
                    return true;
            }
            return false;
        }
        return v < values.Length && fields[f].Matches(values[v]) && MatchFields(fields, f + 1, values, v + 1);
    }

    private sealed record FieldCondition(bool IsEllipsis, string? Operator, string? Value)
    {
        private static readonly string[] Operators = ["!=", ">=", "<=", "=", ">", "<"];

        public static FieldCondition Parse(string field, string pattern)
        {
            if (field == "...")
                return new FieldCondition(true, null, null);
            if (field.Length == 0)
                throw CloudWatchLogsErrors.Invalid($"Invalid filter pattern '{pattern}': empty field.");
            foreach (var op in Operators)
            {
                var at = field.IndexOf(op, StringComparison.Ordinal);
                if (at < 0)
                    continue;
                var value = field[(at + op.Length)..].Trim();
                if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
                    value = value[1..^1];
                if (op is not ("=" or "!=") && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                    throw CloudWatchLogsErrors.Invalid($"Invalid filter pattern '{pattern}': '{op}' needs a number, got '{value}'.");
                return new FieldCondition(false, op, value);
            }
            return new FieldCondition(false, null, null); // a name only: any value
        }

        public bool Matches(string value)
        {
            if (Operator is null)
                return true;
            if (Operator is "=" or "!=")
                return (Operator == "=") == WildcardEquals(value, Value!);
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                return false;
            var bound = double.Parse(Value!, CultureInfo.InvariantCulture);
            return Operator switch
            {
                ">" => number > bound,
                ">=" => number >= bound,
                "<" => number < bound,
                _ => number <= bound,
            };
        }

        private static bool WildcardEquals(string value, string pattern)
        {
            if (!pattern.Contains('*', StringComparison.Ordinal))
            {
                // AWS compares numbers numerically ("22" = "22.0"), everything else as text.
                if (double.TryParse(pattern, NumberStyles.Float, CultureInfo.InvariantCulture, out var p)
                    && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
                    return n == p;
                return value == pattern;
            }
            return VpcLab.Model.Wildcard.MatchesStars(pattern, value);
        }
    }
}
