using CsCheck;

namespace VpcLab.Net.Tests;

public partial class CidrTests
{
    [Fact]
    public void ToString_AnyBlock_ParsesBackToTheSameBlock() =>
        NetGen.Cidr.Sample(c => Assert.Equal(c, Cidr.Parse(c.ToString())), iter: 5_000);

    // AWS canonicalisation (spec §2): whatever host bits the input has, the stored block has none.
    [Fact]
    public void Constructor_AnyAddressAndPrefix_LeavesNoHostBits() =>
        Gen.Select(NetGen.Address, Gen.Int[0, 128]).Sample((a, p) =>
        {
            p = Math.Min(p, a.Family.BitLength());
            var c = new Cidr(a, p);
            var hostBits = ~Cidr.Mask(a.Family, p) & a.Family.MaxValue();

            Assert.Equal(UInt128.Zero, c.Network.Value & hostBits);
            Assert.Equal(a.Value & Cidr.Mask(a.Family, p), c.Network.Value);
            Assert.Equal(a.Family, c.Family);
            Assert.True(c.Contains(a));
            Assert.Equal(c, Cidr.Parse($"{a}/{p}"));
        }, iter: 5_000);

    [Fact]
    public void Contains_AnyAddress_AgreesWithFirstAndLast() =>
        NetGen.Cidr.SelectMany(c => Gen.OneOf(NetGen.Near(c.First), NetGen.Address).Select(a => (c, a)))
            .Sample((c, a) =>
            {
                bool between = a.Family == c.Family && c.First <= a && a <= c.Last;
                Assert.Equal(between, c.Contains(a));
                Assert.True(c.Contains(c.First));
                Assert.True(c.Contains(c.Last));
                Assert.True(c.First <= c.Last);
            }, iter: 5_000);

    [Fact]
    public void AddressCount_AnyBlock_IsLastMinusFirstPlusOneSaturated() =>
        NetGen.Cidr.Sample(c =>
        {
            var span = c.Last.Value - c.First.Value;
            Assert.Equal(span == UInt128.MaxValue ? UInt128.MaxValue : span + 1, c.AddressCount);
            Assert.Equal(c.Last, c.AddressAt(span));
        }, iter: 5_000);

    [Fact]
    public void Overlaps_AnyTwoBlocks_IsSymmetricAndMeansASharedAddress() =>
        NetGen.Cidr.SelectMany(c => Gen.OneOf(NetGen.CidrNear(c.First), NetGen.Cidr).Select(d => (c, d)))
            .Sample((a, b) =>
            {
                bool shared = a.Family == b.Family && a.First <= b.Last && b.First <= a.Last;
                Assert.Equal(a.Overlaps(b), b.Overlaps(a));
                Assert.Equal(shared, a.Overlaps(b));
                Assert.Equal(a.Contains(b) || b.Contains(a), a.Overlaps(b));
            }, iter: 5_000);

    [Fact]
    public void Contains_Block_AgreesWithContainingBothEnds() =>
        NetGen.Cidr.SelectMany(c => NetGen.CidrNear(c.First).Select(d => (c, d)))
            .Sample((outer, inner) =>
                Assert.Equal(outer.Contains(inner.First) && outer.Contains(inner.Last), outer.Contains(inner)),
                iter: 5_000);

    [Fact]
    public void Subnets_AnySplit_TileTheBlockWithoutGaps() =>
        Gen.Select(NetGen.Cidr, Gen.Int[0, 6]).Sample((c, extra) =>
        {
            int newPrefix = c.PrefixLength + extra;
            if (newPrefix > c.Family.BitLength())
                return;
            var parts = c.Subnets(newPrefix).ToList();

            Assert.Equal(1 << extra, parts.Count);
            Assert.Equal(c.First, parts[0].First);
            Assert.Equal(c.Last, parts[^1].Last);
            for (int i = 1; i < parts.Count; i++)
                Assert.Equal(parts[i - 1].Last.Add(1), parts[i].First);
            Assert.All(parts, p => Assert.True(c.Contains(p)));
        });
}
