using System.Diagnostics;
using System.Globalization;
using VpcLab.Analysis.Reach;
using VpcLab.Benchmarks.Worlds;
using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Net;
using VpcLab.ReachBench;

// bench/reach.sh: (a) all-pairs reachability among N interfaces over the 20 most common TCP ports, (b) what the internet
// reaches over every port on the generated world, each beside the per-flow Decide loop doing the same work in the same
// process. Both sides of (a), and the Decide side of (b), may be sampled and extrapolated (the output says by how much).
var options = BenchOptions.Parse(args);
Console.WriteLine($"# load average at start: {LoadAverage()}");
var clock = Stopwatch.StartNew();
var world = GeneratedTopology.Generate(options.Vpcs, 100);
Console.WriteLine($"# world: {options.Vpcs} VPCs, {world.Network.NetworkInterfaces.Count} interfaces, generated in {clock.Elapsed.TotalSeconds:F1} s");
if (options.Run is "all" or "pairs")
    AllPairs.Run(world, options);
if (options.Run is "all" or "internet")
    InternetAll.Run(world, options);
Console.WriteLine($"# load average at end: {LoadAverage()}");

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

namespace VpcLab.ReachBench
{
    /// <summary>The command line: <c>--vpcs 1000 --interfaces 10000 --pair-sources 100 --internet-every 1
    /// --port-stride 256 --run all|pairs|internet</c>.</summary>
    internal sealed record BenchOptions(int Vpcs, int Interfaces, int PairSources, int InternetEvery, int PortStride, string Run, bool SkipFlowSpace = false)
    {
        public static BenchOptions Parse(string[] args)
        {
            var o = new BenchOptions(1000, 10_000, 100, 1, 256, "all");
            for (int i = 0; i + 1 < args.Length; i += 2)
            {
                int Int() => int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                o = args[i] switch
                {
                    "--vpcs" => o with { Vpcs = Int() },
                    "--interfaces" => o with { Interfaces = Int() },
                    "--pair-sources" => o with { PairSources = Int() },
                    "--internet-every" => o with { InternetEvery = Int() },
                    "--port-stride" => o with { PortStride = Int() },
                    "--run" => o with { Run = args[i + 1] },
                    "--per-pair" => o with { SkipFlowSpace = args[i + 1] == "no" },
                    _ => throw new ArgumentException($"unknown option {args[i]}"),
                };
            }
            return o;
        }
    }

    /// <summary>Wall-clock and process CPU time of one measured step.</summary>
    internal sealed class Measure
    {
        private readonly Stopwatch _wall = Stopwatch.StartNew();
        private readonly TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;

        public (double Wall, double Cpu) Stop() =>
            (_wall.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - _cpu).TotalSeconds);

