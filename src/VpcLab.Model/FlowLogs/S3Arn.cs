namespace VpcLab.Model;

/// <summary>Reads S3 ARNs of the form <c>arn:aws:s3:::bucket</c> or <c>arn:aws:s3:::bucket/folder/</c>.</summary>
public static class S3Arn
{
    public const string ArnPrefix = "arn:aws:s3:::";

    public static bool IsS3Arn(string arn) => arn.StartsWith(ArnPrefix, StringComparison.Ordinal) && arn.Length > ArnPrefix.Length;

    public static string Bucket(string arn)
    {
        var rest = arn[ArnPrefix.Length..];
        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? rest : rest[..slash];
    }

    public static string Prefix(string arn)
    {
        var rest = arn[ArnPrefix.Length..];
        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? "" : rest[(slash + 1)..].Trim('/');
    }
}
