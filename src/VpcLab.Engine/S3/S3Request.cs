using VpcLab.Engine.Policies;

namespace VpcLab.Engine.S3;

/// <summary>An S3 request to trace: a bucket, an object key (empty for a bucket-level action such as
/// <c>s3:ListBucket</c>), the action (<c>s3:GetObject</c> by default) and who asks (null: the root of the
/// source interface's account).</summary>
public sealed record S3Request(string Bucket, string Key, string Action = S3Request.DefaultAction, RequestPrincipal? Principal = null)
{
    public const string DefaultAction = "s3:GetObject";
    public const string Scheme = "s3://";

    /// <summary>When the request is made (aws:CurrentTime, aws:EpochTime): the lab's clock, passed by the caller.
    /// Null: the request carries no time keys (a condition on them meets an absent key).</summary>
    public DateTimeOffset? RequestTime { get; init; }

    /// <summary>HTTPS (port 443, aws:SecureTransport true, the default) or plain HTTP (port 80, false).</summary>
    public bool SecureTransport { get; init; } = true;

    /// <summary>The list request's <c>prefix</c> parameter (s3:prefix), null when the request has none.</summary>
    public string? Prefix { get; init; }

    /// <summary>An interface endpoint of S3 to send the request to (vpce-…), as a client does with the endpoint's
    /// DNS name (<c>--endpoint-url https://bucket.vpce-….s3.REGION.vpce.amazonaws.com</c>); null: the Regional S3
    /// address, which the route table sends to a gateway endpoint or the internet.</summary>
    public string? VpcEndpointId { get; init; }

    /// <summary>The list request's <c>delimiter</c> parameter (s3:delimiter), null when the request has none.</summary>
    public string? Delimiter { get; init; }

    /// <summary>The resource ARN the policies see: <c>arn:aws:s3:::bucket/key</c>, or the bucket's ARN when
    /// there is no key.</summary>
    public string ResourceArn => Key.Length == 0 ? $"arn:aws:s3:::{Bucket}" : $"arn:aws:s3:::{Bucket}/{Key}";

    /// <summary>True for text that names an S3 object or bucket (<c>s3://bucket/key</c>).</summary>
    public static bool IsS3Uri(string text) => text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses <c>s3://bucket/key</c> (or <c>s3://bucket</c>).</summary>
    /// <exception cref="TraceRequestException">The text is not an S3 URI with a bucket name.</exception>
    public static S3Request Parse(string uri, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!IsS3Uri(uri))
            throw new TraceRequestException($"'{uri}' is not an S3 URI (s3://bucket/key).");
        var rest = uri[Scheme.Length..];
        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var key = slash < 0 ? "" : rest[(slash + 1)..];
        if (bucket.Length == 0)
            throw new TraceRequestException($"'{uri}' names no bucket (s3://bucket/key).");
        var a = string.IsNullOrWhiteSpace(action) ? DefaultAction : action.Trim();
        if (!a.Contains(':', StringComparison.Ordinal))
            throw new TraceRequestException($"'{a}' is not an action (service:Action, e.g. s3:PutObject).");
        return new S3Request(bucket, key, a);
    }

    public override string ToString() => $"{Action} {Scheme}{Bucket}/{Key}";
}
