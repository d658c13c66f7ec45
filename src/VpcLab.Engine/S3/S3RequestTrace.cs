using System.Collections.Immutable;
using VpcLab.Engine.Policies;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.S3;

/// <summary>The answer to an S3 request: the network path (<see cref="Network"/>, the plain 5-tuple trace), how
/// the request left the VPC and by which route, what S3 saw of it, and the policy decision. <see cref="Trace"/>
/// is the network trace with the policy's verdict folded in: a request the policies deny is Dropped with a
/// <see cref="ExplanationCode.S3AccessDenied"/> explanation naming the policy and statement.</summary>
public sealed record S3RequestTrace(
    S3Request Request, S3Bucket Bucket, Trace Network, Trace Trace, S3NetworkPath Path,
    RouteRef? Route, ComponentRef? Endpoint, IpAddress? SourceSeenByS3, PolicyRequest? PolicyRequest,
    S3AccessDecision? Access)
{
    public Verdict Verdict => Trace.Verdict;

    public bool IsAllowed => Trace.Verdict == Verdict.Accepted;

    /// <summary>Sentences for people: which route and endpoint carried the request, and which policy statement
    /// decided it.</summary>
    public ImmutableArray<string> Reasons { get; init; } = [];
}
