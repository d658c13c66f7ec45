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
