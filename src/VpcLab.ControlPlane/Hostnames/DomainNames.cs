using System.Text.RegularExpressions;

namespace VpcLab.ControlPlane;

/// <summary>The shape of a DNS domain name a caller gives (an endpoint service's private DNS name, an Elastic IP's
/// reverse DNS name): labels of letters, digits and inner hyphens, at most 63 characters each, a top-level label of
/// letters, at most 253 characters in all, an optional final dot (RFC 1035 §2.3.1, RFC 1123 §2.1).</summary>
internal static class DomainNames
{
    private static readonly Regex s_domainName = new(@"^(?=.{1,253}\.?$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}\.?$", RegexOptions.CultureInvariant);

    public static bool IsValid(string name) => s_domainName.IsMatch(name);

    /// <summary>The name in lower case without its final dot.</summary>
    public static string Canonical(string name) => name.TrimEnd('.').ToLowerInvariant();
}
