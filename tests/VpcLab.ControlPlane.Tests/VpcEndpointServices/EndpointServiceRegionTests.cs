using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests.VpcEndpointServices;

/// <summary>Cross-Region PrivateLink is not modelled, and said so (docs/semantics.md#endpoint-services): AWS lets a
/// provider list SupportedRegions and a consumer name a ServiceRegion
/// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpoint.html,
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVpcEndpointServiceConfiguration.html); the lab
/// accepts only the caller's own Region there and refuses any other with InvalidParameter, nothing created.</summary>
public sealed class EndpointServiceRegionTests
{
    private static readonly RequestContext Provider = TestLab.Ctx;

    private readonly TestLab _lab = new();
    private readonly VpcEndpointServiceConfiguration _service;
    private readonly Subnet _subnet;

    public EndpointServiceRegionTests()
    {
        var vpc = _lab.Vpc();
        var a = _lab.Subnet(vpc, "10.0.1.0/24", "us-east-1a");
        _subnet = _lab.Subnet(vpc, "10.0.2.0/24", "us-east-1a");
        var nlb = _lab.Cp.LoadBalancers.CreateLoadBalancer(Provider, new CreateLoadBalancerRequest
        {
            Name = "app", Type = "network", Scheme = "internal", Subnets = [a.Id.Value],
        });
        var id = _lab.Cp.EndpointServiceConfigurations.CreateVpcEndpointServiceConfiguration(Provider,
            new CreateVpcEndpointServiceConfigurationRequest { NetworkLoadBalancerArns = [nlb.Arn.Value], AcceptanceRequired = false })
            .ServiceConfiguration.Service.Id;
        _service = _lab.N.VpcEndpointServiceConfigurations[id];
    }

    // Rows: the ServiceRegion given, whether the endpoint is created.
    [Theory]
    [InlineData(null, true)]
    [InlineData("us-east-1", true)] // the endpoint's own Region
    [InlineData("us-west-2", false)] // cross-Region: refused
    public void CreateVpcEndpoint_ServiceRegion_OwnRegionOnly(string? region, bool created)
    {
        var request = new CreateVpcEndpointRequest
        {
            VpcId = _subnet.VpcId.Value, VpcEndpointType = "Interface", ServiceName = _service.ServiceName, SubnetIds = [_subnet.Id.Value],
            ServiceRegion = region,
        };
        if (created)
        {
            Assert.Equal(VpcEndpointState.Available, _lab.Cp.CreateVpcEndpoint(Provider, request).VpcEndpoint.State);
            return;
        }
        var error = _lab.FailsWith("InvalidParameter", () => _lab.Cp.CreateVpcEndpoint(Provider, request));
        Assert.Contains("Cross-Region PrivateLink is not modelled", error.Message, StringComparison.Ordinal);
    }

    [Fact] // A provider may not add another Region to its service's SupportedRegions.
    public void ModifyConfiguration_AddSupportedRegionElsewhere_Refused() =>
        _lab.FailsWith("InvalidParameter", () => _lab.Cp.EndpointServiceConfigurations.ModifyVpcEndpointServiceConfiguration(Provider,
            new ModifyVpcEndpointServiceConfigurationRequest { ServiceId = _service.Id.Value, AddSupportedRegions = ["us-west-2"] }));

    // DescribeVpcEndpointServices ServiceRegion.N: the caller's Region lists the service; another lists nothing.
    [Theory]
    [InlineData("us-east-1", true)]
    [InlineData("us-west-2", false)]
    public void DescribeVpcEndpointServices_ServiceRegion_OnlyTheCallersRegionHasServices(string region, bool listed)
    {
        var seen = _lab.Cp.DescribeVpcEndpointServices(Provider, new DescribeVpcEndpointServicesRequest { ServiceRegions = [region] });
        Assert.Equal(listed, seen.ServiceNames.Contains(_service.ServiceName));
        Assert.Equal(listed, seen.ServiceDetails.Count > 0);
    }
}
