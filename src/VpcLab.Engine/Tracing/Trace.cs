using System.Collections.Immutable;
using System.Text;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

/// <summary>A flow's full answer: the verdict, the forward and return paths hop by hop, and, when dropped, where
/// and why (RA's networkPathFound, forwardPathComponentSet, returnPathComponentSet, explanationSet).</summary>
public sealed record Trace(FlowKey Flow, Verdict Verdict, ImmutableArray<Hop> Forward, ImmutableArray<Hop> Return,
    ComponentRef? DroppedAt, PathDirection? DroppedOn, ImmutableArray<Explanation> Explanations)
{
    /// <summary>The fast-path reason matching <see cref="Explanations"/> (None when accepted).</summary>
    public DropReason Reason { get; init; }

    /// <summary>The DNS names of the request and what they resolved to (set by whoever resolved the endpoints,
    /// e.g. from <see cref="EndpointResolver.Resolutions"/>).</summary>
    public ImmutableArray<Dns.DnsAnswer> Resolutions { get; init; } = [];

    public bool PathFound => Verdict == Verdict.Accepted;

    /// <summary>True when the flow is a one-way message (an ICMP error, an echo reply on its own): it has no reply, so
    /// the trace has no return path and the verdict is the forward path's (<see cref="FlowKey.HasReply"/>).</summary>
    public bool OneWay => !Flow.HasReply;

    /// <summary>A sentence saying the flow is one-way and why, for people (null when it has a reply).</summary>
    public string? OneWayNote => OneWay
        ? $"{(Flow.Protocol.Number == 58 ? "ICMPv6" : "ICMP")} type {Flow.IcmpType} code {Flow.IcmpCode} is a one-way message: nothing answers it, so it has no return path and is judged only in the direction it travels."
        : null;

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(Flow).Append(": ").Append(Verdict);
        if (DroppedAt is not null)
            sb.Append(" at ").Append(DroppedAt).Append(" on the ").Append(DroppedOn == PathDirection.Return ? "return" : "forward").Append(" path");
        sb.AppendLine();
        if (OneWayNote is { } note)
            sb.Append("one-way: ").AppendLine(note);
        sb.AppendLine("forward:");
        foreach (var h in Forward)
            sb.Append("  ").AppendLine(h.ToString());
        if (!Return.IsDefaultOrEmpty)
        {
            sb.AppendLine("return:");
            foreach (var h in Return)
                sb.Append("  ").AppendLine(h.ToString());
        }
        foreach (var e in Explanations)
            sb.Append("explanation: ").AppendLine(e.ToString());
        return sb.ToString();
    }
}
