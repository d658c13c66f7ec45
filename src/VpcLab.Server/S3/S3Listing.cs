using System.Collections.Immutable;

namespace VpcLab.Server.S3;

/// <summary>One page of a ListObjects listing: keys and common prefixes, in S3's order, interleaved as S3 counts
/// them against max-keys.</summary>
internal sealed record S3ListingPage(ImmutableArray<string> Keys, ImmutableArray<string> CommonPrefixes, bool IsTruncated, string? LastItem);

/// <summary>S3's listing rule: keys after <c>after</c> that start with <c>prefix</c>; with a delimiter, the keys whose
/// rest (after the prefix) contains it roll up into one common prefix (up to and including the first delimiter),
/// which counts once toward max-keys; listing stops after max-keys items, and resuming after a common prefix skips
/// every key under it.</summary>
internal static class S3Listing
{
    public static S3ListingPage List(IEnumerable<string> sortedKeys, string prefix, string? delimiter, string? after, int maxKeys)
    {
        var keys = ImmutableArray.CreateBuilder<string>();
        var prefixes = ImmutableArray.CreateBuilder<string>();
        string? last = null;
        var count = 0;
        foreach (var key in sortedKeys)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            if (after is not null && string.CompareOrdinal(key, after) <= 0)
                continue;
            if (after is not null && !string.IsNullOrEmpty(delimiter) && after.EndsWith(delimiter, StringComparison.Ordinal)
                && key.StartsWith(after, StringComparison.Ordinal) && after.Length > prefix.Length)
                continue; // under a common prefix already returned
            string item;
            var isPrefix = false;
            if (!string.IsNullOrEmpty(delimiter))
            {
                var at = key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
                if (at >= 0)
                {
                    item = key[..(at + delimiter.Length)];
                    isPrefix = true;
                    if (item == last)
                        continue;
                }
                else
                {
                    item = key;
                }
            }
            else
            {
                item = key;
            }
            if (count == maxKeys)
                return new S3ListingPage(keys.ToImmutable(), prefixes.ToImmutable(), true, last);
            (isPrefix ? prefixes : keys).Add(item);
            last = item;
            count++;
        }
        return new S3ListingPage(keys.ToImmutable(), prefixes.ToImmutable(), false, last);
    }
}
