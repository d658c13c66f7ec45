using System.Text;

namespace VpcLab.Engine.Policies;

/// <summary>IAM policy variables (IAM User Guide, "IAM policy elements: Variables and tags",
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html): in a policy of Version
/// 2012-10-17, <c>${key}</c> in the resource part of a Resource ARN and in the values of string and ARN conditions
/// is replaced by the request's single value of that key; <c>${key, 'default'}</c> gives a default ('' is a quote);
/// <c>${*}</c>, <c>${?}</c>, <c>${$}</c> are the literal characters. A key with no value (absent, or multivalued)
/// and no default leaves the value "effectively null": it matches nothing (docs/semantics.md#policies).</summary>
internal static class PolicyVariables
{
    public static bool HasVariables(string text) => text.Contains("${", StringComparison.Ordinal);

    /// <summary>Resolves the variables of <paramref name="text"/>. With <paramref name="glob"/> the result is a
    /// pattern for <see cref="VpcLab.Model.Wildcard.Matches"/>: the text's own <c>*</c> and <c>?</c> stay wildcards,
    /// substituted text and the text's backslashes are escaped, so a value never acts as a wildcard.</summary>
    /// <returns>False when a variable has no value and no default.</returns>
    public static bool TryResolve(string text, PolicyRequest request, bool glob, out string resolved)
    {
        var sb = new StringBuilder(text.Length + 16);
        int i = 0;
        while (i < text.Length)
        {
            int start = text.IndexOf("${", i, StringComparison.Ordinal);
            int end = start < 0 ? -1 : ClosingBrace(text, start + 2);
            if (start < 0 || end < 0)
            {
                AppendLiteral(sb, text.AsSpan(i), glob);
                break;
            }
            AppendLiteral(sb, text.AsSpan(i, start - i), glob);
            if (!TryValue(text[(start + 2)..end], request, out var value))
            {
                resolved = "";
                return false;
            }
            AppendValue(sb, value, glob);
            i = end + 1;
        }
        resolved = sb.ToString();
        return true;
    }

    /// <summary>A literal pattern for <see cref="VpcLab.Model.Wildcard.Matches"/> (its backslashes escaped).</summary>
    public static string EscapeLiteral(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal);

    private static bool TryValue(string inner, PolicyRequest request, out string value)
    {
        var body = inner.Trim();
        if (body is "*" or "?" or "$")
        {
            value = body;
            return true;
        }
        int comma = body.IndexOf(',', StringComparison.Ordinal);
        var key = (comma < 0 ? body : body[..comma]).Trim();
        var values = request.ValuesOf(key);
        if (values.Length == 1)
        {
            value = values[0];
            return true;
        }
        // Absent, or multivalued ("You can't use a multivalued condition key as a variable"): the default, if any.
        var fallback = comma < 0 ? "" : body[(comma + 1)..].Trim();
        if (fallback.Length >= 2 && fallback[0] == '\'' && fallback[^1] == '\'')
        {
            value = fallback[1..^1].Replace("''", "'", StringComparison.Ordinal);
            return true;
        }
        value = "";
        return false;
    }

    /// <summary>The index of the '}' closing a variable whose body starts at <paramref name="from"/>, skipping a
    /// quoted default; -1 when there is none (the text is then literal).</summary>
    private static int ClosingBrace(string text, int from)
    {
        bool quoted = false;
        for (int i = from; i < text.Length; i++)
        {
            if (text[i] == '\'')
                quoted = !quoted;
            else if (text[i] == '}' && !quoted)
                return i;
        }
        return -1;
    }

    private static void AppendLiteral(StringBuilder sb, ReadOnlySpan<char> text, bool glob)
    {
        foreach (var c in text)
        {
            if (glob && c == '\\')
                sb.Append('\\');
            sb.Append(c);
        }
    }

    private static void AppendValue(StringBuilder sb, string value, bool glob)
    {
        foreach (var c in value)
        {
            if (glob && c is '\\' or '*' or '?')
                sb.Append('\\');
            sb.Append(c);
        }
    }
}
