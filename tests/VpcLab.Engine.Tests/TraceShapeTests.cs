using System.Collections.Immutable;
using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Net;

namespace VpcLab.Engine.Tests;

/// <summary>The trace-shape checker itself: real traces pass it, and each broken rule is caught.</summary>
public class TraceShapeTests
{
    private static CompiledNetwork World()
    {
        var b = new WorldBuilder();
        var vpc = b.Vpc("v", "10.1.0.0/16");
        var s1 = b.Subnet("s1", vpc, "10.1.1.0/24");
        var s2 = b.Subnet("s2", vpc, "10.1.2.0/24");
        var open = b.SecurityGroup("open", vpc);
        b.Ingress(open, "-1", -1, -1, "0.0.0.0/0");
        b.Instance("client", s1, [open], privateIp: "10.1.1.10");
        b.Instance("server", s2, [open], privateIp: "10.1.2.20");
        return b.Compile();
    }

    private static readonly Trace Accepted = World().Run("client", "server").AssertWellFormed();

    [Fact]
    public void Violations_WellFormedTrace_None() =>
        Assert.Empty(TraceShape.Violations(Accepted));

    // The server's subnet is entered through its inbound NACL: without that hop the packet came from nowhere.
    [Fact]
    public void Violations_InterfaceEnteredWithoutItsNacl_Caught()
    {
        var forward = Accepted.Forward.Where(h => !(h.Component.Kind == ComponentKind.NetworkAcl && h.Direction == TrafficDirection.Ingress))
            .Select((h, i) => h with { SequenceNumber = i + 1 }).ToImmutableArray();
        var problems = TraceShape.Violations(Accepted with { Forward = forward });
        Assert.Contains(problems, p => p.Contains("without its subnet's inbound NACL", StringComparison.Ordinal));
    }

    [Fact]
    public void Violations_LastHopWithoutVerdict_Caught()
    {
        var forward = Accepted.Forward.SetItem(Accepted.Forward.Length - 1, Accepted.Forward[^1] with { Action = HopAction.Forwarded });
        var problems = TraceShape.Violations(Accepted with { Forward = forward });
        Assert.Contains(problems, p => p.Contains("ends Delivered", StringComparison.Ordinal));
    }

    [Fact]
    public void Violations_HeaderChangedWithoutTranslation_Caught()
    {
        var hop = Accepted.Forward[2];
        var changed = hop with { OutboundHeader = hop.OutboundHeader with { SourcePort = 1 } };
        var problems = TraceShape.Violations(Accepted with { Forward = Accepted.Forward.SetItem(2, changed) });
        Assert.Contains(problems, p => p.Contains("only at a Translated hop", StringComparison.Ordinal));
    }

    [Fact]
    public void Violations_SecurityGroupOnTheReturnPath_Caught()
    {
        var group = Accepted.Forward.First(h => h.Component.Kind == ComponentKind.SecurityGroup);
        var back = Accepted.Return.Insert(1, group with { OutboundHeader = Accepted.Return[0].OutboundHeader })
            .Select((h, i) => h with { SequenceNumber = i + 1 }).ToImmutableArray();
        var problems = TraceShape.Violations(Accepted with { Return = back });
        Assert.Contains(problems, p => p.Contains("none on the return path", StringComparison.Ordinal));
    }

    [Fact]
    public void Violations_DropNotOnTheLastHop_Caught()
    {
        var dropped = World().Run("client", "10.1.2.99");
        dropped.AssertWellFormed();
        var forward = dropped.Forward.Add(dropped.Forward[^1] with { SequenceNumber = dropped.Forward.Length + 1, Action = HopAction.Forwarded });
        Assert.NotEmpty(TraceShape.Violations(dropped with { Forward = forward }));
    }
}
