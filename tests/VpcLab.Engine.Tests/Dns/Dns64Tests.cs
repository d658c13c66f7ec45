using VpcLab.Engine.Dns;
using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Model;
using VpcLab.Net;
using VpcLab.TestWorlds;

namespace VpcLab.Engine.Tests.Dns;

/// <summary>DNS64 of the Route 53 Resolver, a subnet attribute (VPC User Guide, "DNS64 and NAT64",
/// https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-nat64-dns64.html; docs/semantics.md#dns64). World: the
/// NAT64 seed world of <see cref="Nat64Tests"/> (app-rt routes 64:ff9b::/96 to nat-a; legacy-1 is IPv4 only at
/// 10.0.40.10).</summary>
public class Dns64Tests
{
    private static readonly string LegacyName = Ec2Hostnames.Private(IpAddress.Parse("10.0.40.10"), WorldBuilder.Region);

    // AWS: "you can enable DNS64 for a subnet and it applies to all the AWS resources within that subnet": with it on,
    // a name with no IPv6 address gets 64:ff9b::/96 + its IPv4 address; with it off, or asked from another subnet of
    // the same VPC, the answer is the plain A record.
    [Theory]
    [InlineData(true, "app-a", "10.0.40.10,64:ff9b::a00:280a")]
    [InlineData(false, "app-a", "10.0.40.10")]
    [InlineData(true, "db-a", "10.0.40.10")]      // DNS64 on app-a only
    public void Resolve_FromSubnet_Dns64SynthesisesAaaaOnlyWhereOn(bool dns64, string from, string expected)
    {
        var seed = Nat64Tests.World(s => s.B.SetDns64(s.AppA, dns64));
        var subnet = from == "app-a" ? seed.AppA : seed.DbA;
        var answer = DnsResolver.Build(seed.B.Build()).Resolve(subnet, LegacyName);
        Assert.Equal(expected.Split(',').Select(IpAddress.Parse), answer.Addresses);
        Assert.Equal(dns64 && from == "app-a" ? subnet : null, answer.Dns64Subnet);
        Assert.Equal(DnsRule.PrivateHostname, answer.Rule);
    }

    // AWS: "If the record contains an IPv6 address, it returns the original record"; NXDOMAIN stays NXDOMAIN.
    [Theory]
    [InlineData("v6.example.internal", "2600:1f18::1")]
    [InlineData("dual.example.internal", "10.9.9.9,2600:1f18::1")]
    public void Resolve_NameWithIpv6Record_ReturnedAsItIs(string name, string addresses)
    {
        var seed = Nat64Tests.World(s => s.B.SetDns64(s.AppA, true));
        var network = seed.B.Build();
        var source = new FixedSource(name, [.. addresses.Split(',').Select(IpAddress.Parse)]);
        var resolver = DnsResolver.Build(network, [source, .. DnsResolver.DefaultSources(network)]);
        var answer = resolver.Resolve(seed.AppA, name);
        Assert.Equal(addresses.Split(',').Select(IpAddress.Parse), answer.Addresses);
        Assert.Null(answer.Dns64Subnet);
        Assert.Equal(DnsStatus.NxDomain, resolver.Resolve(seed.AppA, "nothing.example.internal").Status);
    }

    // `vpclab resolve --vpc` names the asker: a subnet's id or Name tag asks with that subnet's DNS64 setting.
    [Fact]
    public void Resolve_FromSubnetNameTag_UsesTheSubnetsSetting()
    {
        var seed = Nat64Tests.World(s => s.B.SetDns64(s.AppA, true));
        var resolver = DnsResolver.Build(seed.B.Build());
        Assert.Equal(2, resolver.Resolve("app-a", LegacyName).Addresses.Length);
        Assert.Equal(2, resolver.Resolve(seed.AppA.Value, LegacyName).Addresses.Length);
        Assert.Single(resolver.Resolve("seed-vpc", LegacyName).Addresses);
    }

    // AWS: with DNS64, the IPv6 workload "sends network packets to the synthesized IPv6 address" and the route to the
    // NAT gateway takes it there. Choice: a client with an IPv6 address uses the synthesised address (RFC 6724 prefers
    // IPv6); one without uses the A record.
    [Theory]
    [InlineData("app-1", true, "64:ff9b::a00:280a", true)]    // IPv6 client, DNS64 on: via NAT64
    [InlineData("app-1", false, "10.0.40.10", false)]         // DNS64 off: plain IPv4 through app-rt's local route
    [InlineData("app-2", true, "10.0.40.10", false)]          // app-2 has no IPv6 address
    public void Trace_ToIpv4OnlyName_GoesThroughNat64WhenDns64IsOn(string from, bool dns64, string destination, bool viaNat)
    {
        var seed = Nat64Tests.World(s =>
        {
            s.B.SetDns64(s.AppA, dns64);
            s.B.SetDns64(s.AppB, dns64);
        });
        var world = seed.Compile();
        var resolver = new EndpointResolver(world.Network);
        var source = resolver.Resolve(from);
        var request = TraceRequest.Tcp(source, resolver.Resolve(LegacyName, source), 443);
        var trace = world.Trace(request, resolver.Resolutions).AssertWellFormed();
        trace.AssertAccepted();
        Assert.Equal(IpAddress.Parse(destination), trace.Flow.Destination);
        Assert.Equal(viaNat, trace.Forward.Any(h => h.Component.Kind == ComponentKind.NatGateway));
        Assert.Equal(world.Decide(world.Resolve(request).Flow, world.Resolve(request).SourceInterfaceIndex).Verdict, trace.Verdict);
    }

    private sealed class FixedSource(string name, IpAddress[] addresses) : IDnsRecordSource
    {
        public DnsAnswer? Answer(DnsQuery query) => query.Name == name
            ? new DnsAnswer(query.Name, query.FromText, DnsStatus.Resolved, DnsRule.PrivateHostname, [.. addresses], "fixed")
            : null;
    }
}
