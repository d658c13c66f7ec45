using System.Collections.Immutable;

namespace VpcLab.Net;

/// <summary>Longest-prefix match over CIDRs of both families. Built once; a lookup is a binary search over
/// disjoint address intervals, each already resolved to its most specific entry, so it neither allocates nor
/// depends on how many prefix lengths the table holds.</summary>
/// <typeparam name="T">What an entry maps to (a route, a subnet index...).</typeparam>
public sealed class LongestPrefixMatchTable<T>
{
    private readonly Intervals _v4;
    private readonly Intervals _v6;

    /// <summary>The entries as given (after dropping exact duplicates: the first of equal CIDRs wins).</summary>
    public ImmutableArray<(Cidr Cidr, T Value)> Entries { get; }

    public LongestPrefixMatchTable(IEnumerable<(Cidr Cidr, T Value)> entries)
    {
        var list = new List<(Cidr Cidr, T Value)>();
        var seen = new HashSet<Cidr>();
        foreach (var e in entries)
        {
            if (seen.Add(e.Cidr))
                list.Add(e);
        }
        Entries = [.. list];
        _v4 = Intervals.Build(Entries, IpFamily.V4);
        _v6 = Intervals.Build(Entries, IpFamily.V6);
    }

    public int Count => Entries.Length;

    /// <summary>Finds the most specific entry containing <paramref name="address"/>; returns its index in
    /// <see cref="Entries"/>, or −1 when none does.</summary>
    public int LookupIndex(IpAddress address) =>
        (address.IsV4 ? _v4 : _v6).Find(address.Value);

    public bool TryLookup(IpAddress address, out T value, out Cidr matched)
    {
        int index = LookupIndex(address);
        if (index < 0)
        {
            value = default!;
            matched = default;
            return false;
        }
        (matched, value) = Entries[index];
        return true;
    }

    /// <summary>Disjoint, sorted intervals of one family, each owned by the most specific entry covering it.</summary>
    private sealed class Intervals
    {
        private readonly UInt128[] _starts;
        private readonly UInt128[] _ends;
        private readonly int[] _owners;

        private Intervals(UInt128[] starts, UInt128[] ends, int[] owners)
        {
            _starts = starts;
            _ends = ends;
            _owners = owners;
        }

        public static Intervals Build(ImmutableArray<(Cidr Cidr, T Value)> entries, IpFamily family)
        {
            var order = new List<int>();
            for (int i = 0; i < entries.Length; i++)
            {
                if (entries[i].Cidr.Family == family)
                    order.Add(i);
            }
            // Enclosing blocks first: by start, then shorter prefix first.
            order.Sort((a, b) => entries[a].Cidr.CompareTo(entries[b].Cidr));

            var starts = new List<UInt128>();
            var ends = new List<UInt128>();
            var owners = new List<int>();
            var stack = new Stack<int>();
            UInt128 cursor = 0;
            bool exhausted = false; // the cursor passed the family's last address

            void Emit(UInt128 from, UInt128 to, int owner)
            {
                starts.Add(from);
                ends.Add(to);
                owners.Add(owner);
            }

            void CloseTop()
            {
                int top = stack.Pop();
                var end = entries[top].Cidr.Last.Value;
                if (!exhausted && cursor <= end)
                    Emit(cursor, end, top);
                if (end == family.MaxValue())
                    exhausted = true;
                else
                    cursor = end + 1;
            }

            foreach (int index in order)
            {
                var cidr = entries[index].Cidr;
                var start = cidr.First.Value;
                while (stack.Count > 0 && entries[stack.Peek()].Cidr.Last.Value < start)
                    CloseTop();
                if (stack.Count > 0 && cursor < start)
                    Emit(cursor, start - 1, stack.Peek());
                cursor = start;
                stack.Push(index);
            }
            while (stack.Count > 0)
                CloseTop();
            return new Intervals([.. starts], [.. ends], [.. owners]);
        }

        public int Find(UInt128 value)
        {
            int lo = 0, hi = _starts.Length - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >>> 1;
                if (_starts[mid] <= value)
                    lo = mid + 1;
                else
                    hi = mid - 1;
            }
            // hi is the last interval starting at or before value.
            return hi >= 0 && value <= _ends[hi] ? _owners[hi] : -1;
        }
    }
}
