using VpcLab.Model;
using System.Collections.Immutable;
using VpcLab.Model.Policies;

namespace VpcLab.Engine.Policies;

/// <summary>Evaluates one condition (operator, key, values) against a request, following IAM's documented rules:
/// the policy's values are OR-ed; a key absent from the request makes a condition false, except that negated
/// operators (StringNotEquals, NotIpAddress, ArnNotLike…) are then true, <c>…IfExists</c> is then true, and
/// <c>Null</c> tests presence itself. <c>ForAnyValue:</c> needs some request value to match (false when absent);
/// <c>ForAllValues:</c> needs every request value to match (true when absent). Without a qualifier a
/// multivalued key matches when any of its values does (a negated operator: when none does).</summary>
internal static class ConditionEvaluator
{
    /// <param name="condition">The condition.</param>
    /// <param name="request">The request.</param>
    /// <param name="variables">Resolve policy variables in string and ARN values (a policy of Version 2012-10-17).</param>
    public static bool IsSatisfied(PolicyCondition condition, PolicyRequest request, bool variables = false)
    {
        var from = variables ? request : null;
        var op = condition.Operator;
        var present = request.ValuesOf(condition.Key);

        if (op.Kind == ConditionOperatorKind.Null)
        {
            foreach (var value in condition.Values)
            {
                if (PolicyValueFormats.TryParseBool(value, out bool mustBeAbsent) && mustBeAbsent == present.IsEmpty)
                    return true;
            }
            return false;
        }

        if (present.IsEmpty)
        {
            return op.Qualifier switch
            {
                ConditionSetQualifier.ForAllValues => true,
                ConditionSetQualifier.ForAnyValue => op.IfExists,
                _ => op.IfExists || op.IsNegated,
            };
        }

        switch (op.Qualifier)
        {
            case ConditionSetQualifier.ForAnyValue:
                foreach (var value in present)
                {
                    if (ValueSatisfies(op, value, condition.Values, from))
                        return true;
                }
                return false;
            case ConditionSetQualifier.ForAllValues:
                foreach (var value in present)
                {
                    if (!ValueSatisfies(op, value, condition.Values, from))
                        return false;
                }
                return true;
            default:
                // Positive: some request value matches some policy value. Negated: the positive test fails.
                bool anyMatch = false;
                foreach (var value in present)
                {
                    if (MatchesAny(op.Kind, value, condition.Values, from))
                    {
                        anyMatch = true;
                        break;
                    }
                }
                return op.IsNegated ? !anyMatch : anyMatch;
        }
    }

    /// <summary>One request value against the policy's values: for a positive operator it matches one of them,
    /// for a negated operator it matches none of them.</summary>
    private static bool ValueSatisfies(ConditionOperator op, string value, ImmutableArray<string> policyValues, PolicyRequest? variables)
    {
        bool match = MatchesAny(op.Kind, value, policyValues, variables);
        return op.IsNegated ? !match : match;
    }

    private static bool MatchesAny(ConditionOperatorKind kind, string value, ImmutableArray<string> policyValues, PolicyRequest? variables)
    {
        foreach (var policyValue in policyValues)
        {
            if (variables is not null && PolicyVariables.HasVariables(policyValue)
                ? MatchesWithVariables(kind, value, policyValue, variables)
                : Matches(kind, value, policyValue))
                return true;
        }
        return false;
    }

