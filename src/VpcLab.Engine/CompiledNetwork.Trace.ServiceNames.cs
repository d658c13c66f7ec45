using VpcLab.Engine.Dns;

namespace VpcLab.Engine;

public sealed partial class CompiledNetwork
{
    /// <summary>Traces a request whose endpoints came from DNS names (<see cref="EndpointResolver.Resolutions"/>): the
    /// trace carries the answers, and when the flow is dropped on its way to an AWS service's public address that a
    /// service name resolved to (private DNS not used), the explanations say why the name gave that address.</summary>
    public Trace Trace(TraceRequest request, IReadOnlyList<DnsAnswer> resolutions)
    {
        ArgumentNullException.ThrowIfNull(resolutions);
        var trace = Trace(request) with { Resolutions = [.. resolutions] };
        if (trace.Verdict != Verdict.Dropped)
            return trace;
        foreach (var answer in resolutions)
        {
            if (answer.Rule != DnsRule.ServicePublicName || !answer.Addresses.Contains(trace.Flow.Destination))
                continue;
            var explanation = new Explanation(ExplanationCode.ServiceNameResolvedToPublicAddress, Component: trace.DroppedAt)
            {
                Address = trace.Flow.Destination,
                Message = $"{answer.Name} resolved to {trace.Flow.Destination}, {answer.Explanation}. "
                    + "That address needs a way out (internet or NAT gateway); to use the interface endpoint instead, turn its "
                    + "private DNS on (with the VPC's DNS support and hostnames on) or use the endpoint's own DNS name.",
            };
            return trace with { Explanations = trace.Explanations.Add(explanation) };
        }
        return trace;
    }
}
