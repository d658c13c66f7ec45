using System.Collections.Immutable;
using VpcLab.Engine.Dns;
using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Tests.Dns;

/// <summary>The Amazon DNS resolver's answers for EC2 hostnames (spec filtering-and-routing.md §3; peering DNS in
/// gateways-endpoints-peering.md §f; docs/semantics.md#vpc-peering). World: VPC A (requester) and VPC B (accepter) joined
/// by a peering, VPC C joined to nothing; a-1, b-1, c-1 each with a public IPv4. DNS support and hostnames are on
/// everywhere unless a variant turns them off.</summary>
public class DnsResolverTests
{
    [Flags]
    public enum Variant
    {
        None = 0,
        /// <summary>AllowDnsResolutionFromRemoteVpc on the requester's (A's) side.</summary>
        OptionOnA = 1,
        /// <summary>AllowDnsResolutionFromRemoteVpc on the accepter's (B's) side.</summary>
        OptionOnB = 2,
        HostnamesOffA = 4,
        HostnamesOffB = 8,
        DnsSupportOffA = 16,
        /// <summary>B is in eu-west-1.</summary>
        InterRegion = 32,
        /// <summary>The A–B peering was deleted.</summary>
        PeeringDeleted = 64,
    }

    private sealed record World(DnsResolver Resolver, Network Network, VpcId A, VpcId B, VpcId C)
    {
        public NetworkInterface Eni(string instanceName) => Network.NetworkInterfaces[Network.Instances.Values
            .Single(i => Network.TagsOf(i.Id.Value).Name == instanceName).PrimaryNetworkInterface];

        public IpAddress PrivateIp(string name) => Eni(name).PrimaryPrivateIp;

        public IpAddress PublicIp(string name) => Eni(name).PrivateIpAddresses[0].AutoAssignedPublicIp!.Value;

        public string PrivateName(string name) => Ec2Hostnames.Private(PrivateIp(name), Network.Vpcs[Eni(name).VpcId].Region);

        public string PublicName(string name) => Ec2Hostnames.Public(PublicIp(name), Network.Vpcs[Eni(name).VpcId].Region);

        public string From(string who) => who switch
        {
            "A" => A.Value,
            "B" => B.Value,
            "C" => C.Value,
            _ => DnsResolver.Internet,
        };
    }

    private static World Build(Variant v)
    {
        var b = new WorldBuilder();
        var a = b.Vpc("vpc-a", "10.0.0.0/16");
        var bb = b.Vpc("vpc-b", "10.1.0.0/16", region: v.HasFlag(Variant.InterRegion) ? "eu-west-1" : null);
        var c = b.Vpc("vpc-c", "10.2.0.0/16");
        var sa = b.Subnet("a", a, "10.0.1.0/24");
        var sb = b.Subnet("b", bb, "10.1.1.0/24");
        var sc = b.Subnet("c", c, "10.2.1.0/24");
        var pcx = b.Peering("a-b", a, bb, v.HasFlag(Variant.PeeringDeleted) ? VpcPeeringConnectionState.Deleted : VpcPeeringConnectionState.Active);
        b.Instance("a-1", sa, [b.DefaultSecurityGroup(a)], publicIp: true);
        b.Instance("b-1", sb, [b.DefaultSecurityGroup(bb)], publicIp: true);
        b.Instance("c-1", sc, [b.DefaultSecurityGroup(c)], publicIp: true);
        var network = b.Build();

        Vpc Dns(Vpc vpc, bool hostnamesOff, bool supportOff) =>
            vpc with { EnableDnsHostnames = !hostnamesOff, EnableDnsSupport = !supportOff };
        var peering = network.VpcPeeringConnections[pcx];
        // Interfaces of B carry B's Region (the builder puts every child in us-east-1).
        var region = network.Vpcs[bb].Region;
        network = network with
        {
            Vpcs = network.Vpcs
                .SetItem(a, Dns(network.Vpcs[a], v.HasFlag(Variant.HostnamesOffA), v.HasFlag(Variant.DnsSupportOffA)))
                .SetItem(bb, Dns(network.Vpcs[bb], v.HasFlag(Variant.HostnamesOffB), false))
                .SetItem(c, Dns(network.Vpcs[c], false, false)),
            VpcPeeringConnections = network.VpcPeeringConnections.SetItem(pcx, peering with
            {
                Requester = peering.Requester with { AllowDnsResolutionFromRemoteVpc = v.HasFlag(Variant.OptionOnA) },
                Accepter = peering.Accepter with { AllowDnsResolutionFromRemoteVpc = v.HasFlag(Variant.OptionOnB) },
            }),
            NetworkInterfaces = network.NetworkInterfaces.ToImmutableDictionary(kv => kv.Key,
                kv => kv.Value.VpcId == bb ? kv.Value with { Region = region } : kv.Value),
        };
        return new World(DnsResolver.Build(network), network, a, bb, c);
    }

