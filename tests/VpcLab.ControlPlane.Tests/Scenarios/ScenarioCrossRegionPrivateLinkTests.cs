using VpcLab.ControlPlane.Scenarios;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests.Scenarios;

/// <summary>Scenario keys of cross-Region PrivateLink (docs/scenarios.md, docs/semantics.md#cross-region-privatelink): an
/// endpoint service's <c>supported-regions</c>; a consumer VPC in such a Region whose endpoint names the service gets a
/// cross-Region endpoint (ServiceRegion = the scenario's Region); without the key the endpoint is refused as AWS refuses
/// it, naming the line.</summary>
public sealed class ScenarioCrossRegionPrivateLinkTests
{
    private static string Yaml(string supported) => $$"""
        name: xr
        region: us-east-1
        vpcs:
          - name: svc
            cidr: 10.0.0.0/16
            subnets:
              - { name: nlb-a, az: us-east-1a, cidr: 10.0.1.0/24 }
            target-groups:
              - { name: app-tg, port: 80, target-type: ip }
            load-balancers:
              - name: app-nlb
                scheme: internal
                subnets: [nlb-a]
                listeners:
                  - { port: 80, target-group: app-tg }
          - name: west
            region: us-west-2
            cidr: 10.1.0.0/16
            subnets:
              - { name: ep-a, az: us-west-2a, cidr: 10.1.1.0/24 }
            endpoints:
              - { name: app-endpoint, service: app-service, subnets: [ep-a] }
        endpoint-services:
          - name: app-service
            load-balancers: [app-nlb]
            acceptance-required: false
        {{supported}}
        """;

    [Fact]
    public void SupportedRegions_ConsumerVpcInThatRegion_GetsACrossRegionEndpoint()
    {
        var loaded = ScenarioLoader.Load(ScenarioParser.Parse(Yaml("    supported-regions: [us-west-2]"), "xr.yaml"), "xr.yaml");
        var n = loaded.ControlPlane.Network;
        var service = n.VpcEndpointServiceConfigurations.Values.Single();
        Assert.Equal(["us-east-1", "us-west-2"], service.SupportedRegions);
        var endpoint = n.VpcEndpoints[new VpcEndpointId(loaded.Ids["app-endpoint"])];
        Assert.Equal(("us-west-2", "us-east-1", VpcEndpointState.Available), (endpoint.Region, endpoint.ServiceRegionName, endpoint.State));
    }

    [Fact] // Without us-west-2 among the service's Regions, AWS's refusal, with the scenario's line.
    public void NoSupportedRegions_CrossRegionEndpoint_RefusedNamingTheLine()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(ScenarioParser.Parse(Yaml(""), "xr.yaml"), "xr.yaml"));
        Assert.Contains("InvalidServiceName", e.Message, StringComparison.Ordinal);
        Assert.Contains("xr.yaml", e.Message, StringComparison.Ordinal);
    }
}
