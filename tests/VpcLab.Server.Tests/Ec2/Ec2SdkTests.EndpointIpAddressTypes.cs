using Amazon.EC2;
using Amazon.EC2.Model;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>Interface endpoints' IpAddressType and DnsOptions through the real SDK
/// (docs/semantics.md#endpoint-ip-address-types): a dualstack endpoint's interfaces carry an IPv6 address of their
/// subnet, DescribeVpcEndpoints shows ipAddressType and dnsOptions.dnsRecordIpType, and AWS's rules refuse what does not
/// fit (https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_ec2.VpcEndpointIpAddressType.html,
/// https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_ec2.VpcEndpointDnsRecordIpType.html).</summary>
public sealed partial class Ec2SdkTests
{
    private const string SqsService = "com.amazonaws.us-east-1.sqs";

    /// <summary>A dual-stack VPC with DNS hostnames on and two subnets with IPv6 /64s (zones a and b), and one IPv4-only subnet.</summary>
    private async Task<(Vpc Vpc, Subnet A, Subnet B, Subnet V4)> DualStackVpc(string cidr)
    {
        var vpc = await NewVpc(cidr, ipv6: true);
        await _ec2.ModifyVpcAttributeAsync(new ModifyVpcAttributeRequest { VpcId = vpc.VpcId, EnableDnsHostnames = true }, Ct);
        var v6 = (await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpc.VpcId] }, Ct)).Vpcs.Single()
            .Ipv6CidrBlockAssociationSet.Single().Ipv6CidrBlock;
        async Task<Subnet> Dual(string c, string zone, int index) => (await _ec2.CreateSubnetAsync(new CreateSubnetRequest
        {
            VpcId = vpc.VpcId, CidrBlock = c, AvailabilityZone = zone, Ipv6CidrBlock = VpcLab.Net.Cidr.Parse(v6).Subnet(64, (UInt128)index).ToString(),
        }, Ct)).Subnet;
        var octets = cidr.Split('.');
        var a = await Dual($"{octets[0]}.{octets[1]}.1.0/24", "us-east-1a", 1);
        var b = await Dual($"{octets[0]}.{octets[1]}.2.0/24", "us-east-1b", 2);
        var v4 = await NewSubnet(vpc.VpcId, $"{octets[0]}.{octets[1]}.3.0/24", "us-east-1c");
        return (vpc, a, b, v4);
    }

    // docs/semantics.md#gateway-endpoint-ipv6, spec (d): a dualstack S3 gateway endpoint routes both of S3's managed
    // prefix lists, each of one family (com.amazonaws.REGION.s3 IPv4, com.amazonaws.REGION.ipv6.s3 IPv6); turning it
    // ipv4 takes the IPv6 route away; DynamoDB's gateway entry is refused dualstack with InvalidParameter.
    [Fact]
    public async Task CreateVpcEndpoint_GatewayDualstack_RoutesBothS3Lists_DynamoDbRefused()
    {
        var (vpc, a, _, _) = await DualStackVpc("10.83.0.0/16");
        var table = (await _ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = vpc.VpcId }, Ct)).RouteTable;
        await _ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = table.RouteTableId, SubnetId = a.SubnetId }, Ct);
        var created = (await _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc.VpcId, ServiceName = "com.amazonaws.us-east-1.s3", VpcEndpointType = VpcEndpointType.Gateway,
            RouteTableIds = [table.RouteTableId], IpAddressType = IpAddressType.Dualstack,
            DnsOptions = new DnsOptionsSpecification { DnsRecordIpType = DnsRecordIpType.Dualstack },
        }, Ct)).VpcEndpoint;
        var described = (await _ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { VpcEndpointIds = [created.VpcEndpointId] }, Ct)).VpcEndpoints.Single();
        Assert.Equal("dualstack", described.IpAddressType.Value); // dnsOptions is answered for interface endpoints only

        var lists = (await _ec2.DescribeManagedPrefixListsAsync(new DescribeManagedPrefixListsRequest
        {
            Filters = [new Filter("prefix-list-name", ["com.amazonaws.us-east-1.s3", "com.amazonaws.us-east-1.ipv6.s3"])],
        }, Ct)).PrefixLists.ToDictionary(p => p.PrefixListName, p => (p.PrefixListId, p.AddressFamily));
        Assert.Equal("IPv4", lists["com.amazonaws.us-east-1.s3"].AddressFamily);
        Assert.Equal("IPv6", lists["com.amazonaws.us-east-1.ipv6.s3"].AddressFamily);
        var v6Entries = (await _ec2.GetManagedPrefixListEntriesAsync(new GetManagedPrefixListEntriesRequest
        {
            PrefixListId = lists["com.amazonaws.us-east-1.ipv6.s3"].PrefixListId,
        }, Ct)).Entries;
        Assert.Equal(["2600:1fa0::/40"], v6Entries.Select(e => e.Cidr));
        var v4List = (await _ec2.DescribePrefixListsAsync(new DescribePrefixListsRequest { PrefixListIds = [lists["com.amazonaws.us-east-1.s3"].PrefixListId] }, Ct)).PrefixLists.Single();
        Assert.DoesNotContain(v4List.Cidrs, c => c.Contains(':', StringComparison.Ordinal));

        async Task<string[]> EndpointRouteLists() => [.. (await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { RouteTableIds = [table.RouteTableId] }, Ct))
            .RouteTables.Single().Routes.Where(r => r.GatewayId == created.VpcEndpointId).Select(r => r.DestinationPrefixListId).Order(StringComparer.Ordinal)];
        Assert.Equal(new[] { lists["com.amazonaws.us-east-1.s3"].PrefixListId, lists["com.amazonaws.us-east-1.ipv6.s3"].PrefixListId }.Order(StringComparer.Ordinal),
            await EndpointRouteLists());
        await _ec2.ModifyVpcEndpointAsync(new ModifyVpcEndpointRequest { VpcEndpointId = created.VpcEndpointId, IpAddressType = IpAddressType.Ipv4 }, Ct);
        Assert.Equal([lists["com.amazonaws.us-east-1.s3"].PrefixListId], await EndpointRouteLists());

        var refused = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc.VpcId, ServiceName = "com.amazonaws.us-east-1.dynamodb", VpcEndpointType = VpcEndpointType.Gateway,
            IpAddressType = IpAddressType.Dualstack,
        }, Ct));
        Assert.Equal(("InvalidParameter", System.Net.HttpStatusCode.BadRequest), (refused.ErrorCode, refused.StatusCode));
    }

    [Fact]
    public async Task CreateVpcEndpoint_Dualstack_InterfacesGetIpv6_DescribeShowsTypes()
    {
        var (vpc, a, b, _) = await DualStackVpc("10.81.0.0/16");
        var created = (await _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc.VpcId, ServiceName = SqsService, VpcEndpointType = VpcEndpointType.Interface,
            SubnetIds = [a.SubnetId, b.SubnetId], IpAddressType = IpAddressType.Dualstack,
            DnsOptions = new DnsOptionsSpecification { DnsRecordIpType = DnsRecordIpType.Ipv6 },
        }, Ct)).VpcEndpoint;
        Assert.Equal("dualstack", created.IpAddressType.Value);
        Assert.Equal("ipv6", created.DnsOptions.DnsRecordIpType.Value);

        var described = (await _ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest
        {
            Filters = [new Filter("ip-address-type", ["dualstack"]), new Filter("vpc-id", [vpc.VpcId])],
        }, Ct)).VpcEndpoints.Single();
        Assert.Equal(created.VpcEndpointId, described.VpcEndpointId);
        Assert.Equal("ipv6", described.DnsOptions.DnsRecordIpType.Value);
        var enis = (await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = described.NetworkInterfaceIds }, Ct)).NetworkInterfaces;
        Assert.Equal(2, enis.Count);
        foreach (var eni in enis)
        {
            var subnet = eni.SubnetId == a.SubnetId ? a : b;
            var v6 = Assert.Single(eni.Ipv6Addresses).Ipv6Address;
            var subnetPrefix = subnet.Ipv6CidrBlockAssociationSet.Single().Ipv6CidrBlock;
            Assert.StartsWith(subnetPrefix[..subnetPrefix.IndexOf("::", StringComparison.Ordinal)], v6, StringComparison.Ordinal);
        }

        // ModifyVpcEndpoint back to ipv4: the interfaces lose their IPv6 addresses, the records follow (ipv4).
        await _ec2.ModifyVpcEndpointAsync(new ModifyVpcEndpointRequest { VpcEndpointId = created.VpcEndpointId, IpAddressType = IpAddressType.Ipv4 }, Ct);
        var after = (await _ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { VpcEndpointIds = [created.VpcEndpointId] }, Ct)).VpcEndpoints.Single();
        Assert.Equal("ipv4", after.IpAddressType.Value);
        Assert.Equal("ipv4", after.DnsOptions.DnsRecordIpType.Value);
        var plain = (await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = after.NetworkInterfaceIds }, Ct)).NetworkInterfaces;
        Assert.All(plain, eni => Assert.Empty(eni.Ipv6Addresses));
    }

    public static TheoryData<string, string, string?, string> EndpointIpTypeRefusals => new()
    {
        { "dualstack with an IPv4-only subnet", "dualstack", null, "InvalidParameter" },
        { "ipv6 (no IPv6-only subnets)", "ipv6", null, "InvalidParameter" },
        { "ipv4 endpoint, ipv6 records", "ipv4", "ipv6", "InvalidParameter" },
        { "ipv4 endpoint, service-defined records", "ipv4", "service-defined", "InvalidParameter" },
        { "unknown record type", "dualstack", "aaaa", "InvalidParameterValue" },
    };

    [Theory]
    [MemberData(nameof(EndpointIpTypeRefusals))]
    public async Task CreateVpcEndpoint_IpTypeRule_RefusedWithAwsCode_NothingCreated(string @case, string ipType, string? recordType, string code)
    {
        var (vpc, a, _, v4) = await DualStackVpc("10.82.0.0/16");
        var e = await Fails(() => _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc.VpcId, ServiceName = SqsService, VpcEndpointType = VpcEndpointType.Interface,
            SubnetIds = @case.Contains("IPv4-only", StringComparison.Ordinal) ? [a.SubnetId, v4.SubnetId] : [a.SubnetId],
            IpAddressType = new IpAddressType(ipType),
            DnsOptions = recordType is null ? null : new DnsOptionsSpecification { DnsRecordIpType = new DnsRecordIpType(recordType) },
        }, Ct));
        Assert.Equal(code, e.ErrorCode);
        Assert.Empty((await _ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest
        {
            Filters = [new Filter("vpc-id", [vpc.VpcId])],
        }, Ct)).VpcEndpoints);
    }
}
