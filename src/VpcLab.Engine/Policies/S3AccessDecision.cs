namespace VpcLab.Engine.Policies;

/// <summary>The combined answer for an S3 request: allowed or not, which layer decided and, when a
/// statement did, which one; plus each policy's own evaluation for explanations.</summary>
public sealed record S3AccessDecision(
    bool IsAllowed, PolicyDecision Decision, S3AccessLayer DecidedBy, PolicyStatementRef? DecidingStatement,
    PolicyEvaluation? EndpointEvaluation, PolicyEvaluation? BucketEvaluation);
