namespace VpcLab.Model;

/// <summary>AWS's glob, written once: <c>*</c> matches any run of characters (empty too), <c>?</c> exactly one.
/// IAM policies (actions, ARNs, condition values) use it as is; Describe* filters also let <c>\</c> escape the
/// next character (<see cref="Matches"/>); CloudWatch Logs filter values know <c>*</c> only (<see cref="MatchesStars"/>).</summary>
public static class Wildcard
{
    /// <summary>A Describe* filter value: case-sensitive, and <c>\*</c>, <c>\?</c> match the character itself.</summary>
    public static bool Matches(string pattern, string value) =>
        IsMatch(pattern, value, StringComparison.Ordinal, backslashEscapes: true);

    /// <summary>A CloudWatch Logs filter-pattern value: case-sensitive, <c>*</c> is the only wildcard (a <c>?</c> is
    /// itself).</summary>
    public static bool MatchesStars(string pattern, string value) =>
        IsMatch(pattern, value, StringComparison.Ordinal, backslashEscapes: false, questionMark: false);

    /// <summary>An IAM pattern (no escapes); <paramref name="comparison"/> is Ordinal or OrdinalIgnoreCase.</summary>
    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> value, StringComparison comparison) =>
        IsMatch(pattern, value, comparison, backslashEscapes: false);

    private static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> value, StringComparison comparison,
        bool backslashEscapes, bool questionMark = true)
    {
        bool ignoreCase = comparison == StringComparison.OrdinalIgnoreCase;
        int p = 0, v = 0, star = -1, resume = 0;
        while (v < value.Length)
        {
            bool escape = backslashEscapes && p < pattern.Length && pattern[p] == '\\';
            if (escape && p + 1 < pattern.Length && Same(pattern[p + 1], value[v], ignoreCase))
            {
                p += 2;
                v++;
            }
            else if (questionMark && p < pattern.Length && pattern[p] == '?')
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = v;
            }
            else if (p < pattern.Length && !escape && Same(pattern[p], value[v], ignoreCase))
            {
                p++;
                v++;
            }
            else if (star >= 0)
            {
                // Let the last star swallow one more character and retry.
                p = star + 1;
                v = ++resume;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
            p++;
        return p == pattern.Length;
    }

    private static bool Same(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
