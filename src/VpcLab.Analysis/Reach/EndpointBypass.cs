using System.Collections.Immutable;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.Reach;

/// <summary>An interface that reaches S3 or DynamoDB over the internet (an internet or NAT gateway) although its VPC
/// has a gateway endpoint for the service that would carry the traffic privately and free of NAT charges
/// (<see cref="Endpoints"/>), with what it reaches that way (<see cref="Reach"/>: ports, path, example).</summary>
public sealed record EndpointBypass(NetworkInterfaceId Interface, string Service, ImmutableArray<VpcEndpointId> Endpoints, PairReach Reach)
{
    /// <summary>Every such interface of the world, over HTTPS (tcp/443, what the services' APIs listen on).</summary>
    public static ImmutableArray<EndpointBypass> Compute(FlowSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var network = space.Network;
        var result = ImmutableArray.CreateBuilder<EndpointBypass>();
        var https = new[] { new TrafficClass(IpProtocol.Tcp, PortRange.Single(443)) };
        foreach (var eni in network.NetworkInterfaces.Values.Where(e => !e.RequesterManaged).OrderBy(e => e.Id.Value, StringComparer.Ordinal))
        {
            foreach (var (service, suffix) in new[] { ("S3", "s3"), ("DYNAMODB", "dynamodb") })
            {
                var endpoints = network.VpcEndpoints.Values
                    .Where(e => e.IsGateway && e.VpcId == eni.VpcId && e.ServiceName == $"com.amazonaws.{eni.Region}.{suffix}")
                    .Select(e => e.Id).OrderBy(e => e.Value, StringComparer.Ordinal).ToImmutableArray();
                if (endpoints.IsEmpty)
                    continue;
                var ids = endpoints.Select(e => e.Value).ToHashSet(StringComparer.Ordinal);
                foreach (var reach in SelectionReach.Compute(space, [new InterfaceEnd(eni.Id)], [new ServiceEnd(service)], https))
                {
                    if (!reach.Via.Any(ids.Contains))
                        result.Add(new EndpointBypass(eni.Id, service, endpoints, reach));
                }
            }
        }
        return result.ToImmutable();
    }
}
