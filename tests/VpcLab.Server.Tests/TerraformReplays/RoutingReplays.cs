using Amazon.EC2;
using Amazon.EC2.Model;
using static VpcLab.Server.Tests.TerraformReplays.ProviderReplay;

namespace VpcLab.Server.Tests.TerraformReplays;

/// <summary>The calls of aws_internet_gateway(+_attachment), aws_egress_only_internet_gateway, aws_route_table,
/// aws_route, aws_route_table_association, aws_main_route_table_association, aws_eip and aws_nat_gateway (provider
/// source: internal/service/ec2/vpc_internet_gateway*.go, vpc_egress_only_internet_gateway.go, vpc_route_table*.go,
/// vpc_route.go, vpc_main_route_table_association.go, ec2_eip.go, vpc_nat_gateway.go).</summary>
internal static class RoutingReplays
{
    public static async Task<RouteTable> ReadRouteTableAsync(ProviderReplay r, string id)
    {
        var t = Assert.Single((await r.Client.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { RouteTableIds = [id] }, r.Ct)).RouteTables);
        Present(t.OwnerId, "OwnerId");
        Present(t.VpcId, "VpcId");
        foreach (var route in t.Routes)
        {
            Assert.True(route.DestinationCidrBlock is not null || route.DestinationIpv6CidrBlock is not null || route.DestinationPrefixListId is not null,
                "a route without a destination");
            Present(route.Origin?.Value, "Route.Origin");
            Present(route.State?.Value, "Route.State");
        }
        foreach (var a in t.Associations)
        {
            Present(a.RouteTableAssociationId, "RouteTableAssociationId");
            Present(a.AssociationState?.State?.Value, "AssociationState.State");
        }
        return t;
    }

    public static async Task<InternetGateway> CreateAttachedGatewayAsync(ProviderReplay r, string vpcId)
    {
        var igw = (await r.Client.CreateInternetGatewayAsync(new CreateInternetGatewayRequest
        {
            TagSpecifications = Tags(ResourceType.InternetGateway, "replay"),
        }, r.Ct)).InternetGateway;
        // RetryWhenNewResourceNotFound(findInternetGatewayByID), then AttachInternetGateway and
        // waitInternetGatewayAttached: the attachment's state "available".
        await DescribeGatewayAsync(r, igw.InternetGatewayId);
        await r.Client.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = igw.InternetGatewayId, VpcId = vpcId }, r.Ct);
        await r.WaitAsync("aws_internet_gateway attach", async () =>
            (await DescribeGatewayAsync(r, igw.InternetGatewayId)).Attachments.SingleOrDefault(a => a.VpcId == vpcId)?.State?.Value, "available");
        return igw;
    }

    private static async Task<InternetGateway> DescribeGatewayAsync(ProviderReplay r, string id) =>
        Assert.Single((await r.Client.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest { InternetGatewayIds = [id] }, r.Ct)).InternetGateways);

    public static async Task DeleteAttachedGatewayAsync(ProviderReplay r, string id, string vpcId)
    {
        // DetachInternetGateway (retried on DependencyViolation), waitInternetGatewayDetached (no attachment),
        // DeleteInternetGateway, then gone.
        await r.Client.DetachInternetGatewayAsync(new DetachInternetGatewayRequest { InternetGatewayId = id, VpcId = vpcId }, r.Ct);
        await r.WaitAsync("aws_internet_gateway detach", async () => (await DescribeGatewayAsync(r, id)).Attachments.Count == 0 ? "detached" : "attached", "detached");
        await r.Client.DeleteInternetGatewayAsync(new DeleteInternetGatewayRequest { InternetGatewayId = id }, r.Ct);
        await r.GoneAsync("aws_internet_gateway", async () =>
            (await r.Client.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest { InternetGatewayIds = [id] }, r.Ct)).InternetGateways.Count,
            "InvalidInternetGatewayID.NotFound");
    }

    // aws_internet_gateway (+ aws_internet_gateway_attachment's read: the gateway's attachment to the VPC).
    public static async Task AwsInternetGateway(ProviderReplay r)
    {
        var vpc = await VpcResourceReplays.CreateVpcAsync(r, "10.20.0.0/16");
        var igw = await CreateAttachedGatewayAsync(r, vpc.VpcId);
        var read = await DescribeGatewayAsync(r, igw.InternetGatewayId);
        Present(read.OwnerId, "OwnerId");
        Assert.Equal(vpc.VpcId, Assert.Single(read.Attachments).VpcId);
        await DeleteAttachedGatewayAsync(r, igw.InternetGatewayId, vpc.VpcId);
        await VpcResourceReplays.DeleteVpcAsync(r, vpc.VpcId);
    }

    // aws_egress_only_internet_gateway: create, read (Attachments[0].VpcId), delete.
    public static async Task AwsEgressOnlyInternetGateway(ProviderReplay r)
    {
        var vpc = await VpcResourceReplays.CreateVpcAsync(r, "10.21.0.0/16", ipv6: true);
        var gw = (await r.Client.CreateEgressOnlyInternetGatewayAsync(new CreateEgressOnlyInternetGatewayRequest
        {
            VpcId = vpc.VpcId,
            TagSpecifications = Tags(ResourceType.EgressOnlyInternetGateway, "replay"),
        }, r.Ct)).EgressOnlyInternetGateway;
        var read = Assert.Single((await r.Client.DescribeEgressOnlyInternetGatewaysAsync(new DescribeEgressOnlyInternetGatewaysRequest
        {
            EgressOnlyInternetGatewayIds = [gw.EgressOnlyInternetGatewayId],
        }, r.Ct)).EgressOnlyInternetGateways);
        Assert.Equal(vpc.VpcId, Assert.Single(read.Attachments).VpcId);
        Assert.Equal("replay", Assert.Single(read.Tags).Value);
        await r.Client.DeleteEgressOnlyInternetGatewayAsync(new DeleteEgressOnlyInternetGatewayRequest { EgressOnlyInternetGatewayId = gw.EgressOnlyInternetGatewayId }, r.Ct);
        await r.GoneAsync("aws_egress_only_internet_gateway", async () => (await r.Client.DescribeEgressOnlyInternetGatewaysAsync(
            new DescribeEgressOnlyInternetGatewaysRequest { EgressOnlyInternetGatewayIds = [gw.EgressOnlyInternetGatewayId] }, r.Ct)).EgressOnlyInternetGateways.Count,
            "InvalidEgressOnlyInternetGatewayId.NotFound");
        await VpcResourceReplays.DeleteVpcAsync(r, vpc.VpcId);
    }

    public static async Task<RouteTable> CreateRouteTableAsync(ProviderReplay r, string vpcId)
    {
        var table = (await r.Client.CreateRouteTableAsync(new CreateRouteTableRequest
        {
            VpcId = vpcId,
            TagSpecifications = Tags(ResourceType.RouteTable, "replay"),
        }, r.Ct)).RouteTable;
        await ReadRouteTableAsync(r, table.RouteTableId); // waitRouteTableReady: found
        return table;
    }

    /// <summary>aws_route create: CreateRoute, waitRouteReady (the route found by destination, state "active").</summary>
    public static async Task CreateRouteAsync(ProviderReplay r, CreateRouteRequest request)
    {
        await r.Client.CreateRouteAsync(request, r.Ct);
        await r.WaitAsync("aws_route create", async () =>
            (await ReadRouteTableAsync(r, request.RouteTableId)).Routes.SingleOrDefault(x =>
                x.DestinationCidrBlock == request.DestinationCidrBlock && x.DestinationIpv6CidrBlock == request.DestinationIpv6CidrBlock)?.State?.Value,
            "active");
    }

    /// <summary>aws_route_table_association create: AssociateRouteTable, waitRouteTableAssociationCreated (found by
    /// association.route-table-association-id, state "associated").</summary>
    public static async Task<string> AssociateAsync(ProviderReplay r, string tableId, string subnetId)
    {
        var id = (await r.Client.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = tableId, SubnetId = subnetId }, r.Ct)).AssociationId;
        await r.WaitAsync("aws_route_table_association create", async () => await AssociationStateAsync(r, id), "associated");
        return id;
    }

    private static async Task<string?> AssociationStateAsync(ProviderReplay r, string associationId)
    {
        var table = (await r.Client.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new Filter("association.route-table-association-id", [associationId])],
        }, r.Ct)).RouteTables.SingleOrDefault();
        return table?.Associations.Single(a => a.RouteTableAssociationId == associationId).AssociationState.State.Value;
    }

    // aws_route_table with an inline route, aws_route (IPv4 and IPv6), aws_route_table_association and
    // aws_main_route_table_association; destroy in reverse.
    public static async Task AwsRouteTableRouteAndAssociations(ProviderReplay r)
    {
        var vpc = await VpcResourceReplays.CreateVpcAsync(r, "10.22.0.0/16", ipv6: true);
        var subnet = await VpcResourceReplays.CreateSubnetAsync(r, vpc.VpcId, "10.22.1.0/24", "us-east-1a");
        var igw = await CreateAttachedGatewayAsync(r, vpc.VpcId);
        var table = await CreateRouteTableAsync(r, vpc.VpcId);
        await CreateRouteAsync(r, new CreateRouteRequest { RouteTableId = table.RouteTableId, DestinationCidrBlock = "0.0.0.0/0", GatewayId = igw.InternetGatewayId });
        await CreateRouteAsync(r, new CreateRouteRequest { RouteTableId = table.RouteTableId, DestinationIpv6CidrBlock = "::/0", GatewayId = igw.InternetGatewayId });
        var association = await AssociateAsync(r, table.RouteTableId, subnet.SubnetId);

        // aws_main_route_table_association: the VPC's main association (association.main + vpc-id), replaced.
        var main = Assert.Single((await r.Client.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new Filter("association.main", ["true"]), new Filter("vpc-id", [vpc.VpcId])],
        }, r.Ct)).RouteTables);
        var mainAssociation = main.Associations.Single(a => a.Main == true);
        var replaced = await r.Client.ReplaceRouteTableAssociationAsync(new ReplaceRouteTableAssociationRequest
        {
            AssociationId = mainAssociation.RouteTableAssociationId,
            RouteTableId = table.RouteTableId,
        }, r.Ct);
        await r.WaitAsync("aws_main_route_table_association", async () => await AssociationStateAsync(r, replaced.NewAssociationId), "associated");
        // Delete: the main association goes back to the original table.
        await r.Client.ReplaceRouteTableAssociationAsync(new ReplaceRouteTableAssociationRequest
        {
            AssociationId = replaced.NewAssociationId,
            RouteTableId = main.RouteTableId,
        }, r.Ct);

        await r.Client.DisassociateRouteTableAsync(new DisassociateRouteTableRequest { AssociationId = association }, r.Ct);
        await r.GoneAsync("aws_route_table_association", async () => (await r.Client.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new Filter("association.route-table-association-id", [association])],
        }, r.Ct)).RouteTables.Count, "InvalidAssociationID.NotFound");
        await r.Client.DeleteRouteAsync(new DeleteRouteRequest { RouteTableId = table.RouteTableId, DestinationCidrBlock = "0.0.0.0/0" }, r.Ct);
        await r.Client.DeleteRouteAsync(new DeleteRouteRequest { RouteTableId = table.RouteTableId, DestinationIpv6CidrBlock = "::/0" }, r.Ct);
        Assert.DoesNotContain((await ReadRouteTableAsync(r, table.RouteTableId)).Routes, x => x.GatewayId == igw.InternetGatewayId);
        await r.Client.DeleteRouteTableAsync(new DeleteRouteTableRequest { RouteTableId = table.RouteTableId }, r.Ct);
        await r.GoneAsync("aws_route_table", async () =>
            (await r.Client.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { RouteTableIds = [table.RouteTableId] }, r.Ct)).RouteTables.Count,
            "InvalidRouteTableID.NotFound");
        await DeleteAttachedGatewayAsync(r, igw.InternetGatewayId, vpc.VpcId);
        await VpcResourceReplays.DeleteSubnetAsync(r, subnet.SubnetId);
        await VpcResourceReplays.DeleteVpcAsync(r, vpc.VpcId);
    }

    /// <summary>aws_eip create and read: AllocateAddress (domain vpc), DescribeAddresses by allocation id, and
    /// DescribeAddressesAttribute domain-name for ptr_record (ec2_eip.go).</summary>
    public static async Task<string> AllocateAsync(ProviderReplay r)
    {
        var allocated = await r.Client.AllocateAddressAsync(new AllocateAddressRequest
        {
            Domain = DomainType.Vpc,
            TagSpecifications = Tags(ResourceType.ElasticIp, "replay"),
        }, r.Ct);
        await ReadAddressAsync(r, allocated.AllocationId);
        return allocated.AllocationId;
    }

    public static async Task<Address> ReadAddressAsync(ProviderReplay r, string allocationId)
    {
        var a = Assert.Single((await r.Client.DescribeAddressesAsync(new DescribeAddressesRequest { AllocationIds = [allocationId] }, r.Ct)).Addresses);
        Present(a.PublicIp, "PublicIp");
        Assert.Equal("vpc", a.Domain.Value);
        Present(a.PublicIpv4Pool, "PublicIpv4Pool");
        Present(a.NetworkBorderGroup, "NetworkBorderGroup");
        // No reverse DNS set: no item, which findEIPDomainNameAttributeByAllocationID reads as NotFound (ptr_record "").
        Assert.Empty((await r.Client.DescribeAddressesAttributeAsync(new DescribeAddressesAttributeRequest
        {
            AllocationIds = [allocationId],
            Attribute = AddressAttributeName.DomainName,
        }, r.Ct)).Addresses);
        return a;
    }

    public static async Task ReleaseAsync(ProviderReplay r, string allocationId)
    {
        await r.Client.ReleaseAddressAsync(new ReleaseAddressRequest { AllocationId = allocationId }, r.Ct);
        await r.GoneAsync("aws_eip", async () =>
            (await r.Client.DescribeAddressesAsync(new DescribeAddressesRequest { AllocationIds = [allocationId] }, r.Ct)).Addresses.Count,
            "InvalidAllocationID.NotFound");
    }

    // aws_nat_gateway (public, with an aws_eip): create, waitNATGatewayCreated (pending -> available), read, delete,
    // waitNATGatewayDeleted ("deleted"), then the EIP released.
    public static async Task AwsEipAndNatGateway(ProviderReplay r)
    {
        var vpc = await VpcResourceReplays.CreateVpcAsync(r, "10.23.0.0/16");
        var subnet = await VpcResourceReplays.CreateSubnetAsync(r, vpc.VpcId, "10.23.1.0/24", "us-east-1a");
        var igw = await CreateAttachedGatewayAsync(r, vpc.VpcId);
        var allocationId = await AllocateAsync(r);
        var nat = (await r.Client.CreateNatGatewayAsync(new CreateNatGatewayRequest
        {
            SubnetId = subnet.SubnetId,
            AllocationId = allocationId,
            ConnectivityType = ConnectivityType.Public,
            TagSpecifications = Tags(ResourceType.Natgateway, "replay"),
        }, r.Ct)).NatGateway;
        await r.WaitAsync("aws_nat_gateway create", async () => (await DescribeNatAsync(r, nat.NatGatewayId))?.State?.Value, "available");
        var read = (await DescribeNatAsync(r, nat.NatGatewayId))!;
        Assert.Equal("public", read.ConnectivityType.Value);
        var address = Assert.Single(read.NatGatewayAddresses);
        Assert.Equal(allocationId, address.AllocationId);
        Present(address.NetworkInterfaceId, "NatGatewayAddresses.NetworkInterfaceId");
        Present(address.PrivateIp, "NatGatewayAddresses.PrivateIp");
        Present(address.PublicIp, "NatGatewayAddresses.PublicIp");
        Present(address.IsPrimary, "NatGatewayAddresses.IsPrimary");
        await ReadAddressAsync(r, allocationId);
        await r.Client.DeleteNatGatewayAsync(new DeleteNatGatewayRequest { NatGatewayId = nat.NatGatewayId }, r.Ct);
        await r.WaitAsync("aws_nat_gateway delete", async () => (await DescribeNatAsync(r, nat.NatGatewayId))?.State?.Value ?? "deleted", "deleted");
        await ReleaseAsync(r, allocationId);
        await DeleteAttachedGatewayAsync(r, igw.InternetGatewayId, vpc.VpcId);
        await VpcResourceReplays.DeleteSubnetAsync(r, subnet.SubnetId);
        await VpcResourceReplays.DeleteVpcAsync(r, vpc.VpcId);
    }

    private static async Task<NatGateway?> DescribeNatAsync(ProviderReplay r, string id) =>
        (await r.Client.DescribeNatGatewaysAsync(new DescribeNatGatewaysRequest { NatGatewayIds = [id] }, r.Ct)).NatGateways.SingleOrDefault();
}
