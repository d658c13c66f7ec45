using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Compilation;

/// <summary>An address scoped to a VPC: private address spaces of different VPCs may overlap.</summary>
internal readonly struct VpcAddress : IEquatable<VpcAddress>
{
    public readonly int Vpc;
    public readonly IpAddress Address;

    public VpcAddress(int vpc, IpAddress address)
    {
        Vpc = vpc;
        Address = address;
    }

    public bool Equals(VpcAddress other) =>
        Vpc == other.Vpc && Address.Value == other.Address.Value && Address.Family == other.Address.Family;

    public override bool Equals(object? obj) => obj is VpcAddress other && Equals(other);

    public override int GetHashCode()
    {
        ulong lo = (ulong)Address.Value, hi = (ulong)(Address.Value >> 64);
        ulong h = (lo * 0x9E3779B97F4A7C15UL) ^ (hi * 0xC2B2AE3D27D4EB4FUL) ^ ((ulong)(uint)Vpc << 32) ^ (byte)Address.Family;
        return (int)(h ^ (h >> 29));
    }
}
