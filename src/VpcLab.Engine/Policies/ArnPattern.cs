using VpcLab.Model;
namespace VpcLab.Engine.Policies;

/// <summary>Matches an ARN against a policy ARN pattern the way IAM does for <c>Resource</c> and ArnLike:
/// case-sensitive, each of the six colon-separated parts (arn:partition:service:region:account:resource) on its
/// own, so a wildcard never reaches across a part; the resource part may itself hold colons and slashes.</summary>
internal static class ArnPattern
{
    /// <summary>Like <see cref="IsMatch(string, string)"/>, with policy variables resolved from
    /// <paramref name="variables"/> (null: none) in the resource part only (IAM: "only in the resource portion of
    /// the ARN … after the fifth colon"); a variable with no value matches no ARN.</summary>
    public static bool IsMatch(string pattern, string arn, PolicyRequest? variables, bool anywhere = false)
    {
        if (variables is null || !PolicyVariables.HasVariables(pattern))
            return IsMatch(pattern, arn);
        var p = pattern.Split(':', 6);
        if (anywhere || p.Length != 6)
            return PolicyVariables.TryResolve(pattern, variables, glob: true, out var whole) && IsEscapedMatch(whole, arn);
        if (!PolicyVariables.TryResolve(p[5], variables, glob: true, out var resource))
            return false;
        for (int i = 0; i < 5; i++)
            p[i] = PolicyVariables.EscapeLiteral(p[i]);
        p[5] = resource;
        return IsEscapedMatch(string.Join(':', p), arn);
    }

    /// <summary>An escaped pattern (see <see cref="Wildcard.Matches"/>), part by part.</summary>
    private static bool IsEscapedMatch(string pattern, string arn)
    {
        var p = pattern.Split(':', 6);
        var a = arn.Split(':', 6);
        if (p.Length != 6 || a.Length != 6)
            return Wildcard.Matches(pattern, arn);
        for (int i = 0; i < 6; i++)
        {
            if (!Wildcard.Matches(p[i], a[i]))
                return false;
        }
        return true;
    }

    public static bool IsMatch(string pattern, string arn)
    {
        if (pattern == "*")
            return true;
        var p = pattern.Split(':', 6);
        var a = arn.Split(':', 6);
        if (p.Length != 6 || a.Length != 6)
            return Wildcard.IsMatch(pattern, arn, StringComparison.Ordinal); // not ARNs: a plain glob
        for (int i = 0; i < 6; i++)
        {
            if (!Wildcard.IsMatch(p[i], a[i], StringComparison.Ordinal))
                return false;
        }
        return true;
    }
}
