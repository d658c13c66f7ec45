using VpcLab.ControlPlane;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Import.Tests;

/// <summary>Import keeps what AWS printed: ids, addresses and states (docs/semantics.md#import-ids), joins paginated
/// output, and lists what it does not model (docs/semantics.md#import-unmodelled-targets).</summary>
public sealed class WorldImporterTests
{
    private static readonly ImportedWorld World = WorldImporter.Import(Fixtures.TwoAccounts);

    [Fact]
    public void Import_TwoAccountFolders_ReadsBothAccounts() =>
        Assert.Equal(["123456789012/us-east-1", "210987654321/us-east-1"], World.Folders);

    // AWS: describe-* output carries each resource's id, owner and state; import keeps them verbatim.
    [Theory]
    [InlineData("vpc-0a1b2c3d4e5f60001", "123456789012")]
    [InlineData("vpc-0f9e8d7c6b5a40001", "210987654321")]
    public void Import_Vpc_KeepsIdAndOwner(string id, string owner) =>
        Assert.Equal(owner, World.Network.Vpcs[new VpcId(id)].OwnerId.Value);

    [Fact]
    public void Import_VpcWithIpv6_KeepsBothFamiliesAndAssociationIds()
    {
        var vpc = World.Network.Vpcs[new VpcId("vpc-0a1b2c3d4e5f60001")];
        Assert.Equal(Cidr.Parse("10.0.0.0/16"), vpc.PrimaryCidr);
        Assert.Equal("vpc-cidr-assoc-0a1b2c3d4e5f60001", vpc.CidrBlocks[0].AssociationId);
        Assert.Equal(Cidr.Parse("2600:1f18:1234:ab00::/56"), Assert.Single(vpc.Ipv6CidrBlocks).Cidr);
        Assert.True(vpc.EnableDnsHostnames); // from describe-vpc-attribute
    }

    // AWS (describe-vpc-attribute): a nondefault VPC has DNS resolution on and DNS hostnames off unless changed.
    [Fact]
    public void Import_VpcWithoutSavedAttributes_HasAwsDefaults()
    {
        var vpc = World.Network.Vpcs[new VpcId("vpc-0f9e8d7c6b5a40001")];
        Assert.True(vpc.EnableDnsSupport);
        Assert.False(vpc.EnableDnsHostnames);
    }

    [Fact]
    public void Import_PaginatedInterfaces_JoinsEveryPage() =>
        Assert.Equal(5, World.Network.NetworkInterfaces.Count); // 2 + 2 pages in prod, 1 in data

    [Theory]
    [InlineData("eni-0a1b2c3d4e5f60041", "10.0.1.10", "3.80.10.20")] // auto-assigned public IPv4 (IpOwnerId amazon)
    [InlineData("eni-0a1b2c3d4e5f60042", "10.0.2.20", null)]
    public void Import_Interface_KeepsPrivateAndAutoAssignedPublicAddress(string id, string privateIp, string? publicIp)
    {
        var eni = World.Network.NetworkInterfaces[new NetworkInterfaceId(id)];
        var primary = Assert.Single(eni.PrivateIpAddresses);
        Assert.Equal(IpAddress.Parse(privateIp), primary.Address);
        Assert.Equal(publicIp is null ? null : IpAddress.Parse(publicIp), primary.AutoAssignedPublicIp);
    }

    [Fact]
    public void Import_NatGatewayInterface_KeepsItsElasticIpAsAnAddress()
    {
        var nat = World.Network.NatGateways[new NatGatewayId("nat-0a1b2c3d4e5f60023")];
        Assert.Equal(NatGatewayState.Available, nat.State);
        Assert.Equal(IpAddress.Parse("52.1.2.3"), nat.PublicIp);
        Assert.Equal(IpAddress.Parse("52.1.2.3"), World.Network.ElasticIps[new AllocationId("eipalloc-0a1b2c3d4e5f60091")].PublicIp);
        Assert.Equal(NetworkInterfaceType.NatGateway, World.Network.NetworkInterfaces[nat.NetworkInterfaceId].InterfaceType);
    }

    [Fact]
    public void Import_SecurityGroupRules_KeepRuleIdsAndCrossAccountReference()
    {
        var db = World.Network.SecurityGroups[new SecurityGroupId("sg-0f9e8d7c6b5a40032")];
        var rule = Assert.Single(db.Ingress);
        Assert.Equal("sgr-0f9e8d7c6b5a40003", rule.Id.Value);
        var peer = Assert.IsType<SecurityGroupPeer>(rule.Peer);
        Assert.Equal(("sg-0a1b2c3d4e5f60033", "123456789012", "pcx-0a1b2c3d4e5f60401"),
            (peer.GroupId.Value, peer.UserId?.Value, peer.VpcPeeringConnectionId?.Value));
    }

    // AWS prints the '*' rules (32767 IPv4, 32768 IPv6) with every NACL; the model keeps them implicit.
    [Fact]
    public void Import_NetworkAcl_DropsTheAsteriskRules()
    {
        var acl = World.Network.NetworkAcls[new NetworkAclId("acl-0a1b2c3d4e5f60051")];
        Assert.Equal([100, 100, 101, 101], acl.Entries.Select(e => e.RuleNumber).Order());
    }

