namespace VpcLab.Engine.Tests.Scenarios;

/// <summary>scenarios/nacl-sg-teaching.yaml: where NACLs apply, and stateless NACLs against stateful groups.</summary>
public class TeachingScenarioTests
{
    private static readonly ScenarioTrace Lab = ScenarioTrace.Of("nacl-sg-teaching");

    // AWS: NACLs are evaluated only when traffic crosses a subnet boundary; bastion and neighbour share 'lab'.
    [Fact]
    public void SameSubnet_Traffic_SkipsNetworkAclsButNotSecurityGroups()
    {
        var trace = Lab.Trace("bastion", "neighbour", "tcp", 22);
        Assert.Equal(Verdict.Accepted, trace.Verdict);
        Assert.DoesNotContain(trace.Forward.Concat(trace.Return), h => h.Component.Kind == ComponentKind.NetworkAcl);
        Assert.DoesNotContain(trace.Forward, h => h.Component.Kind == ComponentKind.RouteTable); // same subnet: L2
        Assert.Contains(trace.Forward, h => h.Component.Name == "ssh-from-bastion");
    }

    // AWS: a NACL that allows inbound 22 but not outbound 1024-65535 drops the reply (NACLs are stateless)...
    [Fact]
    public void NetworkAcl_SshInWithoutEphemeralOut_ReplyDropped()
    {
        var trace = Lab.Trace("bastion", "strict-server", "tcp", 22);
        Assert.Equal(Verdict.Dropped, trace.Verdict);
        Assert.Equal(PathDirection.Return, trace.DroppedOn);
        Assert.Equal("strict-acl", trace.DroppedAt?.Name);
        Assert.Contains(trace.Explanations, e => e.Code == ExplanationCode.SubnetAclRestriction);
    }

    // ...and adding the outbound ephemeral rule fixes it; the inbound deny at rule 200 never matters after rule 100.
    [Fact]
    public void NetworkAcl_SshInWithEphemeralOut_Accepted()
    {
        var trace = Lab.Trace("bastion", "fixed-server", "tcp", 22);
        Assert.True(trace.Verdict == Verdict.Accepted, trace.ToString());
        Assert.Contains(trace.Forward, h => h.AclRule is { RuleNumber: 100, RuleAction: Model.RuleAction.Allow });
    }

    // AWS: first match wins: rule 200 denies SSH from the rest of the VPC once rule 100 (lab subnet) missed.
    [Fact]
    public void NetworkAcl_SshFromRestOfVpc_FirstMatchingRule200Denies()
    {
        var trace = Lab.Trace("visitor", "fixed-server", "tcp", 22);
        Assert.Equal(Verdict.Dropped, trace.Verdict);
        var drop = trace.Forward[^1];
        Assert.Equal(200, drop.AclRule?.RuleNumber);
    }

    // AWS: a security group with its egress rules removed lets nothing out.
    [Fact]
    public void SecurityGroup_EgressRulesRemoved_DroppedAtTheGroup()
    {
        var trace = Lab.Trace("silent", "bastion", "tcp", 22);
        Assert.Equal(Verdict.Dropped, trace.Verdict);
        Assert.Equal("locked-down", trace.DroppedAt?.Name);
    }

    // AWS: a new security group's default egress rule allows all outbound IPv4 traffic.
    [Theory]
    [InlineData("tcp", 443)]
    [InlineData("udp", 123)]
    public void SecurityGroup_DefaultEgressRule_AllowsAnyOutbound(string protocol, int port)
    {
        var trace = Lab.Trace("bastion", "198.51.100.9", protocol, (ushort)port);
        Assert.True(trace.Verdict == Verdict.Accepted, trace.ToString());
        Assert.Contains(trace.Forward, h => h.SecurityGroupRule is { Direction: TrafficDirection.Egress, Protocol: "-1" });
    }
}
