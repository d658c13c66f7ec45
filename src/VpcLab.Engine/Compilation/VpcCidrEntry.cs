using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Compilation;

/// <summary>One CIDR of a VPC, ready to match an address (family carried by the mask width).</summary>
internal readonly struct VpcCidrEntry(UInt128 network, UInt128 mask, IpFamily family)
{
    public readonly UInt128 Network = network;
    public readonly UInt128 Mask = mask;
    public readonly IpFamily Family = family;
}
