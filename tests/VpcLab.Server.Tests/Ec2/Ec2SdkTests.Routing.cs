using Amazon.EC2;
using Amazon.EC2.Model;

namespace VpcLab.Server.Tests.Ec2;

public sealed partial class Ec2SdkTests
{
    [Fact]
    public async Task RouteTables_NewVpc_MainTableHasLocalRouteAndMainAssociation()
    {
        var vpc = await NewVpc(ipv6: true);
        var table = Assert.Single((await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new Filter("vpc-id", [vpc.VpcId]), new Filter("association.main", ["true"])],
        }, Ct)).RouteTables);
        Assert.Equal("111111111111", table.OwnerId);
        var main = Assert.Single(table.Associations);
        Assert.True(main.Main);
        Assert.Null(main.SubnetId);
        Assert.Equal(RouteTableAssociationStateCode.Associated, main.AssociationState.State);
        Assert.Equal(2, table.Routes.Count);
        var local = Assert.Single(table.Routes, r => r.DestinationCidrBlock == "10.0.0.0/16");
        Assert.Equal("local", local.GatewayId);
        Assert.Equal(RouteState.Active, local.State);
        Assert.Equal(RouteOrigin.CreateRouteTable, local.Origin);
        Assert.Single(table.Routes, r => r.DestinationIpv6CidrBlock is not null && r.GatewayId == "local");
    }

    [Fact]
    public async Task RouteTables_AssociateReplaceDisassociateDelete_RoundTripThroughTheSdk()
    {
        var vpc = await NewVpc();
        var subnet = await NewSubnet(vpc.VpcId);
        var created = await _ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = vpc.VpcId, TagSpecifications = Named(ResourceType.RouteTable, "public") }, Ct);
        var tableId = created.RouteTable.RouteTableId;
        Assert.Equal("public", Assert.Single(created.RouteTable.Tags).Value);
        Assert.False(string.IsNullOrEmpty(created.ClientToken)); // the SDK fills an idempotency token in; we echo it

        var association = await _ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = tableId, SubnetId = subnet.SubnetId }, Ct);
        Assert.StartsWith("rtbassoc-", association.AssociationId, StringComparison.Ordinal);
        Assert.Equal(RouteTableAssociationStateCode.Associated, association.AssociationState.State);

        var described = Assert.Single((await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new Filter("association.subnet-id", [subnet.SubnetId])],
        }, Ct)).RouteTables);
        Assert.Equal(tableId, described.RouteTableId);
        Assert.Equal(subnet.SubnetId, Assert.Single(described.Associations).SubnetId);

        var main = Assert.Single((await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new Filter("vpc-id", [vpc.VpcId]), new Filter("association.main", ["true"])],
        }, Ct)).RouteTables);
        var replaced = await _ec2.ReplaceRouteTableAssociationAsync(new ReplaceRouteTableAssociationRequest
        {
            AssociationId = association.AssociationId,
            RouteTableId = main.RouteTableId,
        }, Ct);
        Assert.StartsWith("rtbassoc-", replaced.NewAssociationId, StringComparison.Ordinal);
        await _ec2.DisassociateRouteTableAsync(new DisassociateRouteTableRequest { AssociationId = replaced.NewAssociationId }, Ct);
        await _ec2.DeleteRouteTableAsync(new DeleteRouteTableRequest { RouteTableId = tableId }, Ct);
        var e = await Fails(() => _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { RouteTableIds = [tableId] }, Ct));
        Assert.Equal("InvalidRouteTableID.NotFound", e.ErrorCode);
    }

    [Fact]
    public async Task InternetGateway_Detached_RoutesGoBlackhole()
    {
        var vpc = await NewVpc();
        var igw = (await _ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest { TagSpecifications = Named(ResourceType.InternetGateway, "igw") }, Ct)).InternetGateway;
        Assert.StartsWith("igw-", igw.InternetGatewayId, StringComparison.Ordinal);
        Assert.Empty(igw.Attachments);
        await _ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = igw.InternetGatewayId, VpcId = vpc.VpcId }, Ct);

        var described = Assert.Single((await _ec2.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest
        {
            Filters = [new Filter("attachment.vpc-id", [vpc.VpcId])],
        }, Ct)).InternetGateways);
        var attachment = Assert.Single(described.Attachments);
        Assert.Equal(vpc.VpcId, attachment.VpcId);
        Assert.Equal("available", attachment.State.Value);
        Assert.Equal("111111111111", described.OwnerId);

        var table = (await _ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = vpc.VpcId }, Ct)).RouteTable;
        var created = await _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table.RouteTableId, DestinationCidrBlock = "0.0.0.0/0", GatewayId = igw.InternetGatewayId }, Ct);
        Assert.True(created.Return);
        var route = await DefaultRoute(table.RouteTableId);
        Assert.Equal(igw.InternetGatewayId, route.GatewayId);
        Assert.Equal(RouteState.Active, route.State);
        Assert.Equal(RouteOrigin.CreateRoute, route.Origin);

        await _ec2.DetachInternetGatewayAsync(new DetachInternetGatewayRequest { InternetGatewayId = igw.InternetGatewayId, VpcId = vpc.VpcId }, Ct);
        Assert.Equal(RouteState.Blackhole, (await DefaultRoute(table.RouteTableId)).State);

        await _ec2.DeleteRouteAsync(new DeleteRouteRequest { RouteTableId = table.RouteTableId, DestinationCidrBlock = "0.0.0.0/0" }, Ct);
        await _ec2.DeleteInternetGatewayAsync(new DeleteInternetGatewayRequest { InternetGatewayId = igw.InternetGatewayId }, Ct);
        var e = await Fails(() => _ec2.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest { InternetGatewayIds = [igw.InternetGatewayId] }, Ct));
        Assert.Equal("InvalidInternetGatewayID.NotFound", e.ErrorCode);
    }

    private async Task<Route> DefaultRoute(string tableId) =>
        Assert.Single(Assert.Single((await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { RouteTableIds = [tableId] }, Ct)).RouteTables)
            .Routes, r => r.DestinationCidrBlock == "0.0.0.0/0");

    [Fact]
    public async Task ReplaceRoute_ExistingRoute_ChangesTheTarget()
    {
        var vpc = await NewVpc();
        var igw1 = (await _ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest(), Ct)).InternetGateway.InternetGatewayId;
        await _ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = igw1, VpcId = vpc.VpcId }, Ct);
        var table = (await _ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = vpc.VpcId }, Ct)).RouteTable.RouteTableId;
        await _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationCidrBlock = "0.0.0.0/0", GatewayId = igw1 }, Ct);

        var subnet = await NewSubnet(vpc.VpcId);
        var eni = (await _ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = subnet.SubnetId }, Ct)).NetworkInterface;
        await _ec2.ReplaceRouteAsync(new ReplaceRouteRequest { RouteTableId = table, DestinationCidrBlock = "0.0.0.0/0", NetworkInterfaceId = eni.NetworkInterfaceId }, Ct);
        var route = await DefaultRoute(table);
        Assert.Equal(eni.NetworkInterfaceId, route.NetworkInterfaceId);
        Assert.Null(route.GatewayId);
    }

    [Fact]
    public async Task CreateRoute_ExistingDestination_IsRouteAlreadyExists()
    {
        var vpc = await NewVpc();
        var igw = (await _ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest(), Ct)).InternetGateway.InternetGatewayId;
        await _ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = igw, VpcId = vpc.VpcId }, Ct);
        var table = (await _ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = vpc.VpcId }, Ct)).RouteTable.RouteTableId;
        await _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationCidrBlock = "0.0.0.0/0", GatewayId = igw }, Ct);
        var e = await Fails(() => _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationCidrBlock = "0.0.0.0/0", GatewayId = igw }, Ct));
        Assert.Equal("RouteAlreadyExists", e.ErrorCode);
    }

    [Fact]
    public async Task EgressOnlyInternetGateway_CreateDescribeRouteDelete_RoundTripThroughTheSdk()
    {
        var vpc = await NewVpc(ipv6: true);
        var created = await _ec2.CreateEgressOnlyInternetGatewayAsync(new CreateEgressOnlyInternetGatewayRequest { VpcId = vpc.VpcId }, Ct);
        var id = created.EgressOnlyInternetGateway.EgressOnlyInternetGatewayId;
        Assert.StartsWith("eigw-", id, StringComparison.Ordinal);
        var attachment = Assert.Single(created.EgressOnlyInternetGateway.Attachments);
        Assert.Equal(AttachmentStatus.Attached, attachment.State);
        Assert.Equal(vpc.VpcId, attachment.VpcId);

        var described = Assert.Single((await _ec2.DescribeEgressOnlyInternetGatewaysAsync(new DescribeEgressOnlyInternetGatewaysRequest
        {
            EgressOnlyInternetGatewayIds = [id],
        }, Ct)).EgressOnlyInternetGateways);
        Assert.Equal(id, described.EgressOnlyInternetGatewayId);

        var table = (await _ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = vpc.VpcId }, Ct)).RouteTable.RouteTableId;
        await _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationIpv6CidrBlock = "::/0", EgressOnlyInternetGatewayId = id }, Ct);
        var route = Assert.Single(Assert.Single((await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { RouteTableIds = [table] }, Ct)).RouteTables)
            .Routes, r => r.DestinationIpv6CidrBlock == "::/0");
        Assert.Equal(id, route.EgressOnlyInternetGatewayId);
        Assert.Equal(RouteState.Active, route.State);

        await _ec2.DeleteRouteAsync(new DeleteRouteRequest { RouteTableId = table, DestinationIpv6CidrBlock = "::/0" }, Ct);
        var deleted = await _ec2.DeleteEgressOnlyInternetGatewayAsync(new DeleteEgressOnlyInternetGatewayRequest { EgressOnlyInternetGatewayId = id }, Ct);
        Assert.True(deleted.ReturnCode);
    }

    [Fact]
    public async Task NatGateway_WithElasticIp_AndAddressLifecycle()
    {
        var vpc = await NewVpc();
        var subnet = await NewSubnet(vpc.VpcId);
        var igw = (await _ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest(), Ct)).InternetGateway.InternetGatewayId;
        await _ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = igw, VpcId = vpc.VpcId }, Ct);
        var eip = await _ec2.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc }, Ct);
        Assert.StartsWith("eipalloc-", eip.AllocationId, StringComparison.Ordinal);
        Assert.Equal(DomainType.Vpc, eip.Domain);
        Assert.Equal("us-east-1", eip.NetworkBorderGroup);

        var nat = (await _ec2.CreateNatGatewayAsync(new CreateNatGatewayRequest { SubnetId = subnet.SubnetId, AllocationId = eip.AllocationId }, Ct)).NatGateway;
        Assert.StartsWith("nat-", nat.NatGatewayId, StringComparison.Ordinal);
        Assert.Equal(ConnectivityType.Public, nat.ConnectivityType);
        var address = Assert.Single(nat.NatGatewayAddresses);
        Assert.Equal(eip.PublicIp, address.PublicIp);
        Assert.Equal(eip.AllocationId, address.AllocationId);
        Assert.True(address.IsPrimary);
        Assert.StartsWith("10.0.1.", address.PrivateIp, StringComparison.Ordinal);
        Assert.StartsWith("eni-", address.NetworkInterfaceId, StringComparison.Ordinal);
        Assert.NotNull(nat.CreateTime);

        var described = Assert.Single((await _ec2.DescribeNatGatewaysAsync(new DescribeNatGatewaysRequest
        {
            Filter = [new Filter("subnet-id", [subnet.SubnetId])],
        }, Ct)).NatGateways);
        Assert.Contains(described.State.Value, new[] { "pending", "available" });

        var addresses = Assert.Single((await _ec2.DescribeAddressesAsync(new DescribeAddressesRequest { AllocationIds = [eip.AllocationId] }, Ct)).Addresses);
        Assert.Equal(address.NetworkInterfaceId, addresses.NetworkInterfaceId);
        Assert.Equal(eip.PublicIp, addresses.PublicIp);

        var eni = Assert.Single((await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest
        {
            NetworkInterfaceIds = [address.NetworkInterfaceId],
        }, Ct)).NetworkInterfaces);
        Assert.Equal("nat_gateway", eni.InterfaceType.Value);
        Assert.True(eni.RequesterManaged);
        Assert.Equal(NetworkInterfaceStatus.InUse, eni.Status);
        Assert.Equal(eip.PublicIp, eni.Association.PublicIp);

        var deleted = await _ec2.DeleteNatGatewayAsync(new DeleteNatGatewayRequest { NatGatewayId = nat.NatGatewayId }, Ct);
        Assert.Equal(nat.NatGatewayId, deleted.NatGatewayId);
    }

    [Fact]
    public async Task ElasticIp_AssociateDisassociateRelease_RoundTripThroughTheSdk()
    {
        var vpc = await NewVpc();
        var subnet = await NewSubnet(vpc.VpcId);
        var igw = (await _ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest(), Ct)).InternetGateway.InternetGatewayId;
        await _ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = igw, VpcId = vpc.VpcId }, Ct);
        var eni = (await _ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = subnet.SubnetId }, Ct)).NetworkInterface;
        var eip = await _ec2.AllocateAddressAsync(new AllocateAddressRequest(), Ct);

        var associated = await _ec2.AssociateAddressAsync(new AssociateAddressRequest { AllocationId = eip.AllocationId, NetworkInterfaceId = eni.NetworkInterfaceId }, Ct);
        Assert.StartsWith("eipassoc-", associated.AssociationId, StringComparison.Ordinal);

        var described = Assert.Single((await _ec2.DescribeAddressesAsync(new DescribeAddressesRequest
        {
            Filters = [new Filter("network-interface-id", [eni.NetworkInterfaceId])],
        }, Ct)).Addresses);
        Assert.Equal(associated.AssociationId, described.AssociationId);
        Assert.Equal(eni.PrivateIpAddress, described.PrivateIpAddress);
        Assert.Equal("111111111111", described.NetworkInterfaceOwnerId);
        Assert.Equal(DomainType.Vpc, described.Domain);

        var withEip = Assert.Single((await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [eni.NetworkInterfaceId] }, Ct)).NetworkInterfaces);
        Assert.Equal(eip.PublicIp, withEip.Association.PublicIp);
        Assert.Equal("111111111111", withEip.Association.IpOwnerId);
        Assert.Equal(eip.AllocationId, withEip.Association.AllocationId);
        Assert.Equal(associated.AssociationId, withEip.Association.AssociationId);
        Assert.Equal(eip.PublicIp, withEip.PrivateIpAddresses.Single().Association.PublicIp);

        await _ec2.DisassociateAddressAsync(new DisassociateAddressRequest { AssociationId = associated.AssociationId }, Ct);
        Assert.Null(Assert.Single((await _ec2.DescribeAddressesAsync(new DescribeAddressesRequest(), Ct)).Addresses).AssociationId);
        await _ec2.ReleaseAddressAsync(new ReleaseAddressRequest { AllocationId = eip.AllocationId }, Ct);
        Assert.Empty((await _ec2.DescribeAddressesAsync(new DescribeAddressesRequest(), Ct)).Addresses);
    }
}
