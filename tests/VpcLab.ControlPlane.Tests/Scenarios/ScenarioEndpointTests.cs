using VpcLab.ControlPlane.Scenarios;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Tests.Scenarios;

/// <summary>The <c>prefix-lists:</c>, <c>buckets:</c> and per-VPC <c>endpoints:</c> sections. Each goes through the
/// control plane's operations, so AWS's validation applies and its errors name the scenario line.</summary>
public sealed class ScenarioEndpointTests
{
    private const string World = """
        name: endpoints
        accounts:
          - { name: main, id: '111111111111' }
          - { name: other, id: '222222222222' }
        vpcs:
          - name: app
            cidr: 10.0.0.0/16
            enable-dns-hostnames: true
            subnets:
              - { name: a, az: us-east-1a, cidr: 10.0.1.0/24 }
              - { name: b, az: us-east-1b, cidr: 10.0.2.0/24 }
              - { name: a2, az: us-east-1a, cidr: 10.0.3.0/24 }
            route-tables:
              - { name: rt-a, subnets: [a] }
              - { name: rt-b, subnets: [b] }
            security-groups:
              - name: endpoint-sg
                ingress:
                  - { protocol: tcp, ports: 443, source: 10.0.0.0/16 }
        """;

    private static LoadedScenario Load(string vpcExtra, string rootExtra = "") =>
        ScenarioLoader.Load(ScenarioParser.Parse(World + "\n" + vpcExtra + "\n" + rootExtra, "ep.yaml"), "ep.yaml");

    private static string LoadError(string vpcExtra, string rootExtra = "") =>
        Assert.Throws<ScenarioException>(() => Load(vpcExtra, rootExtra)).Message;

    [Fact]
    public void GatewayEndpoint_RouteTablesListed_PrefixListRouteOnlyInThoseTables()
    {
        var loaded = Load("""
                endpoints:
                  - { name: s3-ep, service: s3, route-tables: [rt-a] }
            """);
        var endpoint = loaded.Network.VpcEndpoints[new VpcEndpointId(loaded.IdOf("s3-ep"))];
        Assert.Equal(VpcEndpointType.Gateway, endpoint.Type);
        Assert.Equal("com.amazonaws.us-east-1.s3", endpoint.ServiceName);
        var s3List = loaded.Network.PrefixLists.Values.Single(p => p.Name == "com.amazonaws.us-east-1.s3").Id;
        var rtA = loaded.Network.RouteTables[new RouteTableId(loaded.IdOf("rt-a"))];
        var rtB = loaded.Network.RouteTables[new RouteTableId(loaded.IdOf("rt-b"))];
        Assert.Contains(rtA.Routes, r => r.Destination.PrefixListId == s3List && r.Target.Id == endpoint.Id.Value
            && r.Target.Kind == RouteTargetKind.GatewayEndpoint);
        Assert.DoesNotContain(rtB.Routes, r => r.Destination.PrefixListId is not null);
    }

    [Fact]
    public void InterfaceEndpoint_IsTheDefaultTypeForOtherServices_WithOneInterfacePerSubnet()
    {
        var loaded = Load("""
                endpoints:
                  - { name: sns-ep, service: sns, subnets: [a, b], security-groups: [endpoint-sg] }
            """);
        var endpoint = loaded.Network.VpcEndpoints[new VpcEndpointId(loaded.IdOf("sns-ep"))];
        Assert.Equal(VpcEndpointType.Interface, endpoint.Type);
        Assert.True(endpoint.PrivateDnsEnabled);
        Assert.Equal(2, endpoint.NetworkInterfaceIds.Length);
        Assert.All(endpoint.NetworkInterfaceIds, id =>
            Assert.Equal(NetworkInterfaceType.VpcEndpoint, loaded.Network.NetworkInterfaces[id].InterfaceType));
    }

