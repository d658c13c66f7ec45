using Amazon.EC2;
using Amazon.EC2.Model;

namespace VpcLab.Server.Tests.TerraformReplays;

/// <summary>The terraform-aws-modules/vpc module's README plan (main.tf of the module: aws_vpc.this,
/// aws_subnet.public/private, aws_internet_gateway.this, aws_route_table.public/private, aws_route.public_internet_gateway,
/// aws_eip.nat, aws_nat_gateway.this, aws_route.private_nat_gateway, aws_route_table_association.public/private,
/// aws_default_security_group/network_acl/route_table), each resource through the provider calls the other replays
/// make.</summary>
internal static class VpcModuleReplay
{
    private static readonly string[] s_zones = ["us-east-1a", "us-east-1b", "us-east-1c"];

    public static async Task ApplyAndDestroyAsync(ProviderReplay r)
    {
        var vpc = await VpcResourceReplays.CreateVpcAsync(r, "10.0.0.0/16");
        await r.Client.ModifyVpcAttributeAsync(new ModifyVpcAttributeRequest { VpcId = vpc.VpcId, EnableDnsHostnames = true }, r.Ct); // enable_dns_hostnames = true
        await VpcResourceReplays.ReadVpcAsync(r, vpc.VpcId);

        var publicSubnets = new List<string>();
        var privateSubnets = new List<string>();
        for (int i = 0; i < s_zones.Length; i++)
        {
            publicSubnets.Add((await VpcResourceReplays.CreateSubnetAsync(r, vpc.VpcId, $"10.0.{101 + i}.0/24", s_zones[i])).SubnetId);
            privateSubnets.Add((await VpcResourceReplays.CreateSubnetAsync(r, vpc.VpcId, $"10.0.{1 + i}.0/24", s_zones[i])).SubnetId);
        }
        foreach (var s in publicSubnets.Concat(privateSubnets))
            await VpcResourceReplays.ReadSubnetAsync(r, s);
        var igw = await RoutingReplays.CreateAttachedGatewayAsync(r, vpc.VpcId);

        var publicTable = await RoutingReplays.CreateRouteTableAsync(r, vpc.VpcId);
        await RoutingReplays.CreateRouteAsync(r, new CreateRouteRequest { RouteTableId = publicTable.RouteTableId, DestinationCidrBlock = "0.0.0.0/0", GatewayId = igw.InternetGatewayId });
        var associations = new List<string>();
        foreach (var s in publicSubnets)
            associations.Add(await RoutingReplays.AssociateAsync(r, publicTable.RouteTableId, s));

        var eips = new List<string>();
        var nats = new List<string>();
        var privateTables = new List<string>();
        for (int i = 0; i < s_zones.Length; i++)
        {
            eips.Add(await RoutingReplays.AllocateAsync(r));
            var nat = (await r.Client.CreateNatGatewayAsync(new CreateNatGatewayRequest { SubnetId = publicSubnets[i], AllocationId = eips[i] }, r.Ct)).NatGateway;
            await r.WaitAsync("aws_nat_gateway.this", async () => Assert.Single((await r.Client.DescribeNatGatewaysAsync(
                new DescribeNatGatewaysRequest { NatGatewayIds = [nat.NatGatewayId] }, r.Ct)).NatGateways).State.Value, "available");
            nats.Add(nat.NatGatewayId);
            var table = await RoutingReplays.CreateRouteTableAsync(r, vpc.VpcId);
            privateTables.Add(table.RouteTableId);
            await RoutingReplays.CreateRouteAsync(r, new CreateRouteRequest { RouteTableId = table.RouteTableId, DestinationCidrBlock = "0.0.0.0/0", NatGatewayId = nat.NatGatewayId });
            associations.Add(await RoutingReplays.AssociateAsync(r, table.RouteTableId, privateSubnets[i]));
        }

        // The aws_default_* resources of the module (manage_default_* = true).
        await ManageDefaultsAsync(r, vpc.VpcId);

        // Destroy, in reverse dependency order.
        foreach (var a in associations)
            await r.Client.DisassociateRouteTableAsync(new DisassociateRouteTableRequest { AssociationId = a }, r.Ct);
        foreach (var t in privateTables.Append(publicTable.RouteTableId))
            await r.Client.DeleteRouteTableAsync(new DeleteRouteTableRequest { RouteTableId = t }, r.Ct);
        foreach (var n in nats)
        {
            await r.Client.DeleteNatGatewayAsync(new DeleteNatGatewayRequest { NatGatewayId = n }, r.Ct);
            await r.WaitAsync("aws_nat_gateway.this delete", async () => Assert.Single((await r.Client.DescribeNatGatewaysAsync(
                new DescribeNatGatewaysRequest { NatGatewayIds = [n] }, r.Ct)).NatGateways).State.Value, "deleted");
        }
        foreach (var e in eips)
            await RoutingReplays.ReleaseAsync(r, e);
        await RoutingReplays.DeleteAttachedGatewayAsync(r, igw.InternetGatewayId, vpc.VpcId);
        foreach (var s in publicSubnets.Concat(privateSubnets))
            await VpcResourceReplays.DeleteSubnetAsync(r, s);
        await VpcResourceReplays.DeleteVpcAsync(r, vpc.VpcId);
    }

    private static async Task ManageDefaultsAsync(ProviderReplay r, string vpcId)
    {
        var group = Assert.Single((await r.Client.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Filter("group-name", ["default"]), new Filter("vpc-id", [vpcId])],
        }, r.Ct)).SecurityGroups);
        await r.Client.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = group.GroupId, IpPermissions = group.IpPermissions }, r.Ct);
        await r.Client.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest { GroupId = group.GroupId, IpPermissions = group.IpPermissionsEgress }, r.Ct);
        await r.Client.CreateTagsAsync(new CreateTagsRequest { Resources = [group.GroupId], Tags = [new Tag("Name", "my-vpc-default")] }, r.Ct);
        await SecurityReplays.ReadSecurityGroupAsync(r, group.GroupId);
        var acl = Assert.Single((await r.Client.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest
        {
            Filters = [new Filter("default", ["true"]), new Filter("vpc-id", [vpcId])],
        }, r.Ct)).NetworkAcls);
        await r.Client.CreateTagsAsync(new CreateTagsRequest { Resources = [acl.NetworkAclId], Tags = [new Tag("Name", "my-vpc-default")] }, r.Ct);
        Assert.Equal(6, (await SecurityReplays.DescribeNetworkAclAsync(r, acl.NetworkAclId)).Associations.Count(a => a.NetworkAclId == acl.NetworkAclId));
        var main = Assert.Single((await r.Client.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new Filter("association.main", ["true"]), new Filter("vpc-id", [vpcId])],
        }, r.Ct)).RouteTables);
        await r.Client.CreateTagsAsync(new CreateTagsRequest { Resources = [main.RouteTableId], Tags = [new Tag("Name", "my-vpc-default")] }, r.Ct);
        await RoutingReplays.ReadRouteTableAsync(r, main.RouteTableId);
    }
}
