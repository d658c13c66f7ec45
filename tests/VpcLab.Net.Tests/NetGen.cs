using CsCheck;

namespace VpcLab.Net.Tests;

/// <summary>CsCheck generators for addresses and blocks, biased towards the shapes that break address code:
/// zero groups (what "::" compresses), IPv4-mapped IPv6, the ends of each family, and blocks that nest.</summary>
internal static class NetGen
{
    public static readonly UInt128 V4MappedPrefix = (UInt128)0xFFFF << 32;

    public static readonly Gen<IpAddress> V4 = Gen.Frequency<uint>(
        (1, Gen.Const(0u)), (1, Gen.Const(uint.MaxValue)), (8, Gen.UInt)).Select(IpAddress.V4);

    /// <summary>Each of the eight groups is zeroed with probability 1/2, so runs of zero groups of every length
    /// and position appear.</summary>
    public static readonly Gen<IpAddress> V6 = Gen.Select(Gen.UInt128, Gen.Byte, (value, zeroGroups) =>
    {
        for (int g = 0; g < 8; g++)
        {
            if ((zeroGroups & (1 << g)) != 0)
                value &= ~((UInt128)0xFFFF << (16 * g));
        }
        return IpAddress.V6(value);
    });

    public static readonly Gen<IpAddress> V4MappedV6 = Gen.UInt.Select(v => IpAddress.V6(V4MappedPrefix | v));

    public static readonly Gen<IpAddress> Address = Gen.Frequency<IpAddress>((3, V4), (4, V6), (1, V4MappedV6));

    public static Gen<int> PrefixLength(IpFamily family) => Gen.Int[0, family.BitLength()];

    public static readonly Gen<Cidr> Cidr =
        Address.SelectMany(a => PrefixLength(a.Family).Select(p => new Cidr(a, p)));

    /// <summary>An address that agrees with <paramref name="root"/> except in its lowest 0…all bits: blocks
    /// built from such addresses are mostly nested in, or equal to, blocks built from the same root.</summary>
    public static Gen<IpAddress> Near(IpAddress root) =>
        Gen.Select(PrefixLength(root.Family), Gen.UInt128, (bits, noise) =>
            new IpAddress(root.Value ^ (noise & LowBits(bits)), root.Family));

    public static Gen<Cidr> CidrNear(IpAddress root) =>
        Gen.Select(Near(root), PrefixLength(root.Family), (a, p) => new Cidr(a, p));

    public static UInt128 LowBits(int count) => count == 0 ? UInt128.Zero : UInt128.MaxValue >> (128 - count);

    /// <summary>Two roots per family (sometimes the family's first or last address) shared by the blocks and
    /// probes of one case.</summary>
    public static readonly Gen<IpAddress[]> Roots = Gen.Select(
        V4, V4,
        Gen.Frequency<IpAddress>((1, Gen.Const(IpAddress.V6(0))), (1, Gen.Const(IpAddress.V6(UInt128.MaxValue))), (6, V6)),
        V6,
        (a, b, c, d) => new[] { a, b, c, d });

    /// <summary>A table of 0–40 blocks of both families around shared roots (heavy nesting, exact duplicates
    /// common), plus 0–40 probe addresses around the same roots.</summary>
    public static readonly Gen<LpmCase> LpmCase = Roots.SelectMany(roots =>
    {
        var pick = Gen.Int[0, roots.Length - 1];
        var cidrs = pick.SelectMany(i => CidrNear(roots[i])).Array[0, 40];
        var probes = pick.SelectMany(i => Near(roots[i])).Array[0, 40];
        return Gen.Select(cidrs, probes, Gen.Int, (c, p, seed) => new LpmCase(c, p, seed));
    });
}

/// <summary>One generated LPM case; the entry at index i maps to value i.</summary>
internal sealed record LpmCase(Cidr[] Cidrs, IpAddress[] RandomProbes, int ShuffleSeed)
{
    public (Cidr Cidr, int Value)[] Entries => [.. Cidrs.Select((c, i) => (c, i))];

    /// <summary>The random probes plus, for every block, the addresses where intervals start and end:
    /// First − 1, First, Last and Last + 1 (wrapping at the ends of the family).</summary>
    public IEnumerable<IpAddress> Probes => RandomProbes.Concat(Cidrs.SelectMany(c => new[]
    {
        c.First.Add(UInt128.MaxValue), c.First, c.Last, c.Last.Add(1),
    }));

    public override string ToString() =>
        $"Cidrs=[{string.Join(", ", Cidrs)}] Probes=[{string.Join(", ", RandomProbes)}] ShuffleSeed={ShuffleSeed}";
}
