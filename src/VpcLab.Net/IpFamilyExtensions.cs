namespace VpcLab.Net;

public static class IpFamilyExtensions
{
    /// <summary>Number of bits in an address of this family.</summary>
    public static int BitLength(this IpFamily family) => family == IpFamily.V4 ? 32 : 128;

    /// <summary>The largest address value of the family (all bits set).</summary>
    public static UInt128 MaxValue(this IpFamily family) =>
        family == IpFamily.V4 ? uint.MaxValue : UInt128.MaxValue;
}