    /// <summary>(rule, variant, asked from A/B/C/internet, whose name, private or public name, expected rule,
    /// expected address: "private", "public" or "none").</summary>
    public static TheoryData<string, Variant, string, string, string, DnsRule, string> Cases => new()
    {
        // AWS: a private hostname resolves inside its own VPC ...
        { "private name inside its VPC", Variant.None, "A", "a-1", "private", DnsRule.PrivateHostname, "private" },
        { "private name, hostnames off", Variant.HostnamesOffA, "A", "a-1", "private", DnsRule.PrivateHostname, "private" },
        // ... and nowhere else, peered or not, option or not.
        { "private name from the peer", Variant.OptionOnA | Variant.OptionOnB, "B", "a-1", "private", DnsRule.PrivateHostnameOutsideItsVpc, "none" },
        { "private name from an unpeered VPC", Variant.None, "C", "a-1", "private", DnsRule.PrivateHostnameOutsideItsVpc, "none" },
        { "private name from the internet", Variant.None, "internet", "a-1", "private", DnsRule.PrivateHostnameOutsideItsVpc, "none" },
        // AWS: the public hostname gives the private IP inside the VPC, the public IP outside.
        { "public name inside its VPC", Variant.None, "A", "a-1", "public", DnsRule.PublicHostnameInsideVpc, "private" },
        { "public name from the internet", Variant.None, "internet", "a-1", "public", DnsRule.PublicHostnameToPublicAddress, "public" },
        { "public name from an unpeered VPC", Variant.OptionOnA | Variant.OptionOnB, "C", "a-1", "public", DnsRule.PublicHostnameToPublicAddress, "public" },
        // AWS: without DNS hostnames the VPC's instances get no public hostname at all.
        { "public name, owner's hostnames off", Variant.HostnamesOffA, "internet", "a-1", "public", DnsRule.PublicHostnameNotAssigned, "none" },
        { "public name, owner's hostnames off, inside", Variant.HostnamesOffA, "A", "a-1", "public", DnsRule.PublicHostnameNotAssigned, "none" },
        // AWS: DNS support off: the VPC's Amazon resolver is not there.
        { "asker's DNS support off", Variant.DnsSupportOffA, "A", "a-1", "private", DnsRule.DnsSupportDisabled, "none" },
        { "asker's DNS support off, peer name", Variant.DnsSupportOffA | Variant.OptionOnB, "A", "b-1", "public", DnsRule.DnsSupportDisabled, "none" },
        // AWS: over a peering, the owner's side's AllowDnsResolutionFromRemoteVpc decides, in each direction.
        { "B asks A's name, option on A", Variant.OptionOnA, "B", "a-1", "public", DnsRule.PublicHostnameOverPeering, "private" },
        { "A asks B's name, option on A only", Variant.OptionOnA, "A", "b-1", "public", DnsRule.PublicHostnameToPublicAddress, "public" },
        { "A asks B's name, option on B", Variant.OptionOnB, "A", "b-1", "public", DnsRule.PublicHostnameOverPeering, "private" },
        { "B asks A's name, option on B only", Variant.OptionOnB, "B", "a-1", "public", DnsRule.PublicHostnameToPublicAddress, "public" },
        { "A asks B's name, option off both sides", Variant.None, "A", "b-1", "public", DnsRule.PublicHostnameToPublicAddress, "public" },
        { "both directions, option on both", Variant.OptionOnA | Variant.OptionOnB, "B", "a-1", "public", DnsRule.PublicHostnameOverPeering, "private" },
        // The option needs DNS hostnames on both VPCs: without them on the asking side, the public IP.
        { "option on B, A's hostnames off", Variant.OptionOnB | Variant.HostnamesOffA, "A", "b-1", "public", DnsRule.PublicHostnameToPublicAddress, "public" },
        // AWS: inter-Region peerings resolve to private IPs only with the option too (names carry B's Region).
        { "inter-Region, option on B", Variant.OptionOnB | Variant.InterRegion, "A", "b-1", "public", DnsRule.PublicHostnameOverPeering, "private" },
        { "inter-Region, option off", Variant.InterRegion, "A", "b-1", "public", DnsRule.PublicHostnameToPublicAddress, "public" },
        { "inter-Region private name from the peer", Variant.OptionOnB | Variant.InterRegion, "A", "b-1", "private", DnsRule.PrivateHostnameOutsideItsVpc, "none" },
        { "inter-Region private name inside", Variant.InterRegion, "B", "b-1", "private", DnsRule.PrivateHostname, "private" },
        // A peering that is no longer active resolves nothing privately.
        { "deleted peering", Variant.OptionOnA | Variant.OptionOnB | Variant.PeeringDeleted, "B", "a-1", "public", DnsRule.PublicHostnameToPublicAddress, "public" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolve_OneRowPerAwsDnsRule_ExpectedRuleAndAddresses(string rule, Variant variant, string from, string owner, string nameKind, DnsRule expectedRule, string expected)
    {
        var world = Build(variant);
        var name = nameKind == "private" ? world.PrivateName(owner) : world.PublicName(owner);
        var answer = world.Resolver.Resolve(world.From(from), name);
        Assert.True(expectedRule == answer.Rule, $"{rule}: expected {expectedRule}, got {answer}");
        var addresses = expected switch
        {
            "private" => [world.PrivateIp(owner)],
            "public" => [world.PublicIp(owner)],
            _ => ImmutableArray<IpAddress>.Empty,
        };
        Assert.Equal(addresses, answer.Addresses);
        Assert.Equal(expected != "none", answer.Resolved);
        Assert.False(string.IsNullOrEmpty(answer.Explanation));
    }

    // The answer names the peering that made a peer's private address visible.
    [Fact]
    public void Resolve_PeerPublicNameOverPeering_AnswerNamesThePeeringAndInterface()
    {
        var world = Build(Variant.OptionOnB);
        var answer = world.Resolver.Resolve(world.A, world.PublicName("b-1"));
        Assert.Equal(world.Network.VpcPeeringConnections.Keys.Single(), answer.Peering);
        Assert.Equal(world.Eni("b-1").Id.Value, answer.ResourceId);
    }

    // Names are case-insensitive and may end with the root dot; a VPC may be named by its Name tag.
    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Names_AreCaseInsensitive_AndVpcsMayBeNamed(bool upper, bool trailingDot)
    {
        var world = Build(Variant.None);
        var name = world.PrivateName("a-1");
        name = (upper ? name.ToUpperInvariant() : name) + (trailingDot ? "." : "");
        var answer = world.Resolver.Resolve("vpc-a", name);
        Assert.Equal(DnsRule.PrivateHostname, answer.Rule);
        Assert.Equal([world.PrivateIp("a-1")], answer.Addresses);
    }

    // us-east-1 keeps its historical domains; other Regions put their name in the domain.
    [Theory]
    [InlineData("10.0.1.5", "us-east-1", "ip-10-0-1-5.ec2.internal", "ec2-10-0-1-5.compute-1.amazonaws.com")]
    [InlineData("203.0.113.5", "eu-west-1", "ip-203-0-113-5.eu-west-1.compute.internal", "ec2-203-0-113-5.eu-west-1.compute.amazonaws.com")]
    public void Ec2Hostnames_PerRegion_MatchAwsPrivateAndPublicDnsNames(string address, string region, string privateName, string publicName)
    {
        Assert.Equal(privateName, Ec2Hostnames.Private(IpAddress.Parse(address), region));
        Assert.Equal(publicName, Ec2Hostnames.Public(IpAddress.Parse(address), region));
    }

    [Fact]
    public void Resolve_UnknownName_IsNxDomain()
    {
        var answer = Build(Variant.None).Resolver.Resolve(DnsResolver.Internet, "www.example.com");
        Assert.Equal(DnsStatus.NxDomain, answer.Status);
        Assert.Equal(DnsRule.UnknownName, answer.Rule);
    }

    [Theory]
    [InlineData("vpc-nowhere", "www.example.com", "vpc-nowhere")]
    [InlineData("internet", "bad..name", "bad..name")]
    [InlineData("internet", "-bad.example.com", "-bad.example.com")]
    [InlineData("internet", " ", "required")]
    public void BadQuestions_AreErrorsNamingTheProblem(string from, string name, string named)
    {
        var error = Assert.Throws<DnsQueryException>(() => Build(Variant.None).Resolver.Resolve(from, name));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    // The same private address in two unpeered VPCs: each VPC sees its own interface under the shared name.
    [Fact]
    public void SamePrivateAddress_InTwoVpcs_EachSeesItsOwn()
    {
        var b = new WorldBuilder();
        var x = b.Vpc("x", "10.0.0.0/16");
        var y = b.Vpc("y", "10.0.0.0/16");
        var ex = b.Interface("ex", b.Subnet("sx", x, "10.0.1.0/24"), []);
        var ey = b.Interface("ey", b.Subnet("sy", y, "10.0.1.0/24"), []);
        var resolver = DnsResolver.For(b.Build());
        var name = Ec2Hostnames.Private(IpAddress.Parse("10.0.1.10"), WorldBuilder.Region);
        Assert.Equal(ex.Value, resolver.Resolve(x, name).ResourceId);
        Assert.Equal(ey.Value, resolver.Resolve(y, name).ResourceId);
    }

    // Cached per snapshot like a compiled network.
    [Fact]
    public void For_SameOrCopiedSnapshot_OneResolverPerSnapshot()
    {
        var network = Build(Variant.None).Network;
        Assert.Same(DnsResolver.For(network), DnsResolver.For(network));
        Assert.NotSame(DnsResolver.For(network), DnsResolver.For(network with { }));
    }

    // Sources are asked in order: a source placed first overrides the EC2 names (how private zones will work).
    [Fact]
    public void Build_SourcePlacedFirst_OverridesTheEc2Names()
    {
        var world = Build(Variant.None);
        var name = world.PublicName("a-1");
        var overriding = new FixedSource(name, IpAddress.Parse("10.9.9.9"));
        var resolver = DnsResolver.Build(world.Network, [overriding, .. DnsResolver.DefaultSources(world.Network)]);
        Assert.Equal([IpAddress.Parse("10.9.9.9")], resolver.Resolve(DnsResolver.Internet, name).Addresses);
        Assert.Equal([world.PrivateIp("a-1")], resolver.Resolve(world.A, world.PrivateName("a-1")).Addresses);
    }

    private sealed class FixedSource(string name, IpAddress address) : IDnsRecordSource
    {
        public DnsAnswer? Answer(DnsQuery query) => query.Name == name
            ? new DnsAnswer(query.Name, query.FromText, DnsStatus.Resolved, DnsRule.PrivateHostname, [address], "fixed")
            : null;
    }
}
