using BenchmarkDotNet.Attributes;
using VpcLab.Net;

namespace VpcLab.Benchmarks;

/// <summary>The route lookup kernel alone: <see cref="LongestPrefixMatchTable{T}"/> over route tables of growing
/// size, shaped like VPC routing (a default route, VPC /16s, subnet /24s inside them, host /32s inside those,
/// and the IPv6 equivalents). A lookup is a binary search, so time per lookup should grow with log(routes) and
/// allocation stay at zero. Times are per lookup.</summary>
[MemoryDiagnoser]
public class LongestPrefixMatchBenchmarks
{
    private const int ProbeCount = 4096;

    private LongestPrefixMatchTable<int> _table = null!;
    private CidrSet _set = null!;
    private IpAddress[] _v4Probes = null!;
    private IpAddress[] _v6Probes = null!;

    [Params(16, 1024, 65536)]
    public int Routes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261123);
        var cidrs = new List<Cidr> { Cidr.AnyV4, Cidr.AnyV6 };
        while (cidrs.Count < Routes)
        {
            // A VPC /16 with a few /24 subnets, a few /32 hosts in them, and a /56 with /64s for IPv6.
            var vpc = new Cidr(IpAddress.V4((uint)random.Next(1 << 16) << 16), 16);
            cidrs.Add(vpc);
            for (int s = 0; s < 4 && cidrs.Count < Routes; s++)
            {
                var subnet = vpc.Subnet(24, (UInt128)random.Next(256));
                cidrs.Add(subnet);
                cidrs.Add(Cidr.Host(subnet.AddressAt((UInt128)random.Next(4, 255))));
            }
            var block56 = new Cidr(IpAddress.V6(((UInt128)0x2600_1f18 << 96) | ((UInt128)(ulong)random.NextInt64() << 72)), 56);
            cidrs.Add(block56);
            cidrs.Add(block56.Subnet(64, (UInt128)random.Next(256)));
        }
        cidrs = cidrs.Take(Routes).ToList();
        _table = new LongestPrefixMatchTable<int>(cidrs.Select((c, i) => (c, i)));
        _set = new CidrSet(cidrs.Where(c => c.PrefixLength > 0));

        // Half the probes fall inside a random route (often a nested one), half anywhere.
        var v4Routes = cidrs.Where(c => c.IsV4).ToArray();
        var v6Routes = cidrs.Where(c => c.IsV6).ToArray();
        IpAddress Probe(IpFamily family)
        {
            var ofFamily = family == IpFamily.V4 ? v4Routes : v6Routes;
            var within = ofFamily[random.Next(ofFamily.Length)];
            var offset = (UInt128)(ulong)random.NextInt64() & (within.AddressCount - 1);
            return random.Next(2) == 0
                ? within.AddressAt(offset)
                : new IpAddress(((UInt128)(ulong)random.NextInt64() << 64 | (ulong)random.NextInt64()) & family.MaxValue(), family);
        }
        _v4Probes = [.. Enumerable.Range(0, ProbeCount).Select(_ => Probe(IpFamily.V4))];
        _v6Probes = [.. Enumerable.Range(0, ProbeCount).Select(_ => Probe(IpFamily.V6))];
    }

    [Benchmark(OperationsPerInvoke = ProbeCount)]
    public int LookupIpv4()
    {
        int sum = 0;
        foreach (var probe in _v4Probes)
            sum += _table.LookupIndex(probe);
        return sum;
    }

    [Benchmark(OperationsPerInvoke = ProbeCount)]
    public int LookupIpv6()
    {
        int sum = 0;
        foreach (var probe in _v6Probes)
            sum += _table.LookupIndex(probe);
        return sum;
    }

    [Benchmark(OperationsPerInvoke = ProbeCount)]
    public int CidrSetContainsIpv4()
    {
        int hits = 0;
        foreach (var probe in _v4Probes)
        {
            if (_set.Contains(probe))
                hits++;
        }
        return hits;
    }
}
