using VpcLab.Engine.Dns;
using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Tests.InterfaceEndpoints;

/// <summary>Variations of <see cref="EndpointWorld"/>.</summary>
[Flags]
public enum EndpointVariant
{
    None = 0,
    /// <summary>The SNS endpoint has private DNS off.</summary>
    PrivateDnsOff = 1,
    /// <summary>The VPC has enableDnsHostnames off.</summary>
    HostnamesOff = 2,
    /// <summary>The VPC has enableDnsSupport off.</summary>
    DnsSupportOff = 4,
    /// <summary>endpoint-sg allows 443 only from app-a (10.0.1.0/24).</summary>
    EndpointSgOnlyFromAppA = 8,
    /// <summary>endpoint-sg allows every protocol from the VPC (so only the endpoint itself can refuse UDP).</summary>
    EndpointSgAllProtocols = 16,
    /// <summary>The endpoint subnets' NACL lets in only TCP 80 (443 hits the '*' deny).</summary>
    NaclDeniesInbound443 = 32,
    /// <summary>The endpoint subnets' NACL lets 443 in but no reply out (ephemeral ports denied outbound).</summary>
    NaclDeniesReplies = 64,
    /// <summary>The SNS endpoint is still pending.</summary>
    EndpointPending = 128,
    /// <summary>"other" is peered with "app" (routes both ways) and endpoint-sg also allows 443 from 10.9.0.0/16.</summary>
    PeeredOther = 256,
}

/// <summary>A VPC with no internet or NAT gateway (10.0.0.0/16, DNS support and hostnames on) where clients reach SNS
/// only through an interface endpoint:
/// <code>
///   app-a 10.0.1.0/24  us-east-1a  client-a        ep-a 10.0.11.0/24 us-east-1a  sns-endpoint 10.0.11.200
///   app-b 10.0.2.0/24  us-east-1b  client-b        ep-b 10.0.12.0/24 us-east-1b  sns-endpoint 10.0.12.200
///   app-c 10.0.3.0/24  us-east-1c  client-c        (no endpoint interface in us-east-1c)
/// </code>
/// Clients carry app-sg (all out); the endpoint's interfaces carry endpoint-sg (tcp 443 in from app-sg). A second
/// VPC "other" (10.9.0.0/16, no peering) asks DNS from outside.</summary>
public sealed class EndpointWorld
{
    public const string SnsName = "sns.us-east-1.amazonaws.com";
    public const string Endpoint = "sns-endpoint";

    public Network Network { get; }
    public CompiledNetwork Compiled { get; }
    public VpcId Vpc { get; }
    public VpcId Other { get; }

    public EndpointWorld(EndpointVariant v = EndpointVariant.None)
    {
        var b = new WorldBuilder();
        var vpc = b.Vpc("app", "10.0.0.0/16");
        var other = b.Vpc("other", "10.9.0.0/16");
        var appA = b.Subnet("app-a", vpc, "10.0.1.0/24");
        var appB = b.Subnet("app-b", vpc, "10.0.2.0/24");
        var appC = b.Subnet("app-c", vpc, "10.0.3.0/24");
        var epA = b.Subnet("ep-a", vpc, "10.0.11.0/24");
        var epB = b.Subnet("ep-b", vpc, "10.0.12.0/24");
        var otherA = b.Subnet("other-a", other, "10.9.1.0/24");
        var appSg = b.SecurityGroup("app-sg", vpc);
        var endpointSg = b.SecurityGroup("endpoint-sg", vpc);
        if (v.HasFlag(EndpointVariant.EndpointSgOnlyFromAppA))
            b.Ingress(endpointSg, "tcp", 443, 443, "10.0.1.0/24");
        else if (v.HasFlag(EndpointVariant.EndpointSgAllProtocols))
            b.Ingress(endpointSg, "-1", -1, -1, "10.0.0.0/16");
        else
            b.Ingress(endpointSg, "tcp", 443, 443, appSg.Value);
        b.Instance("client-a", appA, [appSg]);
        b.Instance("client-b", appB, [appSg]);
        b.Instance("client-c", appC, [appSg]);
        b.Instance("other-1", otherA, [b.SecurityGroup("other-sg", other)]);
        if (v.HasFlag(EndpointVariant.PeeredOther))
        {
            var pcx = b.Peering("app-other", vpc, other);
            b.Route(b.MainRouteTable(vpc), "10.9.0.0/16", pcx);
            b.Route(b.MainRouteTable(other), "10.0.0.0/16", pcx);
            b.Ingress(endpointSg, "tcp", 443, 443, "10.9.0.0/16");
        }
        if (v.HasFlag(EndpointVariant.NaclDeniesInbound443) || v.HasFlag(EndpointVariant.NaclDeniesReplies))
        {
            var acl = b.NetworkAcl("endpoint-acl", vpc, epA, epB);
            b.AclEntry(acl, 100, egress: false, "tcp", "allow", "10.0.0.0/16", v.HasFlag(EndpointVariant.NaclDeniesInbound443) ? "80" : "443");
            if (!v.HasFlag(EndpointVariant.NaclDeniesReplies))
                b.AclEntry(acl, 100, egress: true, "tcp", "allow", "10.0.0.0/16", "1024-65535");
        }

        var network = b.Build()
            .WithDnsAttributes(vpc, support: !v.HasFlag(EndpointVariant.DnsSupportOff), hostnames: !v.HasFlag(EndpointVariant.HostnamesOff))
            .WithDnsAttributes(other, support: true, hostnames: true)
            .WithZone(appB, "us-east-1b").WithZone(epB, "us-east-1b").WithZone(appC, "us-east-1c")
            .WithInterfaceEndpoint(Endpoint, "sns", [epA, epB], [endpointSg], privateDns: !v.HasFlag(EndpointVariant.PrivateDnsOff),
                state: v.HasFlag(EndpointVariant.EndpointPending) ? VpcEndpointState.Pending : VpcEndpointState.Available);
        Network = network;
        Compiled = CompiledNetwork.Compile(network);
        Vpc = vpc;
        Other = other;
    }

    public VpcEndpoint SnsEndpoint => Network.Endpoint(Endpoint);

    public string RegionalName => VpcEndpointDnsNames.Regional(SnsEndpoint);

    public string ZonalName(string zone) => VpcEndpointDnsNames.Zonal(SnsEndpoint, zone);

    public IpAddress EndpointIp(string zone) => Network.EndpointAddress(Endpoint, zone);

    public NetworkInterface EndpointInterface(string zone) => Network.EndpointInterface(Endpoint, zone);

    public DnsAnswer Resolve(string from, string name) =>
        DnsResolver.For(Network).Resolve(from switch { "app" => Vpc.Value, "other" => Other.Value, _ => DnsResolver.Internet }, name);

    /// <summary>Traces as <c>vpclab trace --from FROM --to TO</c> does: a name is resolved by the source VPC's
    /// resolver, the answers travel with the trace, and the fast path must agree.</summary>
    public Trace Trace(string from, string to, string protocol = "tcp", ushort port = 443)
    {
        var resolver = new EndpointResolver(Network);
        var source = resolver.Resolve(from);
        var request = new TraceRequest(source, resolver.Resolve(to, source), IpProtocol.Parse(protocol), port);
        var trace = Compiled.Trace(request, resolver.Resolutions).AssertWellFormed();
        var resolved = Compiled.Resolve(request);
        var decision = Compiled.Decide(resolved.Flow, resolved.SourceInterfaceIndex);
        Assert.Equal(trace.Verdict, decision.Verdict);
        Assert.Equal(trace.Reason, decision.Reason);
        return trace;
    }
}
