using VpcLab.Engine;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>What the engine answered for flows already played, by 5-tuple and sending interface: a run's world never
/// changes, so a repeated flow (the same client port to the same server again) gets the same decision and the same
/// observations, and the walk is skipped from its third sight on (the second keeps it). A fixed table of slots (each flow has one slot, a later flow takes it over),
/// so memory does not grow with the run, and nothing is ever invalidated within a run. A pure memo: the records are
/// the same with or without it (docs/semantics.md#flow-log-decision-cache).</summary>
internal sealed class DecisionCache
{
    /// <summary>Observations one slot keeps: a connection through a NAT gateway is seen 8 times (client out, NAT in
    /// and out, server in, and the same back); a longer path is walked every time.</summary>
    private const int Width = 8;

    private readonly CompiledNetwork _network;
    private readonly FlowObservations _scratch = new();
    private readonly Slot[] _slots;
    private readonly InterfaceObservation[] _seen;
    private readonly int _mask;

    private struct Slot
    {
        public bool Used;
        public bool Stored;
        public int Source;
        public int Count;
        public FlowKey Flow;
        public Decision Decision;
    }

    /// <summary><paramref name="slots"/> is rounded down to a power of two; 0 turns the cache off (every flow walked).</summary>
    public DecisionCache(CompiledNetwork network, int slots)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slots);
        _network = network;
        int size = slots == 0 ? 0 : 1 << (31 - int.LeadingZeroCount(slots));
        _slots = new Slot[size];
        _seen = new InterfaceObservation[size * Width];
        _mask = size - 1;
    }

    /// <summary>Flows the engine walked (the others were answered from the cache).</summary>
    public long Walked { get; private set; }

    /// <summary>The decision on <paramref name="flow"/> from <paramref name="source"/> and what every interface on its
    /// paths saw (<see cref="CompiledNetwork.Observe"/>); <paramref name="seen"/> is valid until the next call.</summary>
    public Decision Observe(in FlowKey flow, int source, out ReadOnlySpan<InterfaceObservation> seen)
    {
        if (_slots.Length == 0)
            return Walk(in flow, source, out seen);
        int index = (int)(Hash(in flow, source) & (uint)_mask);
        ref var slot = ref _slots[index];
        bool again = slot.Used && slot.Source == source && slot.Flow == flow;
        if (again && slot.Stored)
        {
            seen = _seen.AsSpan(index * Width, slot.Count);
            return slot.Decision;
        }
        var decision = Walk(in flow, source, out seen);
        // A flow's first sight keeps only its key: most client ports are drawn once, and copying every walk's
        // observations into the table would cost more than the repeats save. A flow seen again is kept whole.
        if (!again)
            slot = new Slot { Used = true, Source = source, Flow = flow };
        else if (seen.Length <= Width)
        {
            seen.CopyTo(_seen.AsSpan(index * Width, Width));
            slot = new Slot { Used = true, Stored = true, Source = source, Count = seen.Length, Flow = flow, Decision = decision };
        }
        return decision;
    }

    private Decision Walk(in FlowKey flow, int source, out ReadOnlySpan<InterfaceObservation> seen)
    {
        Walked++;
        var decision = _network.Observe(in flow, source, _scratch);
        seen = _scratch.AsSpan();
        return decision;
    }

    /// <summary>A fixed mix of the key (not <see cref="HashCode"/>, which is seeded per process), so the same run
    /// walks the same flows on every machine.</summary>
    private static ulong Hash(in FlowKey flow, int source)
    {
        ulong h = Mix((ulong)flow.Source.Value ^ (ulong)(flow.Source.Value >> 64) ^ (ulong)source);
        h = Mix(h ^ (ulong)flow.Destination.Value ^ (ulong)(flow.Destination.Value >> 64));
        return Mix(h ^ ((ulong)(ushort)flow.Protocol.Number << 32) ^ ((ulong)flow.SourcePort << 16) ^ flow.DestinationPort);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
