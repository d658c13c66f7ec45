using VpcLab.ControlPlane.Scenarios;
using VpcLab.Engine.Dns;
using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Model;
using VpcLab.Net;
using VpcLab.TestWorlds;

namespace VpcLab.Engine.Tests.InterfaceEndpoints;

/// <summary>scenarios/ipv6-endpoints.yaml, loaded through the ControlPlane: a dual-stack SQS endpoint whose names answer
/// AAAA only (DnsRecordIpType ipv6), a dual-stack SNS endpoint with A and AAAA records, an ipv4 KMS endpoint. Rules:
/// "DnsRecordIpType … ipv4: Create A records for the private, Regional, and zonal DNS names; ipv6: … AAAA records;
/// dualstack: … A and AAAA records; service-defined: A records for the private, Regional, and zonal DNS names and AAAA
/// records for the Regional and zonal DNS names"
/// (https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_ec2.VpcEndpointDnsRecordIpType.html;
/// docs/semantics.md#endpoint-ip-address-types).</summary>
public class Ipv6EndpointScenarioTests
{
    private static readonly Lazy<(Network Network, CompiledNetwork Compiled)> World = new(() =>
    {
        var network = ScenarioLoader.LoadFile(ShippedScenarios.PathOf("ipv6-endpoints")).Network;
        return (network, CompiledNetwork.Compile(network));
    });

    private static VpcEndpoint Endpoint(string name) => World.Value.Network.Endpoint(name);

    private static Trace Trace(string from, string to)
    {
        var (network, compiled) = World.Value;
        var resolver = new EndpointResolver(network);
        var source = resolver.Resolve(from);
        var request = TraceRequest.Tcp(source, resolver.Resolve(to, source), 443);
        var trace = compiled.Trace(request, resolver.Resolutions).AssertWellFormed();
        var resolved = compiled.Resolve(request);
        Assert.Equal(trace.Reason, compiled.Decide(resolved.Flow, resolved.SourceInterfaceIndex).Reason);
        return trace;
    }

    private static DnsAnswer Resolve(string name)
    {
        var network = World.Value.Network;
        var vpc = network.Vpcs.Values.Single();
        return DnsResolver.For(network).Resolve(vpc.Id, name);
    }

    // Private DNS names: ipv6 records → AAAA only; dualstack → A and AAAA; ipv4 (the default of an ipv4 endpoint) → A only.
    [Theory]
    [InlineData("sqs", "sqs-endpoint", 0, 2)]
    [InlineData("sns", "sns-endpoint", 1, 1)]
    [InlineData("kms", "kms-endpoint", 1, 0)]
    public void PrivateDnsName_RecordTypes_FollowDnsRecordIpType(string service, string endpoint, int a, int aaaa)
    {
        var answer = Resolve($"{service}.us-east-1.amazonaws.com");
        Assert.Equal(DnsRule.VpcEndpointPrivateDns, answer.Rule);
        Assert.Equal(Endpoint(endpoint).Id.Value, answer.ResourceId);
        Assert.Equal(a, answer.Addresses.Count(x => x.IsV4));
        Assert.Equal(aaaa, answer.Addresses.Count(x => x.IsV6));
    }

    // The regional and zonal names carry the same record types as the private name (ipv4, ipv6, dualstack).
    [Fact]
    public void RegionalAndZonalNames_Ipv6Records_AaaaOnly()
    {
        var sqs = Endpoint("sqs-endpoint");
        var regional = Resolve(VpcEndpointDnsNames.Regional(sqs));
        Assert.Equal(2, regional.Addresses.Length);
        Assert.All(regional.Addresses, x => Assert.True(x.IsV6));
        var zonal = Resolve(VpcEndpointDnsNames.Zonal(sqs, "us-east-1b"));
        Assert.True(Assert.Single(zonal.Addresses).IsV6);
    }

