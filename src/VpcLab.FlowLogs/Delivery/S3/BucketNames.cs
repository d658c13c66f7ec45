namespace VpcLab.FlowLogs.Delivery.S3;

/// <summary>Checks bucket names and keys before they become paths or requests, so a bad one fails with a message
/// naming it instead of escaping the store's folder.</summary>
internal static class BucketNames
{
    public static void CheckBucket(string bucket)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        // S3's rule: 3–63 characters of lower-case letters, digits, '.' and '-', starting and ending with a letter or digit.
        bool ok = bucket.Length is >= 3 and <= 63
            && bucket.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-')
            && char.IsAsciiLetterOrDigit(bucket[0]) && char.IsAsciiLetterOrDigit(bucket[^1])
            && !bucket.Contains("..", StringComparison.Ordinal);
        if (!ok)
            throw new ArgumentException($"Invalid bucket name '{bucket}'.", nameof(bucket));
    }

    public static void CheckKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        bool ok = key.Length is > 0 and <= 1024 && !key.StartsWith('/') && !key.Contains('\\')
            && !key.Contains('\0') && key.Split('/').All(segment => segment is not ("" or "." or ".."));
        if (!ok)
            throw new ArgumentException($"Invalid object key '{key}': keys are '/'-separated names without empty, '.' or '..' segments.", nameof(key));
    }
}
