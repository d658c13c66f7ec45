namespace VpcLab.Model;

/// <summary>S3's naming rules for general purpose buckets, the one copy every layer calls (CreateBucket, a scenario's
/// <c>buckets:</c>, a flow log's S3 destination, delivery into a bucket). Source: Amazon S3 User Guide, "General
/// purpose bucket naming rules" (docs/semantics.md#s3-bucket-names).</summary>
public static class S3BucketName
{
    public const int MinLength = 3;
    public const int MaxLength = 63;

    /// <summary>Prefixes AWS reserves: punycode labels (<c>xn--</c>), S3's own (<c>sthree-</c>, which covers
    /// <c>sthree-configurator</c>) and the documentation examples (<c>amzn-s3-demo-</c>).</summary>
    public static readonly IReadOnlyList<string> ReservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"];

    /// <summary>Suffixes AWS reserves for names that are not general purpose buckets: access point aliases
    /// (<c>-s3alias</c>), Object Lambda access point aliases (<c>--ol-s3</c>), Multi-Region Access Points
    /// (<c>.mrap</c>), directory buckets (<c>--x-s3</c>) and table buckets (<c>--table-s3</c>).</summary>
    public static readonly IReadOnlyList<string> ReservedSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

    public static bool IsValid(string name) => Problem(name) is null;

    /// <summary>Why <paramref name="name"/> is not a valid general purpose bucket name (the rule it breaks, in
    /// words a message can quote), or null when it is valid. Rules are checked in the guide's order; the first
    /// broken one is named.</summary>
    public static string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is < MinLength or > MaxLength)
            return $"bucket names must be between {MinLength} and {MaxLength} characters long";
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-'))
                return "bucket names can consist only of lowercase letters, numbers, periods (.) and hyphens (-)";
        }
        if (!char.IsAsciiLetterOrDigit(name[0]) || !char.IsAsciiLetterOrDigit(name[^1]))
            return "bucket names must begin and end with a letter or number";
        if (name.Contains("..", StringComparison.Ordinal))
            return "bucket names must not contain two adjacent periods";
        if (IsIpAddressShaped(name))
            return "bucket names must not be formatted as an IP address";
        foreach (var prefix in ReservedPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
                return $"bucket names must not start with the reserved prefix {prefix}";
        }
        foreach (var suffix in ReservedSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
                return $"bucket names must not end with the reserved suffix {suffix}";
        }
        return null;
    }

    /// <summary>Four dot-separated groups of one to three digits (192.168.5.4). Choice, docs/semantics.md#s3-bucket-names:
    /// AWS names the rule by example only; 1234.1.1.1 is a valid name here.</summary>
    private static bool IsIpAddressShaped(string name)
    {
        var groups = name.Split('.');
        return groups.Length == 4 && groups.All(g => g.Length is >= 1 and <= 3 && g.All(char.IsAsciiDigit));
    }
}
