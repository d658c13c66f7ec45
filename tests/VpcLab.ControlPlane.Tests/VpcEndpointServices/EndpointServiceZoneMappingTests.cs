using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests.VpcEndpointServices;

/// <summary>An endpoint service's Availability Zones across accounts whose zone names map differently
/// (docs/semantics.md#endpoint-services, #zones): the service is where its load balancers' nodes are, by zone id; each
/// account sees those zones under its own names; a consumer subnet whose zone id the service lacks is refused.
/// https://docs.aws.amazon.com/vpc/latest/privatelink/create-endpoint-service.html (considerations: "use the AZ IDs"),
/// https://docs.aws.amazon.com/global-infrastructure/latest/regions/az-ids.html.</summary>
public sealed class EndpointServiceZoneMappingTests
{
    private static readonly RequestContext Provider = TestLab.Ctx;

    // 123456789013's us-east-1 names are rotated by one: its us-east-1a is use1-az2, its us-east-1f use1-az1.
    private static readonly RequestContext Consumer = RequestContext.For("123456789013");

    private readonly TestLab _lab = new();
    private readonly VpcEndpointServiceConfiguration _service;
    private readonly Vpc _consumerVpc;

    public EndpointServiceZoneMappingTests()
    {
        var vpc = _lab.Vpc();
        var a = _lab.Subnet(vpc, "10.0.1.0/24", "us-east-1a");
        var b = _lab.Subnet(vpc, "10.0.2.0/24", "us-east-1b");
        var nlb = _lab.Cp.LoadBalancers.CreateLoadBalancer(Provider, new CreateLoadBalancerRequest
        {
            Name = "app", Type = "network", Scheme = "internal", Subnets = [a.Id.Value, b.Id.Value],
        });
        var id = _lab.Cp.EndpointServiceConfigurations.CreateVpcEndpointServiceConfiguration(Provider,
            new CreateVpcEndpointServiceConfigurationRequest { NetworkLoadBalancerArns = [nlb.Arn.Value], AcceptanceRequired = false })
            .ServiceConfiguration.Service.Id;
        _lab.Cp.EndpointConnections.ModifyVpcEndpointServicePermissions(Provider,
            new ModifyVpcEndpointServicePermissionsRequest { ServiceId = id.Value, AddAllowedPrincipals = ["arn:aws:iam::123456789013:root"] });
        _service = _lab.N.VpcEndpointServiceConfigurations[id];
        _consumerVpc = _lab.Vpc("10.1.0.0/16", ctx: Consumer);
    }

    // Each side lists the same two zone ids under its own names (AZ IDs page: "use the AZ IDs" to coordinate).
    [Theory]
    [InlineData("provider", "us-east-1a use1-az1|us-east-1b use1-az2")]
    [InlineData("consumer", "us-east-1a use1-az2|us-east-1f use1-az1")]
    public void DescribeVpcEndpointServices_Account_ServiceZonesInItsOwnNames(string who, string expected)
    {
        var ctx = who == "provider" ? Provider : Consumer;
        var seen = _lab.Cp.DescribeVpcEndpointServices(ctx, new DescribeVpcEndpointServicesRequest { ServiceNames = [_service.ServiceName] });
        var view = Assert.Single(seen.ProviderServices);
        Assert.Equal(expected, string.Join('|', view.Zones.Select(z => $"{z.Name} {z.ZoneId}")));
    }

    // Rows: the consumer's zone name of its endpoint subnet, whether the service is in that zone id. The consumer's
    // us-east-1a (use1-az2) is the provider's us-east-1b; its us-east-1b (use1-az3) holds no node, though the provider
    // has a node in a zone it also calls us-east-1b.
    [Theory]
    [InlineData("us-east-1a", true)]
    [InlineData("us-east-1f", true)]
    [InlineData("us-east-1b", false)]
    public void CreateVpcEndpoint_ConsumerZoneName_MatchedByZoneId(string zone, bool accepted)
    {
        var subnet = _lab.Cp.CreateSubnet(Consumer, new CreateSubnetRequest { VpcId = _consumerVpc.Id.Value, CidrBlock = "10.1.1.0/24", AvailabilityZone = zone }).Subnet;
        var request = new CreateVpcEndpointRequest
        {
            VpcId = _consumerVpc.Id.Value, VpcEndpointType = "Interface", ServiceName = _service.ServiceName, SubnetIds = [subnet.Id.Value],
        };
        if (accepted)
        {
            Assert.Equal(VpcEndpointState.Available, _lab.Cp.CreateVpcEndpoint(Consumer, request).VpcEndpoint.State);
            return;
        }
        var before = _lab.N;
        var error = Assert.Throws<Ec2Exception>(() => _lab.Cp.CreateVpcEndpoint(Consumer, request));
        Assert.Equal("InvalidParameter", error.Code.Code);
        Assert.Contains("does not support the availability zone of the subnet", error.Message, StringComparison.Ordinal);
        Assert.Equal(before.VpcEndpoints.Count, _lab.N.VpcEndpoints.Count);
    }
}
