using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Compilation;

/// <summary>A global address (public IPv4, IPv6) as a dictionary key with a cheap hash.</summary>
internal readonly struct AddressKey : IEquatable<AddressKey>
{
    public readonly IpAddress Address;

    public AddressKey(IpAddress address) => Address = address;

    public bool Equals(AddressKey other) => Address.Value == other.Address.Value && Address.Family == other.Address.Family;

    public override bool Equals(object? obj) => obj is AddressKey other && Equals(other);

    public override int GetHashCode()
    {
        ulong lo = (ulong)Address.Value, hi = (ulong)(Address.Value >> 64);
        ulong h = (lo * 0x9E3779B97F4A7C15UL) ^ (hi * 0xC2B2AE3D27D4EB4FUL) ^ (byte)Address.Family;
        return (int)(h ^ (h >> 29));
    }
}
