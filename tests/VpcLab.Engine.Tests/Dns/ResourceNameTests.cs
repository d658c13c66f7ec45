using VpcLab.ControlPlane.Scenarios;
using VpcLab.Engine.Dns;
using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Model;
using VpcLab.TestWorlds;

namespace VpcLab.Engine.Tests.Dns;

/// <summary>scenarios/ipv6-only.yaml through the ControlPlane and the engine: resource-name hostnames and IPv6-only
/// instances (docs/semantics.md#ipv6-only-subnets). EC2 User Guide, "Amazon EC2 instance hostname types"
/// (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-naming.html): "For private DNS hostnames based on IP
/// names … DNS A record queries are always responded to"; "for private DNS hostnames based on resource name, you can
/// configure whether DNS A and/or DNS AAAA queries for the instance are responded to". World: legacy-1 (dual-stack,
/// A and AAAA on), native-1 (IPv6-only, AAAA on), native-2 (IPv6-only, both off), an ipv6 SQS endpoint.</summary>
public class ResourceNameTests
{
    private static readonly Lazy<(Network Network, CompiledNetwork Compiled)> World = new(() =>
    {
        var network = ScenarioLoader.LoadFile(ShippedScenarios.PathOf("ipv6-only")).Network;
        return (network, CompiledNetwork.Compile(network));
    });

    private static Network Net => World.Value.Network;

    private static Instance Instance(string name) => Net.Instances.Values.Single(i => Net.TagsOf(i.Id.Value).Name == name);

    private static NetworkInterface Primary(string name) => Net.NetworkInterfaces[Instance(name).PrimaryNetworkInterface];

    private static string ResourceName(string name) => Ec2Hostnames.Resource(Instance(name).Id.Value, "us-east-1");

    private static DnsAnswer Resolve(string name, string? from = null) =>
        DnsResolver.For(Net).Resolve(from ?? Net.Vpcs.Values.Single().Id.Value, name);

    // The name's format: the instance id, then ec2.internal in us-east-1 (REGION.compute.internal elsewhere).
    [Theory]
    [InlineData("i-0123456789abcdef0", "us-east-1", "i-0123456789abcdef0.ec2.internal")]
    [InlineData("i-0123456789abcdef0", "eu-west-1", "i-0123456789abcdef0.eu-west-1.compute.internal")]
    public void Resource_Format_IdThenRegionDomain(string id, string region, string expected) =>
        Assert.Equal(expected, Ec2Hostnames.Resource(id, region));

    // Each instance's resource name answers the records its options enable: A → primary private IPv4, AAAA → its IPv6.
    [Theory]
    [InlineData("legacy-1", DnsStatus.Resolved, 1, 1)] // A and AAAA on (subnet dual-a's launch options)
    [InlineData("native-1", DnsStatus.Resolved, 0, 1)] // AAAA on (subnet v6-a), no IPv4 to answer an A query with
    [InlineData("native-2", DnsStatus.NoData, 0, 0)]   // both off (a new IPv6-only subnet's default): NOERROR, no address
    public void ResourceName_InsideItsVpc_RecordsFollowTheOptions(string instance, DnsStatus status, int a, int aaaa)
    {
        var answer = Resolve(ResourceName(instance));
        Assert.Equal(status, answer.Status);
        Assert.Equal(status == DnsStatus.Resolved ? DnsRule.ResourceName : DnsRule.ResourceNameRecordsOff, answer.Rule);
        Assert.Equal(Instance(instance).Id.Value, answer.ResourceId);
        Assert.Equal(a, answer.Addresses.Count(x => x.IsV4));
        Assert.Equal(aaaa, answer.Addresses.Count(x => x.IsV6));
        Assert.All(answer.Addresses, x => Assert.Contains(x, Primary(instance).AllPrivateAddresses));
    }

    // Like an IP name, a resource name is private: outside the instance's VPC it does not exist.
    [Fact]
    public void ResourceName_FromTheInternet_NxDomain()
    {
        var answer = Resolve(ResourceName("native-1"), DnsResolver.Internet);
        Assert.Equal(DnsStatus.NxDomain, answer.Status);
        Assert.Equal(DnsRule.PrivateHostnameOutsideItsVpc, answer.Rule);
    }

    // The IP name's A record is always answered, whatever the resource-name options; an IPv6-only instance has none.
    [Fact]
    public void IpName_DualStackInstance_AlwaysAnswersA()
    {
        var legacy = Primary("legacy-1");
        var answer = Resolve(Ec2Hostnames.Private(legacy.PrimaryPrivateIpv4!.Value, "us-east-1"));
        Assert.Equal(DnsRule.PrivateHostname, answer.Rule);
        Assert.Equal([legacy.PrimaryPrivateIpv4!.Value], answer.Addresses);
        Assert.Null(Primary("native-1").PrimaryPrivateIpv4);
    }

    // Traces to a resource name (the CLI's `trace --to NAME`): an IPv6-only client takes the AAAA; a client with IPv6
    // given A and AAAA prefers the AAAA (RFC 6724); a name with no records cannot be traced to.
    [Theory]
    [InlineData("native-1", "legacy-1", "ACCEPT")]
    [InlineData("legacy-1", "native-1", "ACCEPT")]
    [InlineData("native-2", "native-1", "ACCEPT")]
    public void Trace_ToResourceName_OverIpv6(string from, string to, string verdict)
    {
        var (network, compiled) = World.Value;
        var resolver = new EndpointResolver(network);
        var source = resolver.Resolve(from);
        var request = TraceRequest.Tcp(source, resolver.Resolve(ResourceName(to), source), 22);
        var trace = compiled.Trace(request, resolver.Resolutions).AssertWellFormed();
        trace.AssertVerdict(verdict);
        Assert.True(trace.Flow.Source.IsV6 && trace.Flow.Destination.IsV6);
        Assert.Equal(Primary(to).Ipv6Addresses[0], trace.Flow.Destination);
        var resolved = compiled.Resolve(request);
        Assert.Equal(trace.Reason, compiled.Decide(resolved.Flow, resolved.SourceInterfaceIndex).Reason);
    }

    [Fact]
    public void Trace_ToResourceNameWithoutRecords_Refused()
    {
        var resolver = new EndpointResolver(Net);
        var source = resolver.Resolve("native-1");
        var error = Assert.Throws<TraceRequestException>(() => resolver.Resolve(ResourceName("native-2"), source));
        Assert.Contains("NoData", error.Message, StringComparison.Ordinal);
    }

    // An IPv6-only interface has no IPv4: a trace between two such instances without a family is IPv6; the ipv6 SQS
    // endpoint answers AAAA only and is reached over IPv6 in the client's zone.
    [Theory]
    [InlineData("native-1", "native-2", 22)]
    [InlineData("native-1", "sqs.us-east-1.amazonaws.com", 443)]
    [InlineData("native-2", "sqs.us-east-1.amazonaws.com", 443)]
    public void Trace_FromIpv6OnlyInstance_IsIpv6AndAccepted(string from, string to, int port)
    {
        var (network, compiled) = World.Value;
        var resolver = new EndpointResolver(network);
        var source = resolver.Resolve(from);
        var trace = compiled.Trace(TraceRequest.Tcp(source, resolver.Resolve(to, source), (ushort)port), resolver.Resolutions).AssertWellFormed();
        trace.AssertVerdict("ACCEPT");
        Assert.True(trace.Flow.Source.IsV6);
    }
}