    [Fact]
    public void Import_PrefixLists_ReadTheirEntriesFiles()
    {
        var office = World.Network.PrefixLists[new PrefixListId("pl-0a1b2c3d4e5f60301")];
        Assert.Equal((Cidr.Parse("203.0.113.0/24"), "HQ"), (office.Entries[0].Cidr, office.Entries[0].Description));
        Assert.Equal((5, 2L), (office.MaxEntries, office.Version));
        Assert.True(World.Network.PrefixLists[new PrefixListId("pl-63a5400a")].IsAwsManaged);
    }

    [Fact]
    public void Import_InterfaceEndpoint_KeepsDnsSuffixFromItsDnsEntries()
    {
        var vpce = World.Network.VpcEndpoints[new VpcEndpointId("vpce-0a1b2c3d4e5f60202")];
        Assert.Equal(("k2m8x1qz", VpcEndpointType.Interface, true), (vpce.DnsSuffix, vpce.Type, vpce.PrivateDnsEnabled));
        Assert.Equal("vpce-0a1b2c3d4e5f60202-k2m8x1qz.ssm.us-east-1.vpce.amazonaws.com", VpcEndpointDnsNames.Regional(vpce));
    }

    // A peering connection appears in both accounts' output: one connection.
    [Fact]
    public void Import_CrossAccountPeering_IsOneActiveConnection()
    {
        var pcx = Assert.Single(World.Network.VpcPeeringConnections.Values);
        Assert.Equal((VpcPeeringConnectionState.Active, "123456789012", "210987654321"),
            (pcx.State, pcx.Requester.OwnerId.Value, pcx.Accepter.OwnerId.Value));
    }

    [Fact]
    public void Import_FlowLog_ResourceTypeFromTheIdPrefix()
    {
        var log = Assert.Single(World.Network.FlowLogs.Values);
        Assert.Equal((FlowLogResourceType.Vpc, FlowLogDestinationType.S3, "prod-flow-logs"), (log.ResourceType, log.DestinationType, log.S3Bucket));
    }

    [Theory]
    [InlineData("describe-transit-gateways", "tgw-0a1b2c3d4e5f60501")]
    [InlineData("route", "rtb-0a1b2c3d4e5f60061 10.99.0.0/16")]
    // The second account's VPC names a DHCP options set no folder holds: the association is listed, not made.
    [InlineData("dhcp-options", "dopt-0f9e8d7c6b5a40071")]
    public void Import_UnmodelledKinds_AreListedAsSkipped(string kind, string id) =>
        Assert.Contains(World.Skipped, s => s.Kind == kind && s.Id == id);

    [Fact]
    public void Import_RouteToTransitGateway_IsKeptAndIsABlackhole()
    {
        var table = World.Network.RouteTables[new RouteTableId("rtb-0a1b2c3d4e5f60061")];
        var route = Assert.Single(table.Routes, r => r.Target.Kind == RouteTargetKind.TransitGateway);
        Assert.Equal(RouteState.Blackhole, World.Network.RouteState(table, route));
    }

    /// <summary>DHCP options sets are restored with their ids and options, and each VPC's association
    /// (https://docs.aws.amazon.com/vpc/latest/userguide/VPC_DHCP_Options.html: a VPC has one set; DescribeVpcs prints
    /// its id).</summary>
    [Fact]
    public void ControlPlane_ImportedDhcpOptions_RestoredWithIdsAndAssociation()
    {
        var cp = World.ControlPlane();
        var context = new RequestContext(new AccountId("123456789012"), "us-east-1");
        var set = Assert.Single(cp.DescribeDhcpOptions(context, new DescribeDhcpOptionsRequest()).DhcpOptions);
        Assert.Equal("dopt-0a1b2c3d4e5f60071", set.Id);
        Assert.Equal(["ec2.internal"], set.Configurations.Single(c => c.Key == "domain-name").Value);
        Assert.Equal("dopt-0a1b2c3d4e5f60071", cp.DhcpOptionsIdOf(new VpcId("vpc-0a1b2c3d4e5f60001")));
        Assert.DoesNotContain(World.Skipped, s => s.Id == "dopt-0a1b2c3d4e5f60071");
    }

    [Fact]
    public void ControlPlane_DhcpSetInNoFolder_VpcShowsDefault()
    {
        var cp = World.ControlPlane();
        var other = World.Network.Vpcs.Values.Single(v => v.OwnerId.Value == "210987654321");
        Assert.Equal(Ec2ControlPlane.DefaultDhcpOptionsId, cp.DhcpOptionsIdOf(other.Id));
    }

    [Fact]
    public void ControlPlane_ImportedWorld_DescribesTheImportedIds()
    {
        var cp = World.ControlPlane();
        Assert.Contains(new VpcId("vpc-0a1b2c3d4e5f60001"), cp.Network.Vpcs.Keys);
        Assert.Equal("prod", cp.Network.NameOf("vpc-0a1b2c3d4e5f60001"));
    }
}
