using System.Globalization;

namespace VpcLab.ControlPlane;

/// <summary>Makes AWS-shaped ids (prefix-0 followed by 16 lowercase hex digits: 17 hex in all) from a seed and a
/// counter. The counter advances only with successful operations, so the same seed and the same sequence of
/// operations give the same ids (a server rebuilds its state by replaying its log). SplitMix64 is a bijection,
/// so ids never repeat for one seed.</summary>
public static class IdGenerator
{
    public static ulong Draw(ulong seed, ulong counter) => SplitMix64(seed + (counter * 0x9E3779B97F4A7C15UL));

    public static string Format(string prefix, ulong value) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-0{value:x16}");

    private static ulong SplitMix64(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>True for prefix-XXXXXXXX (8 hex, the legacy form) or prefix-XXXXXXXXXXXXXXXXX (17 hex).</summary>
    public static bool IsWellFormed(string? id, string prefix)
    {
        if (id is null || !id.StartsWith(prefix + "-", StringComparison.Ordinal))
            return false;
        var hex = id.AsSpan(prefix.Length + 1);
        if (hex.Length is not (8 or 17))
            return false;
        foreach (var c in hex)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
                return false;
        }
        return true;
    }
}
