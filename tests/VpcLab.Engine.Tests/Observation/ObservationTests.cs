using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Tests.Observation;

/// <summary>What each interface sees of a flow: the raw material of flow logs (docs/semantics.md, "Flow logs").
/// Each expected line is "interface direction packet action traffic-path", forward path first.</summary>
public class ObservationTests
{
    private static readonly SeedWorld Seed = new();
    private static readonly CompiledNetwork SeedNet = Seed.Compile();

    private static string Describe(CompiledNetwork net, in InterfaceObservation o)
    {
        var eni = net.InterfaceAt(o.InterfaceIndex);
        string name = eni.InterfaceType == NetworkInterfaceType.NatGateway ? "nat"
            : eni.Attachment is { } a ? net.Network.NameOf(a.InstanceId.Value) : net.Network.NameOf(eni.Id.Value);
        string dir = o.Direction == TrafficDirection.Egress ? "out" : "in";
        string path = o.EgressPath == TrafficPath.None ? "-" : ((int)o.EgressPath).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{name} {dir} {o.Packet} {(o.Accepted ? "ACCEPT" : "REJECT")} {path}";
    }

    private static string[] Observe(CompiledNetwork net, FlowKey flow, string? sourceInstance)
    {
        int source = -1;
        if (sourceInstance is not null)
        {
            var inst = net.Network.Instances.Values.Single(i => net.Network.NameOf(i.Id.Value) == sourceInstance);
            source = net.InterfaceIndexOf(inst.PrimaryNetworkInterface);
        }
        var into = new FlowObservations();
        var decision = net.Observe(in flow, source, into);
        Assert.Equal(net.Decide(in flow, source), decision);
        var lines = new string[into.Count];
        for (int i = 0; i < into.Count; i++)
            lines[i] = Describe(net, into[i]);
        return lines;
    }

    private static IpAddress Ip(string name) =>
        SeedNet.Network.NetworkInterfaces[SeedNet.Network.Instances.Values.Single(i => SeedNet.Network.NameOf(i.Id.Value) == name).PrimaryNetworkInterface].PrimaryPrivateIp;

    [Fact]
    public void Same_vpc_request_and_reply_are_seen_leaving_and_arriving_at_both_interfaces()
    {
        var app = Ip("app-1");
        var db = Ip("db-1");
        var lines = Observe(SeedNet, FlowKey.Tcp(app, db, 5432, 40000), "app-1");
        Assert.Equal(
        [
            $"app-1 out {app}:40000 -> {db}:5432 tcp ACCEPT 1",
            $"db-1 in {app}:40000 -> {db}:5432 tcp ACCEPT -",
            $"db-1 out {db}:5432 -> {app}:40000 tcp ACCEPT 1",
            $"app-1 in {db}:5432 -> {app}:40000 tcp ACCEPT -",
        ], lines);
    }

    // AWS traffic-path 1, "through another resource in the same VPC": also when the destination shares the sender's
    // subnet and no route table is consulted.
    [Fact]
    public void Same_subnet_traffic_is_path_1_though_no_route_table_is_consulted()
    {
        var world = new SeedWorld(w => w.B.Instance("app-3", w.AppA, [w.AppSg]));
        var net = world.Compile();
        var app1 = net.Network.NetworkInterfaces[world.App1.Interface].PrimaryPrivateIp;
        var app3 = net.Network.NetworkInterfaces[net.Network.Instances.Values.Single(i => net.Network.NameOf(i.Id.Value) == "app-3").PrimaryNetworkInterface].PrimaryPrivateIp;
        var lines = Observe(net, FlowKey.Tcp(app3, app1, 8080, 40000), "app-3");
        Assert.Equal(
        [
            $"app-3 out {app3}:40000 -> {app1}:8080 tcp ACCEPT 1",
            $"app-1 in {app3}:40000 -> {app1}:8080 tcp REJECT -",
        ], lines);
        var reverse = Observe(net, FlowKey.Tcp(app1, app3, 8080, 40000), "app-1");
        Assert.Equal($"app-1 out {app1}:40000 -> {app3}:8080 tcp ACCEPT 1", reverse[0]);
    }

    // AWS: NACLs are stateless; a reply denied by the NACL is rejected on the interface that sends it.
    [Fact]
    public void Reply_denied_by_the_nacl_is_a_reject_on_the_replying_interface()
    {
        var app2 = Ip("app-2");
        var db = Ip("db-1");
        var lines = Observe(SeedNet, FlowKey.Tcp(app2, db, 5432, 40000), "app-2");
        Assert.Equal(
        [
            $"app-2 out {app2}:40000 -> {db}:5432 tcp ACCEPT 1",
            $"db-1 in {app2}:40000 -> {db}:5432 tcp ACCEPT -",
            $"db-1 out {db}:5432 -> {app2}:40000 tcp REJECT -",
        ], lines);
    }

