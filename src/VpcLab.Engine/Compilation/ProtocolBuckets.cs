using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Compilation;

/// <summary>Rules bucketed by direction, family and protocol so a lookup scans only rules that can apply.</summary>
internal static class ProtocolBuckets
{
    public const int Count = 5; // tcp, udp, icmp, icmpv6, other

    public static int Of(short protocol) => protocol switch
    {
        6 => 0,
        17 => 1,
        1 => 2,
        58 => 3,
        _ => 4,
    };

    /// <summary>Index into a [egress][family][protocol] flattened array.</summary>
    public static int Index(bool egress, IpFamily family, short protocol) =>
        ((egress ? 1 : 0) * 2 + (family == IpFamily.V4 ? 0 : 1)) * Count + Of(protocol);

    public const int Total = 2 * 2 * Count;
}
