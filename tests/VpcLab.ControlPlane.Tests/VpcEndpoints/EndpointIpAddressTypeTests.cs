using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests.VpcEndpoints;

/// <summary>Interface endpoints' IP address types and DNS record IP types (docs/semantics.md#endpoint-ip-address-types).
/// Sources: IpAddressType rules, https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_ec2.VpcEndpointIpAddressType.html
/// ("ipv4 … only if all selected subnets have IPv4 address ranges", "ipv6 … only if all selected subnets are IPv6 only
/// subnets", "dualstack … only if all selected subnets have both IPv4 and IPv6 address ranges", each "and the endpoint
/// service accepts" that family); DnsRecordIpType rules,
/// https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_ec2.VpcEndpointDnsRecordIpType.html ("ipv4: The IP address
/// type must be IPv4 or Dualstack", "ipv6: … IPv6 or Dualstack", "dualstack: … Dualstack", "service-defined: …
/// Dualstack"); valid values, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DnsOptionsSpecification.html.</summary>
public sealed class EndpointIpAddressTypeTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    private static (TestLab Lab, Vpc Vpc, Subnet DualA, Subnet DualB, Subnet V4Only) World()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc(ipv6: true);
        lab.Cp.ModifyVpcAttribute(Ctx, new ModifyVpcAttributeRequest { VpcId = vpc.Id.Value, EnableDnsHostnames = true });
        vpc = lab.N.Vpcs[vpc.Id];
        var a = lab.Subnet(vpc, "10.0.1.0/24", "us-east-1a", TestLab.Ipv6Subnet(vpc, 1));
        var b = lab.Subnet(vpc, "10.0.2.0/24", "us-east-1b", TestLab.Ipv6Subnet(vpc, 2));
        var v4 = lab.Subnet(vpc, "10.0.3.0/24", "us-east-1c");
        return (lab, vpc, a, b, v4);
    }

    private static CreateVpcEndpointRequest Request(Vpc vpc, string? ipType, string? recordType, params Subnet[] subnets) => new()
    {
        VpcId = vpc.Id.Value, ServiceName = EndpointLab.Sqs, VpcEndpointType = "Interface",
        SubnetIds = [.. subnets.Select(s => s.Id.Value)], IpAddressType = ipType,
        DnsOptions = recordType is null ? null : new DnsOptionsSpecification { DnsRecordIpType = recordType },
    };

    // Accepted combinations: the record type defaults to the IP address type; a dualstack endpoint may pick any record type.
    [Theory]
    [InlineData(null, null, VpcEndpointIpAddressType.Ipv4, VpcEndpointDnsRecordIpType.Ipv4)]
    [InlineData("ipv4", "ipv4", VpcEndpointIpAddressType.Ipv4, VpcEndpointDnsRecordIpType.Ipv4)]
    [InlineData("dualstack", null, VpcEndpointIpAddressType.Dualstack, VpcEndpointDnsRecordIpType.Dualstack)]
    [InlineData("dualstack", "ipv4", VpcEndpointIpAddressType.Dualstack, VpcEndpointDnsRecordIpType.Ipv4)]
    [InlineData("dualstack", "ipv6", VpcEndpointIpAddressType.Dualstack, VpcEndpointDnsRecordIpType.Ipv6)]
    [InlineData("dualstack", "service-defined", VpcEndpointIpAddressType.Dualstack, VpcEndpointDnsRecordIpType.ServiceDefined)]
    public void Create_IpAddressTypeAndRecordType_Accepted(string? ipType, string? recordType,
        VpcEndpointIpAddressType expectedIp, VpcEndpointDnsRecordIpType expectedRecord)
    {
        var (lab, vpc, a, b, _) = World();
        var endpoint = lab.Cp.CreateVpcEndpoint(Ctx, Request(vpc, ipType, recordType, a, b)).VpcEndpoint;
        Assert.Equal(expectedIp, endpoint.IpAddressType);
        Assert.Equal(expectedRecord, endpoint.DnsRecordIpType);
    }

    public static TheoryData<string, string?, string?, string> Refusals => new()
    {
        // DnsRecordIpType must fit the IP address type.
        { "ipv4 endpoint, ipv6 records", "ipv4", "ipv6", "InvalidParameter" },
        { "ipv4 endpoint, dualstack records", "ipv4", "dualstack", "InvalidParameter" },
        { "ipv4 endpoint, service-defined records", "ipv4", "service-defined", "InvalidParameter" },
        // Unknown values: the API's enumerations.
        { "unknown ip address type", "ipv5", null, "InvalidParameterValue" },
        { "unknown record type", "dualstack", "aaaa", "InvalidParameterValue" },
        // dualstack needs subnets with both ranges.
        { "dualstack, a subnet without IPv6", "dualstack", null, "InvalidParameter" },
        // ipv6 needs IPv6-only subnets (docs/semantics.md#ipv6-only-subnets): a dual-stack subnet has an IPv4 range.
        { "ipv6, dual-stack subnets", "ipv6", null, "InvalidParameter" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Create_IpAddressTypeRule_RefusedNothingChanged(string @case, string? ipType, string? recordType, string code)
    {
        var (lab, vpc, a, _, v4) = World();
        var before = lab.N;
        var subnets = @case.Contains("without IPv6", StringComparison.Ordinal) ? new[] { a, v4 } : [a];
        lab.FailsWith(code, () => lab.Cp.CreateVpcEndpoint(Ctx, Request(vpc, ipType, recordType, subnets)));
        Assert.Equal(before.VpcEndpoints.Count, lab.N.VpcEndpoints.Count);
        Assert.Equal(before.NetworkInterfaces.Count, lab.N.NetworkInterfaces.Count);
    }

    // AWS: the endpoint service must accept IPv6 for ipv6/dualstack ("and the endpoint service accepts IPv6 requests");
    // every catalogued service does (choice), so the rule is checked on a service that accepts IPv4 only.
    [Theory]
    [InlineData("dualstack", false, "does not support the IP address type dualstack")]
    [InlineData("ipv6", false, "does not support the IP address type ipv6")]
    [InlineData("dualstack", true, null)]
    public void Parse_ServiceIpv6Support_Decides(string ipType, bool ipv6Supported, string? refusal)
    {
        var sqs = new TestLab().Cp.DescribeVpcEndpointServices(Ctx, new DescribeVpcEndpointServicesRequest { ServiceNames = [EndpointLab.Sqs] })
            .ServiceDetails.Single() with { Ipv6Supported = ipv6Supported };
        if (refusal is null)
        {
            Assert.Equal(VpcEndpointIpAddressType.Dualstack, EndpointIpAddressTypes.Parse(ipType, sqs));
            return;
        }
        var error = Assert.Throws<Ec2Exception>(() => EndpointIpAddressTypes.Parse(ipType, sqs));
        Assert.Equal("InvalidParameter", error.Code.Code);
        Assert.Contains(refusal, error.Message, StringComparison.Ordinal);
    }

    // AWS: "Assign both IPv4 and IPv6 addresses to the endpoint network interfaces" (dualstack); ipv4 assigns IPv4 only.
    [Theory]
    [InlineData("dualstack", 1)]
    [InlineData("ipv4", 0)]
    public void Create_Interfaces_GetIpv6AddressOnlyWhenDualstack(string ipType, int ipv6Count)
    {
        var (lab, vpc, a, b, _) = World();
        var endpoint = lab.Cp.CreateVpcEndpoint(Ctx, Request(vpc, ipType, null, a, b)).VpcEndpoint;
        foreach (var (eniId, subnet) in endpoint.NetworkInterfaceIds.Zip([a, b]))
        {
            var eni = lab.N.NetworkInterfaces[eniId];
            Assert.Equal(ipv6Count, eni.Ipv6Addresses.Length);
            Assert.All(eni.Ipv6Addresses, v6 => Assert.True(lab.N.Subnets[subnet.Id].Ipv6Cidr!.Value.Contains(v6)));
        }
    }

    // ModifyVpcEndpoint IpAddressType: the interfaces gain (dualstack) or lose (ipv4) their IPv6 address; the record
    // type follows the new IP address type when the old one no longer fits (choice), and a subnet added later to a
    // dualstack endpoint must have an IPv6 range.
    [Fact]
    public void Modify_IpAddressType_InterfacesAndRecordTypeFollow()
    {
        var (lab, vpc, a, b, v4) = World();
        var endpoint = lab.Cp.CreateVpcEndpoint(Ctx, Request(vpc, null, null, a)).VpcEndpoint;
        endpoint = lab.Modify(endpoint, new ModifyVpcEndpointRequest { IpAddressType = "dualstack", DnsOptions = new() { DnsRecordIpType = "ipv6" } }).VpcEndpoint;
        Assert.Equal(VpcEndpointDnsRecordIpType.Ipv6, endpoint.DnsRecordIpType);
        Assert.Single(lab.N.NetworkInterfaces[endpoint.NetworkInterfaceIds[0]].Ipv6Addresses);

        lab.FailsWith("InvalidParameter", () => lab.Modify(endpoint, new ModifyVpcEndpointRequest { AddSubnetIds = [v4.Id.Value] }));
        endpoint = lab.Modify(endpoint, new ModifyVpcEndpointRequest { AddSubnetIds = [b.Id.Value] }).VpcEndpoint;
        Assert.Single(lab.N.NetworkInterfaces[endpoint.NetworkInterfaceIds[1]].Ipv6Addresses);

        endpoint = lab.Modify(endpoint, new ModifyVpcEndpointRequest { IpAddressType = "ipv4" }).VpcEndpoint;
        Assert.Equal(VpcEndpointDnsRecordIpType.Ipv4, endpoint.DnsRecordIpType);
        Assert.All(endpoint.NetworkInterfaceIds, id => Assert.Empty(lab.N.NetworkInterfaces[id].Ipv6Addresses));
    }

    // DescribeVpcEndpointServices: the catalog's interface services list ipv4 and ipv6; S3's gateway entry too, as S3
    // has an IPv6 prefix list (docs/semantics.md#gateway-endpoint-ipv6).
    [Fact]
    public void DescribeVpcEndpointServices_SupportedIpAddressTypes_PerEndpointType()
    {
        var lab = new TestLab();
        var result = lab.Cp.DescribeVpcEndpointServices(Ctx, new DescribeVpcEndpointServicesRequest { ServiceNames = [EndpointLab.S3] });
        Assert.Equal(["ipv4", "ipv6"], result.ServiceDetails.Single(s => s.EndpointType == AwsServiceEndpointType.Gateway).SupportedIpAddressTypes);
        Assert.Equal(["ipv4", "ipv6"], result.ServiceDetails.Single(s => s.EndpointType == AwsServiceEndpointType.Interface).SupportedIpAddressTypes);
    }
}
