using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.Reachability;

/// <summary>The destination ports an analysis probes (docs/semantics.md#ports): RA asks about every port when a path
/// names none; we trace concrete ones and report the first that gets through (else the first probe).</summary>
public static class ProbePorts
{
    /// <summary>Choice: without a destination port, a path to a VPC endpoint asks about HTTPS, the port AWS
    /// services answer on behind endpoints (S3, DynamoDB, SNS, SQS, ...; docs/semantics.md#ra-endpoints).</summary>
    public const ushort EndpointServicePort = 443;

    /// <summary>Destination ports probed when the path names none: at most this many.</summary>
    public const int MaxProbedPorts = 32;

    /// <summary>The path's DestinationPort, else a filter's DestinationPortRange.FromPort (at source, then at
    /// destination), else <see cref="EndpointServicePort"/> for a VPC endpoint, else
    /// <see cref="FromSecurityGroups"/>.</summary>
    public static ushort[] For(NetworkInsightsPath path, Network network, IpProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.DestinationPort is { } p ? [(ushort)p]
            : path.FilterAtSource?.DestinationPortRange is { } fs ? [fs.From]
            : path.FilterAtDestination?.DestinationPortRange is { } fd ? [fd.From]
            : path.Destination is { Kind: PathEndpointKind.VpcEndpoint } ? [EndpointServicePort]
            : FromSecurityGroups(path, network, protocol);
    }

    /// <summary>Choice: the lower bound of each inbound rule of the destination's security groups that can match
    /// the protocol, ascending (at most <see cref="MaxProbedPorts"/>). With no such rule (or no interface at the
    /// destination) the probe is 80 for TCP and 53 for UDP.</summary>
    public static ushort[] FromSecurityGroups(NetworkInsightsPath path, Network network, IpProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(network);
        var groups = path.Destination switch
        {
            { Kind: PathEndpointKind.Instance } d => network.Instances[new InstanceId(d.Id)].NetworkInterfaces
                .SelectMany(e => network.NetworkInterfaces.TryGetValue(e, out var eni) ? eni.Groups : []),
            { Kind: PathEndpointKind.NetworkInterface } d => network.NetworkInterfaces[new NetworkInterfaceId(d.Id)].Groups.AsEnumerable(),
            _ => [],
        };
        var ports = groups.Distinct()
            .SelectMany(g => network.SecurityGroups.TryGetValue(g, out var sg) ? sg.Rules : [])
            .Where(r => !r.IsEgress && r.Protocol.Matches(protocol))
            .Select(r => r.Protocol.IsAll || r.FromPort < 0 ? 0 : r.FromPort)
            .Distinct().Order().Take(MaxProbedPorts)
            .Select(p => (ushort)Math.Clamp(p, 0, ushort.MaxValue)).ToArray();
        return ports.Length > 0 ? ports : [protocol == IpProtocol.Udp ? (ushort)53 : (ushort)80];
    }
}