    // An IPv6-only consumer of SQS: the name answers AAAA only, so the flow is IPv6 end to end, to the endpoint's
    // interface in the client's zone, through its security group (a group reference covers the client's IPv6 address).
    [Theory]
    [InlineData("v6-1", "sqs")]
    [InlineData("app-1", "sqs")]
    [InlineData("app-1", "sns")] // dual-stack answer: a client with IPv6 prefers the AAAA (RFC 6724)
    public void Ipv6Client_ToServiceName_AcceptedOverIpv6ThroughTheEndpoint(string from, string service)
    {
        var trace = Trace(from, $"{service}.us-east-1.amazonaws.com");
        trace.AssertVerdict("ACCEPT");
        Assert.True(trace.Flow.Destination.IsV6);
        Assert.Contains(trace.Forward, h => h.Component.Kind == ComponentKind.InterfaceEndpoint);
        Assert.Contains("same AZ", trace.Forward.First(h => h.Component.Kind == ComponentKind.InterfaceEndpoint).EndpointZone!.Summary, StringComparison.Ordinal);
    }

    // The ipv4 KMS endpoint answers A records only: the same client reaches it over IPv4.
    [Fact]
    public void Ipv4Endpoint_FromDualStackClient_AcceptedOverIpv4()
    {
        var trace = Trace("app-1", "kms.us-east-1.amazonaws.com");
        trace.AssertVerdict("ACCEPT");
        Assert.True(trace.Flow.Destination.IsV4);
    }

    // Spec §e: "IPv6 addresses of endpoint ENIs are not reachable from the internet (the ENI shows
    // denyAllIgwTraffic=true)". The same world with an internet gateway, a ::/0 route and the endpoint's group open to
    // ::/0: the internet reaches an instance's IPv6 address (then its group decides) but never the endpoint's.
    [Fact]
    public void InternetIpv6_ToEndpointInterface_RefusedAtTheInternetGateway()
    {
        var yaml = File.ReadAllText(ShippedScenarios.PathOf("ipv6-endpoints"))
            .Replace("    ipv6: true\n", "    ipv6: true\n    internet-gateway: app-igw\n", StringComparison.Ordinal)
            .Replace("    security-groups:\n      - name: app-sg", """
                    route-tables:
                      - name: public-rt
                        main: true
                        routes:
                          - { destination: "::/0", target: app-igw }
                    security-groups:
                      - name: app-sg
                """, StringComparison.Ordinal)
            .Replace("          - { protocol: tcp, ports: 443, source: app-sg }", "          - { protocol: tcp, ports: 443, source: app-sg }\n          - { protocol: tcp, ports: 443, source: \"::/0\" }", StringComparison.Ordinal);
        var path = Path.Combine(Directory.CreateTempSubdirectory("vpclab-ipv6-igw-").FullName, "ipv6-igw.yaml");
        File.WriteAllText(path, yaml);
        var network = ScenarioLoader.LoadFile(path).Network;
        var compiled = CompiledNetwork.Compile(network);
        var endpointEni = network.NetworkInterfaces[network.Endpoint("sqs-endpoint").NetworkInterfaceIds[0]];
        var resolver = new EndpointResolver(network);
        var request = TraceRequest.Tcp(resolver.Resolve("2001:db8::7"), resolver.Resolve(endpointEni.Ipv6Addresses[0].ToString()), 443);
        var trace = compiled.Trace(request).AssertWellFormed();
        trace.AssertVerdict("IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS");
        var resolved = compiled.Resolve(request);
        Assert.Equal(trace.Reason, compiled.Decide(resolved.Flow, resolved.SourceInterfaceIndex).Reason);
        // An instance's IPv6 address passes the same gateway (its group, which allows nothing in, then refuses it).
        var instance = compiled.Trace(TraceRequest.Tcp(resolver.Resolve("2001:db8::7"), resolver.Resolve("app-1"), 443, IpFamily.V6));
        Assert.DoesNotContain(instance.Explanations, e => e.Code == ExplanationCode.IgwPrivateIpAssociationForIngress);
        Assert.Contains(instance.Forward, h => h.Component.Kind == ComponentKind.InternetGateway);
    }
}
