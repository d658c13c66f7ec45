using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Compilation;

internal struct CompiledSubnet
{
    public int Vpc;
    public int RouteTable;
    public int Acl;
    /// <summary>False for an IPv6-only subnet (docs/semantics.md#ipv6-only-subnets): no IPv4 address is in it.</summary>
    public bool HasV4;
    public UInt128 V4Network;
    public UInt128 V4Mask;
    public bool HasV6;
    public UInt128 V6Network;
    public UInt128 V6Mask;

    public readonly bool Contains(in IpAddress address) => address.Family == IpFamily.V4
        ? HasV4 && (address.Value & V4Mask) == V4Network
        : HasV6 && (address.Value & V6Mask) == V6Network;
}