        public static void Print(string label, (double Wall, double Cpu) time, double scale, string detail) =>
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}\twall {time.Wall:F2} s\tcpu {time.Cpu:F2} s\textrapolated x{scale:F0}: wall {time.Wall * scale:F1} s, cpu {time.Cpu * scale:F1} s\t{detail}"));
    }

    /// <summary>(a) Every interface of the first N / 100 VPCs to every other, TCP on the 20 most common ports (nmap's
    /// top 20), to every address the source can name (private, IPv6, public). The analysis by classes
    /// (<see cref="AllPairsReach"/>) answers every pair; then, unless --per-pair no, <see cref="FlowSpace"/> pair by pair;
    /// the baseline decides one flow (client port 49152) per (source address, destination address, port). The last two
    /// from every k-th source only (k = N / --pair-sources), times extrapolated by k; the classes' counts for those
    /// sources are printed to compare.</summary>
    internal static class AllPairs
    {
        public static readonly ushort[] CommonPorts = [21, 22, 23, 25, 53, 80, 110, 111, 135, 139, 143, 443, 445, 993, 995, 1723, 3306, 3389, 5900, 8080];

        public static void Run(GeneratedTopology.World world, BenchOptions options)
        {
            int vpcs = options.Interfaces / 100;
            NetworkInterfaceId[] ends = [.. world.Web.Take(vpcs * 25), .. world.App.Take(vpcs * 65), .. world.Db.Take(vpcs * 10)];
            int every = Math.Max(1, ends.Length / options.PairSources);
            var sources = ends.Where((_, i) => i % every == 0).ToArray();
            var clock = new Measure();
            var space = new FlowSpace(world.Network, [], CommonPorts.Select(PortRange.Single));
            Measure.Print("pairs: compile + cuts", clock.Stop(), 1, $"{ends.Length} interfaces, {sources.Length} sampled sources (every {every})");
            var traffic = CommonPorts.Select(p => new TrafficClass(IpProtocol.Tcp, PortRange.Single(p))).ToArray();

            clock = new Measure();
            var classes = AllPairsReach.Compute(space, ends, traffic);
            var all = classes.Count();
            Measure.Print("pairs: analysis by classes (AllPairsReach, every source)", clock.Stop(), 1,
                $"{classes.Classes.Length} classes, {all.Pieces} pieces, {all.Delivered} delivered");
            var sampled = classes.Count(sources);
            Console.WriteLine($"pairs: by classes, the sampled sources only\t{sampled.Pieces} pieces, {sampled.Delivered} delivered");
            if (options.SkipFlowSpace)
            {
                Baseline(world, space, ends, sources, every);
                return;
            }

            clock = new Measure();
            long pieces = 0, delivered = 0;
            foreach (var s in sources)
            {
                var from = new InterfaceEnd(s);
                foreach (var d in ends)
                {
                    var to = new InterfaceEnd(d);
                    foreach (var t in traffic)
                    {
                        foreach (var piece in space.Pieces(from, to, t))
                        {
                            pieces++;
                            if (piece.Delivered)
                                delivered++;
                        }
                    }
                }
            }
            Measure.Print("pairs: analysis (FlowSpace per pair)", clock.Stop(), every, $"{pieces} pieces, {delivered} delivered");
            Baseline(world, space, ends, sources, every);
        }

        private static void Baseline(GeneratedTopology.World world, FlowSpace space, NetworkInterfaceId[] ends, NetworkInterfaceId[] sources, int every)
        {
            var network = world.Network;
            var addresses = ends.ToDictionary(e => e, e =>
            {
                var eni = network.NetworkInterfaces[e];
                var publics = eni.PrivateIpAddresses.Select(p => network.PublicIpFor(eni, p)).OfType<IpAddress>();
                return eni.AllPrivateAddresses.Concat(publics).Distinct().ToArray();
            });
            var clock = new Measure();
            long flows = 0, accepted = 0;
            foreach (var s in sources)
            {
                int index = space.Compiled.InterfaceIndexOf(s);
                var own = network.NetworkInterfaces[s].AllPrivateAddresses.ToArray();
                foreach (var d in ends)
                {
                    if (d == s)
                        continue;
                    foreach (var destination in addresses[d])
                    {
                        foreach (var source in own)
                        {
                            if (source.Family != destination.Family)
                                continue;
                            foreach (var port in CommonPorts)
                            {
                                var flow = new FlowKey(source, destination, IpProtocol.Tcp, FlowKey.DefaultEphemeralPort, port);
                                flows++;
                                if (space.Compiled.Decide(in flow, index).IsAccepted)
                                    accepted++;
                            }
                        }
                    }
                }
            }
            Measure.Print("pairs: baseline (Decide per flow)", clock.Stop(), every, $"{flows} flows, {accepted} accepted");
        }
    }

    /// <summary>(b) What the internet reaches, every protocol <see cref="InternetReach"/> answers (TCP, UDP, ICMP for IPv4,
    /// ICMPv6 for IPv6) and every port (for ICMP every type × 256 + code), at every
    /// public IPv4 and IPv6 address (every --internet-every-th interface, extrapolated). The baseline decides one flow per
    /// (address, protocol, port) from one internet host and client port 49152 (fewer flows than an exact answer needs:
    /// one source stands for all), every --port-stride-th port from 443 % stride (so 443 is among them), extrapolated.</summary>
    internal static class InternetAll
    {
        private static readonly IpAddress InternetHost = IpAddress.Parse("198.51.100.7");

        public static void Run(GeneratedTopology.World world, BenchOptions options)
        {
            var network = world.Network;
            var interfaces = network.NetworkInterfaces.Keys.OrderBy(k => k.Value, StringComparer.Ordinal)
                .Where((_, i) => i % options.InternetEvery == 0).ToHashSet();
            var clock = new Measure();
            var exposures = InternetReach.Compute(network, options.InternetEvery == 1 ? null : interfaces);
            Measure.Print("internet: analysis (InternetReach)", clock.Stop(), options.InternetEvery,
                $"{interfaces.Count} interfaces, {exposures.Length} exposures, {exposures.Sum(x => x.Ports.Sum(p => p.To - p.From + 1))} open (address, protocol, port)");

            clock = new Measure();
            var compiled = CompiledNetwork.Compile(network);
            Measure.Print("internet: baseline compile", clock.Stop(), 1, "");
            clock = new Measure();
            long flows = 0, accepted = 0;
            var v6Host = IpAddress.Parse("2001:db8::7");
            foreach (var id in interfaces)
            {
                var eni = network.NetworkInterfaces[id];
                var destinations = eni.PrivateIpAddresses.Select(p => network.PublicIpFor(eni, p)).OfType<IpAddress>().Concat(eni.Ipv6Addresses);
                foreach (var destination in destinations)
                {
                    var source = destination.Family == IpFamily.V4 ? InternetHost : v6Host;
                    foreach (var protocol in InternetReach.Protocols.Where(p => new TrafficClass(p, PortRange.All).AppliesTo(destination.Family)))
                    {
                        for (int port = 443 % options.PortStride; port <= ushort.MaxValue; port += options.PortStride)
                        {
                            var flow = new FlowKey(source, destination, protocol, FlowKey.DefaultEphemeralPort, (ushort)port);
                            flows++;
                            if (compiled.Decide(in flow, -1).IsAccepted)
                                accepted++;
                        }
                    }
                }
            }
            Measure.Print("internet: baseline (Decide per flow)", clock.Stop(), (double)options.PortStride * options.InternetEvery,
                $"{flows} flows, {accepted} accepted");
        }
    }
}
