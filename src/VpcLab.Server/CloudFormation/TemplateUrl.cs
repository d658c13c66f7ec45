using VpcLab.CloudFormation;
using VpcLab.Server.S3;

namespace VpcLab.Server.CloudFormation;

/// <summary>A TemplateURL read from VpcLab's own S3: <c>https://s3[.region].amazonaws.com/bucket/key</c> or this
/// server's own address (path style), or <c>https://bucket.s3[.region].amazonaws.com/key</c> (virtual host).</summary>
internal static class TemplateUrl
{
    public static string Read(S3BucketStore buckets, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            throw CloudFormationException.Validation("TemplateURL must be a supported URL.");
        var host = uri.Host;
        var path = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        string bucket, key;
        var virtualHost = host.IndexOf(".s3.", StringComparison.Ordinal) is > 0 and var at ? at : host.IndexOf(".s3-", StringComparison.Ordinal);
        if (virtualHost > 0)
        {
            (bucket, key) = (host[..virtualHost], path);
        }
        else
        {
            var slash = path.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0)
                throw CloudFormationException.Validation("TemplateURL must be a supported URL.");
            (bucket, key) = (path[..slash], path[(slash + 1)..]);
        }
        try
        {
            var (file, _) = buckets.GetObject(bucket, key);
            return File.ReadAllText(file);
        }
        catch (Exception e) when (e is not CloudFormationException)
        {
            throw CloudFormationException.Validation("S3 error: The specified key does not exist.");
        }
    }
}
