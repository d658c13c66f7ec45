namespace VpcLab.FlowLogs.Traffic;

/// <summary>A tiny, fast pseudo-random generator whose sequence is fixed forever for a seed (System.Random's may
/// change between .NET versions), so a run is the same on every machine.</summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A number in [min, max].</summary>
    public long Range(long min, long max) => min + (long)(Next() % (ulong)(max - min + 1));

    /// <summary>A stable seed for a name (FNV-1a), mixed with the run's seed.</summary>
    public static ulong Mix(ulong seed, string name)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in name)
            h = (h ^ c) * 1099511628211UL;
        return seed ^ h;
    }
}
