using VpcLab.Model;

namespace VpcLab.FlowLogs.Delivery.S3;

/// <summary>Checks bucket names and keys before they become paths or requests, so a bad one fails with a message
/// naming it instead of escaping the store's folder.</summary>
internal static class BucketNames
{
    public static void CheckBucket(string bucket)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        if (S3BucketName.Problem(bucket) is { } problem)
            throw new ArgumentException($"Invalid bucket name '{bucket}': {problem}.", nameof(bucket));
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