    [Theory]
    // AWS: at most one subnet per Availability Zone (DuplicateSubnetsInSameZone).
    [InlineData("{ name: e, service: sns, subnets: [a, a2] }", "DuplicateSubnetsInSameZone")]
    // AWS: an unknown service name is InvalidServiceName.
    [InlineData("{ name: e, service: no-such-service, subnets: [a] }", "InvalidServiceName")]
    [InlineData("{ name: e, service: sns, type: sideways, subnets: [a] }", "neither gateway nor interface")]
    [InlineData("{ name: e, service: s3, route-tables: [rt-zzz] }", "route table 'rt-zzz' is not defined")]
    [InlineData("{ name: e, service: s3, route-tables: [rt-a], policy: 'not json' }", "ep.yaml:")]
    public void BadEndpoint_IsRefusedWithItsLine(string endpoint, string expected)
    {
        var message = LoadError($"""
                endpoints:
                  - {endpoint}
            """);
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.StartsWith("ep.yaml:", message, StringComparison.Ordinal);
    }

    [Fact]
    public void BucketPolicy_EndpointByScenarioName_ReplacedWithTheVpcEndpointId()
    {
        var loaded = Load("""
                endpoints:
                  - { name: s3-ep, service: s3, route-tables: [rt-a] }
            """, """
            buckets:
              - name: reports
                policy: |
                  {"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::reports/*",
                    "Condition":{"StringNotEquals":{"aws:SourceVpce":"{{s3-ep}}"}}}]}
              - { name: archive, account: other, region: us-west-2 }
            """);
        var reports = loaded.Network.Buckets["reports"];
        Assert.Contains(loaded.IdOf("s3-ep"), reports.Policy, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", reports.Policy, StringComparison.Ordinal);
        Assert.Equal(new AccountId("111111111111"), reports.OwnerId);
        var archive = loaded.Network.Buckets["archive"];
        Assert.Equal(("us-west-2", new AccountId("222222222222"), (string?)null), (archive.Region, archive.OwnerId, archive.Policy));
    }

    [Theory]
    // S3 bucket naming rules: 3-63 lower-case letters, digits, dots and hyphens; not an IP address.
    [InlineData("name: Upper-Case", "InvalidBucketName")]
    [InlineData("name: ab", "InvalidBucketName")]
    [InlineData("name: 192.168.1.1", "InvalidBucketName")]
    [InlineData("{ name: ok-bucket, policy: '{\"Statement\":[]}' }", "MalformedPolicy")]
    public void BadBucket_IsRefused(string bucket, string expected)
    {
        var item = bucket.StartsWith('{') ? bucket : "{ " + bucket + " }";
        var message = LoadError("", $"""
            buckets:
              - {item}
            """);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void BucketNames_AreGlobal_AcrossAccounts()
    {
        var message = LoadError("", """
            buckets:
              - { name: shared-name }
              - { name: shared-name, account: other }
            """);
        Assert.Contains("BucketAlreadyExists", message, StringComparison.Ordinal);
    }

    [Fact]
    public void PrefixList_IsCreatedBeforeTheVpcs_SoRulesAndRoutesMayNameIt()
    {
        var loaded = ScenarioLoader.Load(ScenarioParser.Parse("""
            name: pl
            prefix-lists:
              - { name: office, entries: [203.0.113.0/24, 198.51.100.0/25], max-entries: 5 }
            vpcs:
              - name: v
                cidr: 10.0.0.0/16
                internet-gateway: igw
                subnets:
                  - { name: s, az: us-east-1a, cidr: 10.0.1.0/24 }
                security-groups:
                  - name: admin
                    ingress:
                      - { protocol: tcp, ports: 22, source: office }
                route-tables:
                  - name: rt
                    subnets: [s]
                    routes:
                      - { destination: office, target: igw }
            """, "pl.yaml"), "pl.yaml");
        var list = loaded.Network.PrefixLists[new PrefixListId(loaded.IdOf("office"))];
        Assert.Equal((5, 2), (list.MaxEntries, list.Entries.Length));
        Assert.Contains(Cidr.Parse("198.51.100.0/25"), list.Entries.Select(e => e.Cidr));
        var group = loaded.Network.SecurityGroups[new SecurityGroupId(loaded.IdOf("admin"))];
        Assert.Contains(group.Rules, r => r.Peer is PrefixListPeer p && p.PrefixListId == list.Id);
        var table = loaded.Network.RouteTables[new RouteTableId(loaded.IdOf("rt"))];
        Assert.Contains(table.Routes, r => r.Destination.PrefixListId == list.Id);
    }
}
