using CsCheck;

namespace VpcLab.Net.Tests;

public partial class LongestPrefixMatchTableTests
{
    /// <summary>The definition, written as a scan: among the entries of the probe's family whose range holds it,
    /// the longest prefix; among equal blocks, the first listed.</summary>
    private static int NaiveLookup((Cidr Cidr, int Value)[] entries, IpAddress probe)
    {
        int best = -1;
        foreach (var (cidr, value) in entries)
        {
            bool holds = cidr.Family == probe.Family && cidr.First <= probe && probe <= cidr.Last;
            if (holds && (best < 0 || cidr.PrefixLength > entries[best].Cidr.PrefixLength))
                best = value;
        }
        return best;
    }

    // AWS: the most specific route wins (longest prefix match). Checked on random tables of both families with
    // heavy nesting and duplicates, at random probes and at every block's First - 1, First, Last and Last + 1.
    [Fact]
    public void LookupIndex_RandomTable_AgreesWithNaiveScan() =>
        NetGen.LpmCase.Sample(c =>
        {
            var entries = c.Entries;
            var table = new LongestPrefixMatchTable<int>(entries);
            foreach (var probe in c.Probes)
            {
                int expected = NaiveLookup(entries, probe);
                bool found = table.TryLookup(probe, out int value, out var matched);

                Assert.Equal(expected >= 0, found);
                Assert.Equal(expected, found ? value : -1);
                if (found)
                {
                    Assert.Equal(entries[expected].Cidr, matched);
                    Assert.Equal(table.Entries[table.LookupIndex(probe)], (matched, value));
                }
            }
        }, iter: 3_000);

    // The order routes were created in never changes which route a destination takes. The one exception is
    // exact duplicate blocks (impossible in one AWS route table): the first listed wins, so shuffling can change
    // which duplicate's value comes back, never which block matched.
    [Fact]
    public void LookupIndex_ShuffledEntries_MatchesTheSameBlock() =>
        NetGen.LpmCase.Sample(c =>
        {
            var entries = c.Entries;
            var shuffled = entries.ToArray();
            new Random(c.ShuffleSeed).Shuffle(shuffled);
            var table = new LongestPrefixMatchTable<int>(entries);
            var reordered = new LongestPrefixMatchTable<int>(shuffled);
            bool hasDuplicates = c.Cidrs.Distinct().Count() != c.Cidrs.Length;

            foreach (var probe in c.Probes)
            {
                bool found = table.TryLookup(probe, out int value, out var matched);
                bool foundAgain = reordered.TryLookup(probe, out int valueAgain, out var matchedAgain);

                Assert.Equal(found, foundAgain);
                Assert.Equal(matched, matchedAgain);
                if (!hasDuplicates)
                    Assert.Equal(value, valueAgain);
            }
        }, iter: 2_000);

    [Fact]
    public void Entries_RandomTable_KeepFirstOfEachBlockInOrder() =>
        NetGen.LpmCase.Sample(c =>
        {
            var table = new LongestPrefixMatchTable<int>(c.Entries);
            var expected = c.Entries.DistinctBy(e => e.Cidr).ToArray();

            Assert.Equal(expected, table.Entries);
            Assert.Equal(expected.Length, table.Count);
        });
}
