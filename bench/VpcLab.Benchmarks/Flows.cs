using VpcLab.Benchmarks.Worlds;
using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Benchmarks;

/// <summary>Deterministic flow mixes: what a reachability sweep over a world asks.</summary>
public static class Flows
{
    public const int Count = 1024;

    /// <summary>Decides every flow of a mix from its source interface; returns how many were accepted (so the JIT
    /// cannot drop the work). The Decide benchmarks of every world share this loop.</summary>
    public static int DecideAll(CompiledNetwork compiled, FlowKey[] flows, int[] sources)
    {
        int accepted = 0;
        for (int i = 0; i < flows.Length; i++)
        {
            if (compiled.Decide(in flows[i], sources[i]).Verdict == Verdict.Accepted)
                accepted++;
        }
        return accepted;
    }

    /// <summary>1024 flows over a generated world, drawn with a fixed seed: web → internet, app → internet (NAT),
    /// web → app:8080 (SG reference), app → db:5432, internet → web:443, app → internet over IPv6 (EIGW),
    /// db → internet (NACL), web → app on a port app-sg does not open (SG mismatch).</summary>
    public static (FlowKey[] Flows, int[] Sources) ForGenerated(CompiledNetwork compiled, GeneratedTopology.World world)
    {
        var random = new Random(42);
        var flows = new FlowKey[Count];
        var sources = new int[Count];
        var network = world.Network;
        IpAddress V4(NetworkInterfaceId id) => network.NetworkInterfaces[id].PrimaryPrivateIp;
        IpAddress V6(NetworkInterfaceId id) => network.NetworkInterfaces[id].Ipv6Addresses[0];
        var internet = IpAddress.Parse("8.8.8.8");
        var internet6 = IpAddress.Parse("2001:4860:4860::8888");
        for (int i = 0; i < Count; i++)
        {
            int kind = i % 8;
            // Pairs inside one VPC: pick a VPC, then its interfaces (the generator lays VPCs out in order).
            int vpcsCount = network.Vpcs.Count;
            int v = random.Next(vpcsCount);
            int webPer = world.Web.Length / vpcsCount, appPer = world.App.Length / vpcsCount, dbPer = world.Db.Length / vpcsCount;
            var web = world.Web[v * webPer + random.Next(webPer)];
            var app = world.App[v * appPer + random.Next(appPer)];
            var db = world.Db[v * dbPer + random.Next(dbPer)];
            (FlowKey flow, NetworkInterfaceId? from) = kind switch
            {
                0 => (FlowKey.Tcp(V4(web), internet, 443), web),
                1 => (FlowKey.Tcp(V4(app), internet, 443), app),
                2 => (FlowKey.Tcp(V4(web), V4(app), 8080), web),
                3 => (FlowKey.Tcp(V4(app), V4(db), 5432), app),
                4 => (FlowKey.Tcp(IpAddress.Parse("198.51.100.7"), PublicOf(network, web) ?? V4(web), 443), (NetworkInterfaceId?)null),
                5 => (FlowKey.Tcp(V6(app), internet6, 443), app),
                6 => (FlowKey.Udp(V4(db), internet, 123), db),
                _ => (FlowKey.Tcp(V4(web), V4(app), 9005), web),
            };
            flows[i] = flow;
            sources[i] = from is { } id ? compiled.InterfaceIndexOf(id) : -1;
        }
        return (flows, sources);
    }

    /// <summary>1024 endpoint flows over a world generated with endpoints, seed 42: through the S3 gateway endpoint
    /// app → S3:443 in two of the prefix list's ranges (accepted), db → S3:443 (db NACL), app → S3 UDP 443 (the
    /// endpoint carries TCP and ICMP echo only); to an interface endpoint's interface in the client's VPC app → :443
    /// and web → :443 (accepted), app → :8443 (endpoint-sg), db → :443 (db NACL).</summary>
    public static (FlowKey[] Flows, int[] Sources) ForEndpoints(CompiledNetwork compiled, GeneratedTopology.World world)
    {
        if (world.EndpointInterfaces.IsEmpty)
            throw new ArgumentException("The world has no interface endpoints: generate it with endpoints: true.", nameof(world));
        var random = new Random(42);
        var flows = new FlowKey[Count];
        var sources = new int[Count];
        var network = world.Network;
        IpAddress V4(NetworkInterfaceId id) => network.NetworkInterfaces[id].PrimaryPrivateIp;
        var (s3, s3Other) = GeneratedTopology.S3Addresses();
        int vpcsCount = network.Vpcs.Count;
        int webPer = world.Web.Length / vpcsCount, appPer = world.App.Length / vpcsCount, dbPer = world.Db.Length / vpcsCount;
        for (int i = 0; i < Count; i++)
        {
            int kind = i % 8;
            // Gateway-endpoint flows from any VPC; interface-endpoint flows from a VPC that has one.
            var (v, endpoint) = kind < 4
                ? (random.Next(vpcsCount), default(NetworkInterfaceId))
                : world.EndpointInterfaces[random.Next(world.EndpointInterfaces.Length)];
            var web = world.Web[v * webPer + random.Next(webPer)];
            var app = world.App[v * appPer + random.Next(appPer)];
            var db = world.Db[v * dbPer + random.Next(dbPer)];
            (FlowKey flow, NetworkInterfaceId from) = kind switch
            {
                0 => (FlowKey.Tcp(V4(app), s3, 443), app),
                1 => (FlowKey.Tcp(V4(app), s3Other, 443), app),
                2 => (FlowKey.Tcp(V4(db), s3, 443), db),
                3 => (FlowKey.Udp(V4(app), s3, 443), app),
                4 => (FlowKey.Tcp(V4(app), V4(endpoint), 443), app),
                5 => (FlowKey.Tcp(V4(web), V4(endpoint), 443), web),
                6 => (FlowKey.Tcp(V4(app), V4(endpoint), 8443), app),
                _ => (FlowKey.Tcp(V4(db), V4(endpoint), 443), db),
            };
            flows[i] = flow;
            sources[i] = compiled.InterfaceIndexOf(from);
        }
        return (flows, sources);
    }

    private static IpAddress? PublicOf(Network network, NetworkInterfaceId id) =>
        network.NetworkInterfaces[id].PrivateIpAddresses[0].AutoAssignedPublicIp;
}
