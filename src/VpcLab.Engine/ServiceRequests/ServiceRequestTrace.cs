using System.Collections.Immutable;
using VpcLab.Engine.Policies;
using VpcLab.Engine.S3;
using VpcLab.Net;

namespace VpcLab.Engine.ServiceRequests;

/// <summary>The answer to a <see cref="ServiceRequest"/>: the network path (<see cref="Network"/>, the plain trace to
/// the service's name as the source's VPC resolves it), how the request left the VPC, what the service saw of it, and
/// the endpoint policy's evaluation when an endpoint carried it. <see cref="Trace"/> is the network trace with the
/// policy's verdict folded in (<see cref="ExplanationCode.VpcEndpointPolicyDenied"/> on a refusal).</summary>
public sealed record ServiceRequestTrace(
    ServiceRequest Request, string ServiceName, string ResourceArn, Trace Network, Trace Trace, S3NetworkPath Path,
    ComponentRef? Endpoint, IpAddress? SourceSeen, PolicyRequest? PolicyRequest, PolicyEvaluation? EndpointPolicy)
{
    public bool IsAllowed => Trace.Verdict == Verdict.Accepted;

    /// <summary>Sentences for people: the name's answer, the path, and the statement that decided.</summary>
    public ImmutableArray<string> Reasons { get; init; } = [];
}
