using VpcLab.Engine.Policies;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.S3;

/// <summary>What S3 knows of a request when it evaluates the policies: the condition keys the IAM User Guide ("AWS
/// global condition context keys") and the Service Authorization Reference for Amazon S3 document as present for it,
/// each with the value the lab knows (docs/semantics.md#policy-request-keys). One place, so the tracer, the CLI and
/// the tests agree on what a request carries.</summary>
public static class S3RequestContext
{
    /// <summary>Signed requests from the CLI and SDKs: SigV4 in the Authorization header.</summary>
    public const string HeaderAuthType = "REST-HEADER";
    public const string SigV4 = "AWS4-HMAC-SHA256";

    /// <param name="request">The S3 request.</param>
    /// <param name="principal">Who asks.</param>
    /// <param name="bucket">The bucket asked (its owner is aws:ResourceAccount and s3:ResourceAccount).</param>
    /// <param name="endpoint">The VPC endpoint that carried the request, or null over the internet.</param>
    /// <param name="seen">The source address S3 sees: the private address through an endpoint (aws:VpcSourceIp),
    /// else the public one (aws:SourceIp).</param>
    public static PolicyRequest Build(S3Request request, RequestPrincipal principal, S3Bucket bucket, VpcEndpoint? endpoint, IpAddress seen)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(bucket);
        var r = PolicyRequest.Create(principal, request.Action, request.ResourceArn)
            .With(PolicyContextKeys.ResourceAccount, bucket.OwnerId.Value)
            .With(PolicyContextKeys.S3ResourceAccount, bucket.OwnerId.Value)
            .With(PolicyContextKeys.RequestedRegion, bucket.Region)
            .With(PolicyContextKeys.SecureTransport, request.SecureTransport ? "true" : "false");
        if (request.RequestTime is { } time)
            r = r.At(time);
        if (!principal.IsAnonymous)
            r = r.With(PolicyContextKeys.S3AuthType, HeaderAuthType).With(PolicyContextKeys.S3SignatureVersion, SigV4);
        if (request.Prefix is { } prefix)
            r = r.With(PolicyContextKeys.S3Prefix, prefix);
        if (request.Delimiter is { } delimiter)
            r = r.With(PolicyContextKeys.S3Delimiter, delimiter);
        return endpoint is null
            ? r.With(PolicyContextKeys.SourceIp, seen.ToString())
            : r.ThroughVpcEndpoint(endpoint.Id.Value, endpoint.VpcId.Value, seen.ToString());
    }
}
