using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests.VpcEndpointServices;

/// <summary>IPv6 on endpoint services (docs/semantics.md#endpoint-service-ipv6), AWS's rules from "IP address types"
/// (https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-share-your-services.html#endpoint-service-ip-address-type):
/// a service supports ipv4, ipv6 or both; to support IPv6 "All Network Load Balancers for the endpoint service must use
/// the dualstack IP address type"; an IPv6 interface endpoint needs "The endpoint service must support IPv6 requests".</summary>
public sealed class EndpointServiceIpv6Tests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    private readonly TestLab _lab = new();
    private readonly Vpc _vpc;
    private readonly string _dualstackNlb;
    private readonly string _ipv4Nlb;

    public EndpointServiceIpv6Tests()
    {
        _vpc = _lab.Vpc(ipv6: true);
        var a = _lab.Subnet(_vpc, "10.0.1.0/24", "us-east-1a", TestLab.Ipv6Subnet(_vpc, 1));
        _dualstackNlb = Nlb("dual", a, "dualstack");
        _ipv4Nlb = Nlb("four", a, null);
    }

    // Rows: the load balancer's IP address type, SupportedIpAddressType.N, and the error (null: created with those types).
    [Theory]
    [InlineData("dualstack", "ipv4 ipv6", null)]
    [InlineData("dualstack", "ipv6", null)] // IPv6 only: allowed
    [InlineData("dualstack", "", null)] // default: ipv4
    [InlineData("ipv4", "ipv4", null)]
    [InlineData("ipv4", "ipv6", "InvalidParameter")] // the load balancer must be dualstack
    [InlineData("ipv4", "ipv4 ipv6", "InvalidParameter")]
    [InlineData("dualstack", "ipv5", "InvalidParameterValue")]
    public void Create_SupportedIpAddressTypes_Ipv6NeedsDualstackBalancers(string balancer, string types, string? error)
    {
        var request = new CreateVpcEndpointServiceConfigurationRequest
        {
            NetworkLoadBalancerArns = [balancer == "dualstack" ? _dualstackNlb : _ipv4Nlb],
            SupportedIpAddressTypes = types.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        };
        if (error is not null)
        {
            _lab.FailsWith(error, () => _lab.Cp.EndpointServiceConfigurations.CreateVpcEndpointServiceConfiguration(Ctx, request));
            return;
        }
        var service = _lab.Cp.EndpointServiceConfigurations.CreateVpcEndpointServiceConfiguration(Ctx, request).ServiceConfiguration.Service;
        Assert.Equal(types.Length == 0 ? ["ipv4"] : types.Split(' '), service.SupportedIpAddressTypes);
    }

    // Rows: Add/RemoveSupportedIpAddressType.N and Add/RemoveNetworkLoadBalancerArn.N on a dualstack service supporting
    // ipv4 and ipv6, then its types or the error.
    [Theory]
    [InlineData("", "ipv6", "", "ipv4", null)]
    [InlineData("", "ipv4", "", "ipv6", null)]
    [InlineData("", "ipv4 ipv6", "", null, "InvalidParameter")] // a service keeps some IP address type
    [InlineData("", "", "four", null, "InvalidParameter")] // an ipv4 load balancer may not join an IPv6 service
    [InlineData("", "ipv6", "four", "ipv4", null)] // it may once the service drops ipv6
    public void Modify_IpAddressTypes_StayConsistentWithTheBalancers(string add, string remove, string addBalancer, string? expected, string? error)
    {
        var id = Service("ipv4 ipv6").Id.Value;
        var request = new ModifyVpcEndpointServiceConfigurationRequest
        {
            ServiceId = id,
            AddSupportedIpAddressTypes = add.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            RemoveSupportedIpAddressTypes = remove.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            AddNetworkLoadBalancerArns = addBalancer == "four" ? [_ipv4Nlb] : null,
        };
        if (error is not null)
        {
            _lab.FailsWith(error, () => _lab.Cp.EndpointServiceConfigurations.ModifyVpcEndpointServiceConfiguration(Ctx, request));
            return;
        }
        var service = _lab.Cp.EndpointServiceConfigurations.ModifyVpcEndpointServiceConfiguration(Ctx, request).Service;
        Assert.Equal(expected!.Split(' '), service.SupportedIpAddressTypes);
    }

    // Rows: the service's types, the endpoint's IpAddressType, and the error (null: created). Each endpoint goes in a
    // subnet that fits its type (dual-stack for ipv4 and dualstack, IPv6-only for ipv6).
    [Theory]
    [InlineData("ipv4", "ipv4", null)]
    [InlineData("ipv4", "dualstack", "InvalidParameter")] // the service does not support IPv6 requests
    [InlineData("ipv4", "ipv6", "InvalidParameter")]
    [InlineData("ipv4 ipv6", "dualstack", null)]
    [InlineData("ipv4 ipv6", "ipv6", null)]
    [InlineData("ipv6", "ipv6", null)]
    [InlineData("ipv6", "ipv4", "InvalidParameter")] // an IPv6-only service takes no IPv4 endpoint
    [InlineData("ipv6", "dualstack", "InvalidParameter")]
    public void CreateVpcEndpoint_IpAddressType_OnlyWhatTheServiceSupports(string serviceTypes, string endpointType, string? error)
    {
        var service = Service(serviceTypes);
        var subnet = endpointType == "ipv6"
            ? _lab.Cp.CreateSubnet(Ctx, new CreateSubnetRequest
            {
                VpcId = _vpc.Id.Value, Ipv6Native = true, Ipv6CidrBlock = TestLab.Ipv6Subnet(_vpc, 3), AvailabilityZone = "us-east-1a",
            }).Subnet
            : _lab.Subnet(_vpc, "10.0.2.0/24", "us-east-1a", TestLab.Ipv6Subnet(_vpc, 2));
        var request = new CreateVpcEndpointRequest
        {
            VpcId = _vpc.Id.Value, VpcEndpointType = "Interface", ServiceName = service.ServiceName, SubnetIds = [subnet.Id.Value],
            IpAddressType = endpointType,
        };
        if (error is not null)
        {
            _lab.FailsWith(error, () => _lab.Cp.CreateVpcEndpoint(Ctx, request));
            return;
        }
        var endpoint = _lab.Cp.CreateVpcEndpoint(Ctx, request).VpcEndpoint;
        var eni = _lab.N.NetworkInterfaces[endpoint.NetworkInterfaceIds.Single()];
        Assert.Equal(endpointType != "ipv4", !eni.Ipv6Addresses.IsEmpty);
        Assert.Equal(endpointType != "ipv6", !eni.PrivateIpAddresses.IsEmpty);
    }

    [Fact] // DescribeVpcEndpointServices shows a provider's service with its own IP address types, and filters by them.
    public void DescribeVpcEndpointServices_ProviderService_ItsIpAddressTypes()
    {
        var service = Service("ipv6");
        DescribeVpcEndpointServicesRequest ByType(string type) => new()
        {
            Filters = [new Filter { Name = "supported-ip-address-types", Values = [type] }],
        };
        Assert.Contains(_lab.Cp.DescribeVpcEndpointServices(Ctx, ByType("ipv6")).ProviderServices, p => p.Service.Id == service.Id);
        Assert.DoesNotContain(_lab.Cp.DescribeVpcEndpointServices(Ctx, ByType("ipv4")).ProviderServices, p => p.Service.Id == service.Id);
    }

    private VpcEndpointServiceConfiguration Service(string types)
    {
        var id = _lab.Cp.EndpointServiceConfigurations.CreateVpcEndpointServiceConfiguration(Ctx, new CreateVpcEndpointServiceConfigurationRequest
        {
            NetworkLoadBalancerArns = [_dualstackNlb], AcceptanceRequired = false, SupportedIpAddressTypes = types.Split(' '),
        }).ServiceConfiguration.Service.Id;
        return _lab.N.VpcEndpointServiceConfigurations[id];
    }

    private string Nlb(string name, Subnet subnet, string? ipType) =>
        _lab.Cp.LoadBalancers.CreateLoadBalancer(Ctx, new CreateLoadBalancerRequest
        {
            Name = name, Type = "network", Scheme = "internal", Subnets = [subnet.Id.Value], IpAddressType = ipType,
        }).Arn.Value;
}
