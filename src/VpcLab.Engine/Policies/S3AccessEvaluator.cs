using VpcLab.Model.Policies;

namespace VpcLab.Engine.Policies;

/// <summary>An S3 request that may pass a gateway (or interface) endpoint: allowed only when every layer allows.
/// An explicit Deny in the endpoint policy or the bucket policy wins (the endpoint's is reported first, the
/// request meets it first); the endpoint policy must allow; then the bucket: its policy's Allow grants, a caller
/// of the owner's account needs no bucket statement (its identity policy is assumed to allow), and a caller of
/// another account (or an anonymous one) needs an explicit Allow.</summary>
public static class S3AccessEvaluator
{
    /// <param name="request">The request as S3 sees it (use <see cref="PolicyRequest.ThroughVpcEndpoint"/> when
    /// an endpoint carries it).</param>
    /// <param name="endpointPolicy">The endpoint's policy, or null when the request does not use an endpoint.</param>
    /// <param name="bucketOwnerAccountId">The account that owns the bucket.</param>
    /// <param name="bucketPolicy">The bucket policy, or null when the bucket has none.</param>
    public static S3AccessDecision Evaluate(
        PolicyRequest request, PolicyDocument? endpointPolicy, string bucketOwnerAccountId, PolicyDocument? bucketPolicy)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (endpointPolicy is { Kind: not PolicyKind.VpcEndpoint })
            throw new ArgumentException("The endpoint policy must be parsed as PolicyKind.VpcEndpoint.", nameof(endpointPolicy));
        if (bucketPolicy is { Kind: not PolicyKind.S3Bucket })
            throw new ArgumentException("The bucket policy must be parsed as PolicyKind.S3Bucket.", nameof(bucketPolicy));

        var endpoint = endpointPolicy is null ? null : PolicyEvaluator.Evaluate(endpointPolicy, request);
        var bucket = bucketPolicy is null ? null : PolicyEvaluator.Evaluate(bucketPolicy, request);

        S3AccessDecision Denied(PolicyDecision decision, S3AccessLayer layer, PolicyStatementRef? statement) =>
            new(false, decision, layer, statement, endpoint, bucket);

        if (endpoint?.Decision == PolicyDecision.ExplicitDeny)
            return Denied(PolicyDecision.ExplicitDeny, S3AccessLayer.VpcEndpointPolicy, endpoint.DecidingStatement);
        if (bucket?.Decision == PolicyDecision.ExplicitDeny)
            return Denied(PolicyDecision.ExplicitDeny, S3AccessLayer.BucketPolicy, bucket.DecidingStatement);
        if (endpoint is { Decision: PolicyDecision.ImplicitDeny })
            return Denied(PolicyDecision.ImplicitDeny, S3AccessLayer.VpcEndpointPolicy, null);
        if (bucket is { Decision: PolicyDecision.Allow })
            return new(true, PolicyDecision.Allow, S3AccessLayer.BucketPolicy, bucket.DecidingStatement, endpoint, bucket);
        if (request.Principal.AccountId == bucketOwnerAccountId)
            return new(true, PolicyDecision.Allow, S3AccessLayer.BucketOwnerAccount, null, endpoint, bucket);
        return Denied(PolicyDecision.ImplicitDeny, S3AccessLayer.BucketPolicy, null);
    }
}