    /// <summary>String and ARN operators resolve policy variables (IAM: not Numeric, Date, Bool, Binary, IpAddress or
    /// Null, whose values stay literal). A variable with no value is "effectively null" and matches nothing, so a
    /// negated operator, which is the positive test's negation, matches it.</summary>
    private static bool MatchesWithVariables(ConditionOperatorKind kind, string value, string policyValue, PolicyRequest variables)
    {
        switch (kind)
        {
            case ConditionOperatorKind.StringEquals:
            case ConditionOperatorKind.StringNotEquals:
            case ConditionOperatorKind.StringEqualsIgnoreCase:
            case ConditionOperatorKind.StringNotEqualsIgnoreCase:
                return PolicyVariables.TryResolve(policyValue, variables, glob: false, out var text) && Matches(kind, value, text);
            case ConditionOperatorKind.StringLike:
            case ConditionOperatorKind.StringNotLike:
                return PolicyVariables.TryResolve(policyValue, variables, glob: true, out var pattern) && Wildcard.Matches(pattern, value);
            case ConditionOperatorKind.ArnEquals:
            case ConditionOperatorKind.ArnLike:
            case ConditionOperatorKind.ArnNotEquals:
            case ConditionOperatorKind.ArnNotLike:
                return ArnPattern.IsMatch(policyValue, value, variables, anywhere: true);
            default:
                return Matches(kind, value, policyValue);
        }
    }

    /// <summary>The positive comparison behind each operator (negated operators share their positive twin's).</summary>
    private static bool Matches(ConditionOperatorKind kind, string value, string policyValue)
    {
        switch (kind)
        {
            case ConditionOperatorKind.StringEquals:
            case ConditionOperatorKind.StringNotEquals:
            case ConditionOperatorKind.BinaryEquals:
                return string.Equals(value, policyValue, StringComparison.Ordinal);
            case ConditionOperatorKind.StringEqualsIgnoreCase:
            case ConditionOperatorKind.StringNotEqualsIgnoreCase:
                return string.Equals(value, policyValue, StringComparison.OrdinalIgnoreCase);
            case ConditionOperatorKind.StringLike:
            case ConditionOperatorKind.StringNotLike:
                return Wildcard.IsMatch(policyValue, value, StringComparison.Ordinal);
            case ConditionOperatorKind.ArnEquals:
            case ConditionOperatorKind.ArnLike:
            case ConditionOperatorKind.ArnNotEquals:
            case ConditionOperatorKind.ArnNotLike:
                // AWS documents ArnEquals and ArnLike as the same test: per ARN part, wildcards allowed.
                return ArnPattern.IsMatch(policyValue, value);
            case ConditionOperatorKind.IpAddress:
            case ConditionOperatorKind.NotIpAddress:
                return PolicyValueFormats.TryParseIpRange(policyValue, out var range)
                    && VpcLab.Net.IpAddress.TryParse(value, out var address) && range.Contains(address);
            case ConditionOperatorKind.Bool:
                return PolicyValueFormats.TryParseBool(value, out bool actual)
                    && PolicyValueFormats.TryParseBool(policyValue, out bool expected) && actual == expected;
            default:
                return CompareOrdered(kind, value, policyValue);
        }
    }

    private static bool CompareOrdered(ConditionOperatorKind kind, string value, string policyValue)
    {
        int c;
        if (kind.ToString().StartsWith("Numeric", StringComparison.Ordinal))
        {
            if (!PolicyValueFormats.TryParseNumber(value, out var a) || !PolicyValueFormats.TryParseNumber(policyValue, out var b))
                return false;
            c = a.CompareTo(b);
        }
        else
        {
            if (!PolicyValueFormats.TryParseDate(value, out var a) || !PolicyValueFormats.TryParseDate(policyValue, out var b))
                return false;
            c = a.CompareTo(b);
        }
        return kind switch
        {
            ConditionOperatorKind.NumericEquals or ConditionOperatorKind.NumericNotEquals
                or ConditionOperatorKind.DateEquals or ConditionOperatorKind.DateNotEquals => c == 0,
            ConditionOperatorKind.NumericLessThan or ConditionOperatorKind.DateLessThan => c < 0,
            ConditionOperatorKind.NumericLessThanEquals or ConditionOperatorKind.DateLessThanEquals => c <= 0,
            ConditionOperatorKind.NumericGreaterThan or ConditionOperatorKind.DateGreaterThan => c > 0,
            ConditionOperatorKind.NumericGreaterThanEquals or ConditionOperatorKind.DateGreaterThanEquals => c >= 0,
            _ => false,
        };
    }
}
