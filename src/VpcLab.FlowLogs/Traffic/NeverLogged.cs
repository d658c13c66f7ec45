using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>Traffic flow logs never capture (flow-logs.md §3) beyond what the engine already leaves out (the Amazon
/// DNS resolver and the metadata service): Amazon Time Sync, Windows licence activation, DHCP, and the reserved
/// address of each subnet's router.</summary>
internal sealed class NeverLogged
{
    private static readonly IpAddress TimeSync = IpAddress.Parse("169.254.169.123");
    private static readonly IpAddress TimeSyncV6 = IpAddress.Parse("fd00:ec2::123");
    private static readonly IpAddress LicenceActivation1 = IpAddress.Parse("169.254.169.250");
    private static readonly IpAddress LicenceActivation2 = IpAddress.Parse("169.254.169.251");

    private readonly HashSet<IpAddress> _routers;

    public NeverLogged(Network network) =>
        _routers = [.. network.Subnets.Values.Select(s => s.RouterAddress)];

    public bool Matches(in FlowKey flow)
    {
        var d = flow.Destination;
        if (d == TimeSync || d == TimeSyncV6 || d == LicenceActivation1 || d == LicenceActivation2 || _routers.Contains(d))
            return true;
        return flow.Protocol.Number == 17 && (flow.DestinationPort is 67 or 68 or 546 or 547);
    }
}
