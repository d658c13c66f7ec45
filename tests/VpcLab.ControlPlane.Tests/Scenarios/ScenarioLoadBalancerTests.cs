using VpcLab.ControlPlane.Scenarios;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests.Scenarios;

/// <summary>The per-VPC <c>target-groups:</c> and <c>load-balancers:</c> sections (docs/scenarios.md): built through the
/// Elastic Load Balancing operations, so AWS's validation applies and its errors name the scenario line.</summary>
public sealed class ScenarioLoadBalancerTests
{
    private const string World = """
        name: nlb
        vpcs:
          - name: app
            cidr: 10.0.0.0/16
            internet-gateway: igw
            subnets:
              - { name: pub-a, az: us-east-1a, cidr: 10.0.1.0/24 }
              - { name: pub-b, az: us-east-1b, cidr: 10.0.2.0/24 }
              - { name: pub-a2, az: us-east-1a, cidr: 10.0.3.0/24 }
              - { name: app-a, az: us-east-1a, cidr: 10.0.11.0/24 }
            security-groups:
              - name: web-sg
                ingress:
                  - { protocol: tcp, ports: 80, source: 10.0.0.0/16 }
            instances:
              - { name: web-a, subnet: app-a, security-groups: [web-sg] }
            target-groups:
              - { name: web-tg, port: 80, targets: [web-a], preserve-client-ip: false }
        """;

    private static LoadedScenario Load(string loadBalancers) =>
        ScenarioLoader.Load(ScenarioParser.Parse(World + "\n" + loadBalancers, "nlb.yaml"), "nlb.yaml");

    [Fact]
    public void LoadBalancerSection_Listener_NodesTargetsAndAttributesBuilt()
    {
        var loaded = Load("""
                load-balancers:
                  - name: web
                    scheme: internal
                    subnets: [pub-a, pub-b]
                    cross-zone: true
                    listeners:
                      - { port: 80, target-group: web-tg }
            """);
        var n = loaded.ControlPlane.Network;
        var lb = n.LoadBalancers.Values.Single();
        Assert.Equal(LoadBalancerScheme.Internal, lb.Scheme);
        Assert.True(lb.CrossZoneEnabled);
        Assert.Equal(2, lb.Nodes.Length);
        var group = n.TargetGroups.Values.Single();
        Assert.Equal(loaded.Ids["web-a"], group.Targets.Single().Id);
        Assert.False(group.PreservesClientIp); // as the scenario set it
        Assert.Equal(group.Arn, n.Listeners.Values.Single().DefaultTargetGroupArn);
        Assert.Equal(lb.Arn.Value, loaded.Ids["web"]);
    }

    [Theory] // Each refusal is AWS's (or the reader's), with the scenario's file and line.
    [InlineData("[pub-a, pub-a2]", null, "InvalidConfigurationRequest")] // one subnet per zone
    [InlineData("[pub-a]", "{ port: 80, protocol: UDP, target-group: web-tg }", "IncompatibleProtocols")]
    [InlineData("[pub-a]", "{ port: 80, target-group: nope }", "target group 'nope' is not defined")]
    public void LoadBalancerSection_Refused_ErrorNamesLine(string subnets, string? listener, string expected)
    {
        var yaml = "    load-balancers:\n      - name: web\n        scheme: internal\n        subnets: " + subnets
            + (listener is null ? "" : "\n        listeners: [" + listener + "]");
        var e = Assert.Throws<ScenarioException>(() => Load(yaml));
        Assert.Contains("nlb.yaml:", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
