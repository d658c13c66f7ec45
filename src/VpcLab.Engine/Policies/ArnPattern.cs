using VpcLab.Model;
namespace VpcLab.Engine.Policies;

/// <summary>Matches an ARN against a policy ARN pattern the way IAM does for <c>Resource</c> and ArnLike:
/// case-sensitive, each of the six colon-separated parts (arn:partition:service:region:account:resource) on its
/// own, so a wildcard never reaches across a part; the resource part may itself hold colons and slashes.</summary>
internal static class ArnPattern
{
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
