namespace VpcLab.Engine.Tests.Scenarios;

/// <summary>scenarios/peering.yaml: A - B - C in two accounts and two Regions, loaded through the ControlPlane.</summary>
public class PeeringScenarioTests
{
    private static readonly ScenarioTrace Lab = ScenarioTrace.Of("peering");

    [Theory]
    // AWS: a peer VPC's security group may be referenced in the same Region, across accounts.
    [InlineData("app-a", "svc-b", 443, null)]
    // AWS: inter-Region peering carries traffic; only CIDR rules apply across Regions.
    [InlineData("svc-b", "db-c", 5432, null)]
    // AWS: peering is not transitive: A reaches nothing behind B, whatever A's and C's routes say.
    [InlineData("app-a", "db-c", 5432, "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR")]
    // AWS: never edge to edge: A cannot use B's internet gateway.
    [InlineData("app-a", "198.51.100.80", 443, "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR")]
    // AWS: B's group admits A's group on 443 only.
    [InlineData("app-a", "svc-b", 22, "ENI_SG_RULES_MISMATCH")]
    public void Trace_PeeringFlow_MatchesAws(string from, string to, int port, string? code)
    {
        var trace = Lab.Trace(from, to, "tcp", (ushort)port);
        if (code is null)
        {
            Assert.True(trace.Verdict == Verdict.Accepted, trace.ToString());
            Assert.Contains(trace.Forward, h => h.Component.Kind == ComponentKind.VpcPeeringConnection);
            return;
        }
        Assert.True(trace.Verdict == Verdict.Dropped, trace.ToString());
        Assert.Contains(trace.Explanations, e => e.Code.Value == code);
    }

    // AWS: a peering request between overlapping CIDRs fails.
    [Fact]
    public void VpcPeeringConnection_OverlappingCidrs_StateFailed()
    {
        var id = new Model.VpcPeeringConnectionId(Lab.Loaded.IdOf("overlap-b"));
        Assert.Equal(Model.VpcPeeringConnectionState.Failed, Lab.Loaded.Network.VpcPeeringConnections[id].State);
    }
}