    // AWS flow-logs example: the NAT gateway's interface records four legs; the instance records two.
    [Fact]
    public void Nat_gateway_interface_sees_four_legs()
    {
        var app = Ip("app-1");
        var nat = SeedNet.Network.NetworkInterfaces[Seed.B.NatGatewayInterface(Seed.NatA)].PrimaryPrivateIp;
        var host = IpAddress.Parse("203.0.113.5");
        var lines = Observe(SeedNet, FlowKey.Tcp(app, host, 443, 40000), "app-1");
        Assert.Equal(
        [
            $"app-1 out {app}:40000 -> {host}:443 tcp ACCEPT 1",
            $"nat in {app}:40000 -> {host}:443 tcp ACCEPT -",
            $"nat out {nat}:40000 -> {host}:443 tcp ACCEPT 8",
            $"nat in {host}:443 -> {nat}:40000 tcp ACCEPT -",
            $"nat out {host}:443 -> {app}:40000 tcp ACCEPT 1",
            $"app-1 in {host}:443 -> {app}:40000 tcp ACCEPT -",
        ], lines);
    }

    [Fact]
    public void Inbound_refused_by_the_security_group_is_one_reject_on_the_receiver()
    {
        var web = Seed.B.Compile().Network.NetworkInterfaces[Seed.Web1.Interface];
        var publicIp = web.PrivateIpAddresses[0].AutoAssignedPublicIp!.Value;
        var scanner = IpAddress.Parse("198.51.100.9");
        var lines = Observe(SeedNet, FlowKey.Tcp(scanner, publicIp, 3389, 50000), null);
        Assert.Equal([$"web-1 in {scanner}:50000 -> {web.PrimaryPrivateIp}:3389 tcp REJECT -"], lines);
    }

    [Fact]
    public void Ipv6_through_the_egress_only_gateway_is_traffic_path_8()
    {
        var app = SeedNet.Network.NetworkInterfaces[Seed.App1.Interface].Ipv6Addresses[0];
        var remote = IpAddress.Parse("2001:db8::10");
        var lines = Observe(SeedNet, FlowKey.Tcp(app, remote, 443, 40000), "app-1");
        Assert.Equal(
        [
            $"app-1 out [{app}]:40000 -> [{remote}]:443 tcp ACCEPT 8",
            $"app-1 in [{remote}]:443 -> [{app}]:40000 tcp ACCEPT -",
        ], lines);
    }

    // AWS: traffic to the Amazon DNS resolver and the metadata service is never logged.
    [Theory]
    [InlineData("10.0.0.2", 53)]
    [InlineData("169.254.169.253", 53)]
    [InlineData("169.254.169.254", 80)]
    public void Resolver_and_metadata_traffic_leaves_no_observation(string destination, int port)
    {
        var app = Ip("app-1");
        var flow = port == 53 ? FlowKey.Udp(app, IpAddress.Parse(destination), 53, 40000) : FlowKey.Tcp(app, IpAddress.Parse(destination), 80, 40000);
        Assert.Empty(Observe(SeedNet, flow, "app-1"));
    }

    // Choice (docs/semantics.md): a packet that left its interface is ACCEPT there even when a gateway drops it
    // later (here: web-2 has no public IPv4, so the internet gateway cannot translate it).
    [Fact]
    public void A_packet_dropped_beyond_its_interface_is_still_accepted_where_it_left()
    {
        var web2 = Ip("web-2");
        var host = IpAddress.Parse("203.0.113.5");
        var lines = Observe(SeedNet, FlowKey.Tcp(web2, host, 443, 40000), "web-2");
        Assert.Equal([$"web-2 out {web2}:40000 -> {host}:443 tcp ACCEPT 8"], lines);
    }

    // AWS: NACLs apply at the subnet edge, before routing; an outbound deny is a reject on the sender.
    [Fact]
    public void Outbound_nacl_deny_is_a_reject_on_the_sender()
    {
        var db = Ip("db-1");
        var host = IpAddress.Parse("203.0.113.5");
        var lines = Observe(SeedNet, FlowKey.Tcp(db, host, 443, 40000), "db-1");
        Assert.Equal([$"db-1 out {db}:40000 -> {host}:443 tcp REJECT -"], lines);
    }

    /// <summary>AWS's ping example: the SG allows inbound ICMP; the NACL allows inbound icmp but no outbound.</summary>
    [Fact]
    public void Ping_allowed_in_but_reply_denied_by_the_nacl_gives_accept_then_reject()
    {
        var b = new WorldBuilder();
        var vpc = b.Vpc("v", "172.31.0.0/16");
        var subnet = b.Subnet("s", vpc, "172.31.16.0/20");
        var igw = b.InternetGateway("igw", vpc);
        b.Route(b.MainRouteTable(vpc), "0.0.0.0/0", igw);
        var sg = b.SecurityGroup("ping", vpc, allowAllEgress: false);
        b.Ingress(sg, "icmp", -1, -1, "0.0.0.0/0");
        var acl = b.NetworkAcl("acl", vpc, subnet);
        b.AclEntry(acl, 100, egress: false, "icmp", "allow", "0.0.0.0/0");
        var (_, eni) = b.Instance("host", subnet, [sg], publicIp: true, privateIp: "172.31.16.139");
        var net = b.Compile();
        var publicIp = net.Network.NetworkInterfaces[eni].PrivateIpAddresses[0].AutoAssignedPublicIp!.Value;
        var client = IpAddress.Parse("203.0.113.12");
        var lines = Observe(net, FlowKey.Icmp(client, publicIp), null);
        Assert.Equal(
        [
            $"host in {client} -> 172.31.16.139 icmp type 8 code 0 ACCEPT -",
            $"host out 172.31.16.139 -> {client} icmp type 0 code 0 REJECT -",
        ], lines);
    }
}
