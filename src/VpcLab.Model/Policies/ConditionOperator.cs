namespace VpcLab.Model.Policies;

/// <summary>A parsed condition operator such as <c>ForAnyValue:StringLikeIfExists</c>.</summary>
public readonly record struct ConditionOperator(ConditionOperatorKind Kind, bool IfExists, ConditionSetQualifier Qualifier)
{
    private const string IfExistsSuffix = "IfExists";

    /// <summary>True for the operators whose match is "none of the values": StringNotEquals, NotIpAddress…
    /// AWS: when the key is absent from the request, a negated operator is true.</summary>
    public bool IsNegated => Kind is ConditionOperatorKind.StringNotEquals or ConditionOperatorKind.StringNotEqualsIgnoreCase
        or ConditionOperatorKind.StringNotLike or ConditionOperatorKind.NumericNotEquals or ConditionOperatorKind.DateNotEquals
        or ConditionOperatorKind.NotIpAddress or ConditionOperatorKind.ArnNotEquals or ConditionOperatorKind.ArnNotLike;

    /// <summary>Parses an operator name, case-sensitive as AWS prints them; <c>NullIfExists</c> is refused
    /// (Null already tests presence).</summary>
    public static bool TryParse(string? text, out ConditionOperator op)
    {
        op = default;
        if (string.IsNullOrEmpty(text))
            return false;
        var qualifier = ConditionSetQualifier.None;
        var rest = text;
        if (rest.StartsWith("ForAnyValue:", StringComparison.Ordinal))
        {
            qualifier = ConditionSetQualifier.ForAnyValue;
            rest = rest["ForAnyValue:".Length..];
        }
        else if (rest.StartsWith("ForAllValues:", StringComparison.Ordinal))
        {
            qualifier = ConditionSetQualifier.ForAllValues;
            rest = rest["ForAllValues:".Length..];
        }
        bool ifExists = rest.EndsWith(IfExistsSuffix, StringComparison.Ordinal);
        if (ifExists)
            rest = rest[..^IfExistsSuffix.Length];
        // Enum.TryParse also takes "3" or "A, B": only a plain name of one member counts.
        if (rest.Length == 0 || !char.IsAsciiLetterUpper(rest[0]) || !rest.All(char.IsAsciiLetter)
            || !Enum.TryParse<ConditionOperatorKind>(rest, ignoreCase: false, out var kind)
            || (ifExists && kind == ConditionOperatorKind.Null))
            return false;
        op = new ConditionOperator(kind, ifExists, qualifier);
        return true;
    }

    public override string ToString()
    {
        var prefix = Qualifier == ConditionSetQualifier.None ? "" : Qualifier + ":";
        return prefix + Kind + (IfExists ? IfExistsSuffix : "");
    }
}
