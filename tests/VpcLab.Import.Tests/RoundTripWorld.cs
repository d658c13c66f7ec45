using Amazon.EC2;
using Amazon.EC2.Model;
using Network = VpcLab.Model.Network;

namespace VpcLab.Import.Tests;

/// <summary>The world of the round trip, built through the SDK: account A's prod VPC (IPv6, public subnet with an
/// instance and an Elastic IP with a reverse DNS record, private subnet behind a NAT gateway and an egress-only gateway, an S3 gateway endpoint,
/// an SNS interface endpoint, an office prefix list, an IPv6-only subnet with an instance) peered with account B's data VPC, whose database group admits
/// A's app group over the peering.</summary>
internal static class RoundTripWorld
{
    public static async Task BuildAsync(IAmazonEC2 a, IAmazonEC2 b, CancellationToken ct)
    {
        var prod = (await a.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16", AmazonProvidedIpv6CidrBlock = true, TagSpecifications = Named(ResourceType.Vpc, "prod") }, ct)).Vpc;
        var v6 = prod.Ipv6CidrBlockAssociationSet[0].Ipv6CidrBlock;
        var dhcp = (await a.CreateDhcpOptionsAsync(new CreateDhcpOptionsRequest
        {
            DhcpConfigurations = [new DhcpConfiguration { Key = "domain-name", Values = ["prod.example.internal"] }, new DhcpConfiguration { Key = "domain-name-servers", Values = ["AmazonProvidedDNS"] }],
            TagSpecifications = Named(ResourceType.DhcpOptions, "prod-dhcp"),
        }, ct)).DhcpOptions.DhcpOptionsId;
        await a.AssociateDhcpOptionsAsync(new AssociateDhcpOptionsRequest { DhcpOptionsId = dhcp, VpcId = prod.VpcId }, ct);
        var public1 = await Subnet(a, prod.VpcId, "10.0.1.0/24", v6.Replace("00::/56", "01::/64", StringComparison.Ordinal), "public", ct);
        var private1 = await Subnet(a, prod.VpcId, "10.0.2.0/24", v6.Replace("00::/56", "02::/64", StringComparison.Ordinal), "private", ct);
        var igw = (await a.CreateInternetGatewayAsync(new CreateInternetGatewayRequest(), ct)).InternetGateway.InternetGatewayId;
        await a.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = igw, VpcId = prod.VpcId }, ct);
        var eigw = (await a.CreateEgressOnlyInternetGatewayAsync(new CreateEgressOnlyInternetGatewayRequest { VpcId = prod.VpcId }, ct)).EgressOnlyInternetGateway.EgressOnlyInternetGatewayId;
        var publicRt = await Table(a, prod.VpcId, public1, ct);
        await a.CreateRouteAsync(new CreateRouteRequest { RouteTableId = publicRt, DestinationCidrBlock = "0.0.0.0/0", GatewayId = igw }, ct);
        await a.CreateRouteAsync(new CreateRouteRequest { RouteTableId = publicRt, DestinationIpv6CidrBlock = "::/0", GatewayId = igw }, ct);
        var office = (await a.CreateManagedPrefixListAsync(new CreateManagedPrefixListRequest
        {
            PrefixListName = "office", AddressFamily = "IPv4", MaxEntries = 5, Entries = [new AddPrefixListEntry { Cidr = "203.0.113.0/24", Description = "HQ" }],
        }, ct)).PrefixList.PrefixListId;
        var web = await Group(a, prod.VpcId, "web", ct);
        await a.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = web, IpPermissions =
            [
                new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }], Ipv6Ranges = [new Ipv6Range { CidrIpv6 = "::/0" }] },
                new IpPermission { IpProtocol = "tcp", FromPort = 22, ToPort = 22, PrefixListIds = [new PrefixListId { Id = office }] },
            ],
        }, ct);
        var app = await Group(a, prod.VpcId, "app", ct);
        await a.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = app, IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 8080, ToPort = 8080, UserIdGroupPairs = [new UserIdGroupPair { GroupId = web }] }],
        }, ct);
        var webInstance = await Instance(a, public1, web, "web-1", ct);
        var eip = (await a.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc }, ct)).AllocationId;
        await a.AssociateAddressAsync(new AssociateAddressRequest { AllocationId = eip, InstanceId = webInstance }, ct);
        await a.ModifyAddressAttributeAsync(new ModifyAddressAttributeRequest { AllocationId = eip, DomainName = "web.example.com" }, ct);
        var natEip = (await a.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc }, ct)).AllocationId;
        var nat = (await a.CreateNatGatewayAsync(new CreateNatGatewayRequest { SubnetId = public1, AllocationId = natEip }, ct)).NatGateway.NatGatewayId;
        var privateRt = await Table(a, prod.VpcId, private1, ct);
        await a.CreateRouteAsync(new CreateRouteRequest { RouteTableId = privateRt, DestinationCidrBlock = "0.0.0.0/0", NatGatewayId = nat }, ct);
        await a.CreateRouteAsync(new CreateRouteRequest { RouteTableId = privateRt, DestinationIpv6CidrBlock = "::/0", EgressOnlyInternetGatewayId = eigw }, ct);
        await Instance(a, private1, app, "app-1", ct);
        // An IPv6-only subnet (Ipv6Native) with an instance that has no private IPv4, resource names and AAAA records
        // on, routed to the egress-only gateway (docs/semantics.md#ipv6-only-subnets).
        var v6only = (await a.CreateSubnetAsync(new CreateSubnetRequest
        {
            VpcId = prod.VpcId, Ipv6Native = true, Ipv6CidrBlock = v6.Replace("00::/56", "03::/64", StringComparison.Ordinal), AvailabilityZone = "us-east-1a",
            TagSpecifications = Named(ResourceType.Subnet, "v6only"),
        }, ct)).Subnet.SubnetId;
        await a.ModifySubnetAttributeAsync(new ModifySubnetAttributeRequest { SubnetId = v6only, EnableResourceNameDnsAAAARecordOnLaunch = true }, ct);
        var v6onlyRt = await Table(a, prod.VpcId, v6only, ct);
        await a.CreateRouteAsync(new CreateRouteRequest { RouteTableId = v6onlyRt, DestinationIpv6CidrBlock = "::/0", EgressOnlyInternetGatewayId = eigw }, ct);
        await Instance(a, v6only, app, "v6-1", ct);
        await a.CreateVpcEndpointAsync(new CreateVpcEndpointRequest { VpcId = prod.VpcId, ServiceName = "com.amazonaws.us-east-1.s3", RouteTableIds = [privateRt] }, ct);
        await a.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = prod.VpcId, ServiceName = "com.amazonaws.us-east-1.sns", VpcEndpointType = VpcEndpointType.Interface, SubnetIds = [private1], SecurityGroupIds = [app], PrivateDnsEnabled = false,
        }, ct);
        await PeerAsync(a, b, prod.VpcId, privateRt, app, ct);
    }

    private static async Task PeerAsync(IAmazonEC2 a, IAmazonEC2 b, string prodVpc, string prodRt, string appGroup, CancellationToken ct)
    {
        var data = (await b.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.1.0.0/16", TagSpecifications = Named(ResourceType.Vpc, "data") }, ct)).Vpc.VpcId;
        var dbSubnet = await Subnet(b, data, "10.1.1.0/24", null, "db", ct);
        var pcx = (await a.CreateVpcPeeringConnectionAsync(new CreateVpcPeeringConnectionRequest { VpcId = prodVpc, PeerVpcId = data, PeerOwnerId = "222222222222" }, ct))
            .VpcPeeringConnection.VpcPeeringConnectionId;
        await b.AcceptVpcPeeringConnectionAsync(new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = pcx }, ct);
        await a.CreateRouteAsync(new CreateRouteRequest { RouteTableId = prodRt, DestinationCidrBlock = "10.1.0.0/16", VpcPeeringConnectionId = pcx }, ct);
        var dataRt = await Table(b, data, dbSubnet, ct);
        await b.CreateRouteAsync(new CreateRouteRequest { RouteTableId = dataRt, DestinationCidrBlock = "10.0.0.0/16", VpcPeeringConnectionId = pcx }, ct);
        var db = await Group(b, data, "db", ct);
        await b.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = db, IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 5432, ToPort = 5432, UserIdGroupPairs = [new UserIdGroupPair { GroupId = appGroup, UserId = "111111111111" }] }],
        }, ct);
        await Instance(b, dbSubnet, db, "db-1", ct);
    }

    /// <summary>The flows the round trip compares: every instance to every instance on the ports the groups name, and
    /// the internet to every instance over both families.</summary>
    public static IEnumerable<(string From, string To, ushort Port)> Flows(Network network)
    {
        var instances = network.Instances.Keys.Select(i => i.Value).Order(StringComparer.Ordinal).ToArray();
        ushort[] ports = [22, 443, 5432, 8080];
        foreach (var port in ports)
        {
            foreach (var from in instances)
            {
                foreach (var to in instances.Where(t => t != from))
                    yield return (from, to, port);
                yield return (from, "8.8.8.8", port);
                yield return (from, "2001:db8::1", port);
                yield return (from, "52.216.8.1", port); // S3 (us-east-1) through the gateway endpoint
            }
            foreach (var eni in network.NetworkInterfaces.Values.OrderBy(e => e.Id.Value, StringComparer.Ordinal))
            {
                foreach (var address in eni.Ipv6Addresses)
                    yield return ("2001:db8::7", address.ToString(), port);
                foreach (var p in eni.PrivateIpAddresses)
                {
                    if (network.PublicIpFor(eni, p) is { } pub)
                        yield return ("198.51.100.7", pub.ToString(), port);
                }
            }
        }
    }

    private static async Task<string> Subnet(IAmazonEC2 c, string vpc, string cidr, string? v6, string name, CancellationToken ct) =>
        (await c.CreateSubnetAsync(new CreateSubnetRequest
        {
            VpcId = vpc, CidrBlock = cidr, Ipv6CidrBlock = v6, AvailabilityZone = "us-east-1a", TagSpecifications = Named(ResourceType.Subnet, name),
        }, ct)).Subnet.SubnetId;

    private static async Task<string> Table(IAmazonEC2 c, string vpc, string subnet, CancellationToken ct)
    {
        var id = (await c.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = vpc }, ct)).RouteTable.RouteTableId;
        await c.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = id, SubnetId = subnet }, ct);
        return id;
    }

    private static async Task<string> Group(IAmazonEC2 c, string vpc, string name, CancellationToken ct) =>
        (await c.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { VpcId = vpc, GroupName = name, Description = name }, ct)).GroupId;

    private static async Task<string> Instance(IAmazonEC2 c, string subnet, string group, string name, CancellationToken ct) =>
        (await c.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0fc50b841d13a3d05", InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1, SubnetId = subnet, SecurityGroupIds = [group],
            TagSpecifications = Named(ResourceType.Instance, name),
        }, ct)).Reservation.Instances[0].InstanceId;

    private static List<TagSpecification> Named(ResourceType type, string name) =>
        [new TagSpecification { ResourceType = type, Tags = [new Tag("Name", name)] }];
}
