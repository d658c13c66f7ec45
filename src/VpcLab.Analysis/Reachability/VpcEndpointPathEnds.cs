using VpcLab.Engine;
using VpcLab.Engine.S3;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.Reachability;

/// <summary>VPC endpoints as a path's ends (docs/semantics.md#ra-endpoints): an interface endpoint is one of its
/// interfaces, a gateway endpoint is its service's address in the Region, reached only if the packet crosses that
/// endpoint.</summary>
internal static class VpcEndpointPathEnds
{
    /// <summary>An interface endpoint as the source: its first interface (the engine then answers
    /// VPCE_INTRA_VPC_TRAFFIC: the service behind it never opens connections into the VPC).</summary>
    internal static TraceEndpoint EndpointSource(PathEndpoint source, Network network, IpAddress? selected)
    {
        var endpoint = network.VpcEndpoints[new VpcEndpointId(source.Id)];
        return endpoint.NetworkInterfaceIds.IsDefaultOrEmpty
            ? TraceEndpoint.ForAddress(selected ?? NetworkInsightsAnalyzer.DefaultInternetAddress)
            : TraceEndpoint.Interface(endpoint.NetworkInterfaceIds[0], selected);
    }

    /// <summary>An interface endpoint: its interface in the source's Availability Zone if it has one there, else
    /// its first (a client's DNS answer for the regional name includes every zone; RA models one). A gateway
    /// endpoint: an address of its service in the Region (S3's as <see cref="S3RequestTracer.S3AddressIn"/> picks
    /// it; another service's the first address of its first range), unless the path selects one.</summary>
    internal static TraceEndpoint EndpointDestination(NetworkInsightsPath path, PathEndpoint destination, Network network, IpAddress? selected)
    {
        var endpoint = network.VpcEndpoints[new VpcEndpointId(destination.Id)];
        if (endpoint.IsGateway)
            return TraceEndpoint.ForAddress(selected ?? ServiceAddress(endpoint));

        var zone = ZoneOf(path.Source, network);
        var chosen = endpoint.NetworkInterfaceIds[0];
        foreach (var id in endpoint.NetworkInterfaceIds)
        {
            if (zone is not null && network.NetworkInterfaces.TryGetValue(id, out var eni) && eni.AvailabilityZone == zone)
            {
                chosen = id;
                break;
            }
        }
        return TraceEndpoint.Interface(chosen, selected);
    }

    /// <summary>The address a gateway endpoint's service answers on in the endpoint's Region.</summary>
    /// <exception cref="TraceRequestException">VpcLab knows no range of that service in the Region.</exception>
    internal static IpAddress ServiceAddress(VpcEndpoint endpoint)
    {
        // com.amazonaws.<region>.<service>: the last label is the service, upper case in ip-ranges.json.
        var service = endpoint.ServiceName[(endpoint.ServiceName.LastIndexOf('.') + 1)..].ToUpperInvariant();
        if (service == "S3")
            return S3RequestTracer.S3AddressIn(endpoint.Region);
        var prefixes = AwsIpRanges.Default.PrefixesOf(endpoint.Region, service);
        if (prefixes.IsEmpty)
            throw new TraceRequestException($"VpcLab knows no {service} address range in the Region '{endpoint.Region}'.");
        return prefixes[0].AddressAt(0);
    }

    /// <summary>The Availability Zone of an instance's or interface's source (null for a gateway).</summary>
    internal static string? ZoneOf(PathEndpoint source, Network network) => source.Kind switch
    {
        PathEndpointKind.NetworkInterface => network.NetworkInterfaces.TryGetValue(new NetworkInterfaceId(source.Id), out var eni) ? eni.AvailabilityZone : null,
        PathEndpointKind.Instance => network.Instances.TryGetValue(new InstanceId(source.Id), out var i) && !i.NetworkInterfaces.IsDefaultOrEmpty
            && network.NetworkInterfaces.TryGetValue(i.NetworkInterfaces[0], out var primary) ? primary.AvailabilityZone : null,
        _ => null,
    };

    /// <summary>An interface endpoint without interfaces (no subnet left) has nothing to receive the packet:
    /// NO_POSSIBLE_DESTINATION on the endpoint. Null when the endpoint can be traced to.</summary>
    internal static AnalysisOutcome? EndpointWithoutInterface(PathEndpoint destination, Network network)
    {
        var endpoint = network.VpcEndpoints[new VpcEndpointId(destination.Id)];
        if (endpoint.IsGateway || !endpoint.NetworkInterfaceIds.IsDefaultOrEmpty)
            return null;
        var component = NetworkInsightsAnalyzer.Ref(network, ComponentKind.InterfaceEndpoint, destination.Id);
        var explanation = new Explanation(ExplanationCode.NoPossibleDestination, TrafficDirection.Ingress, component)
        {
            Message = $"{destination.Id} has no network interface in any subnet.",
        };
        var hop = new Hop(1, component, HopAction.Dropped, TrafficDirection.Ingress, null, null, null, default, [explanation]);
        return new AnalysisOutcome(AnalysisOutcome.Succeeded, null, false, [hop], [], [explanation]);
    }

    /// <summary>A gateway endpoint serves only its VPC's subnets, through their route tables: from an internet
    /// gateway (the internet) no path leads into it (NO_PATH on the endpoint). Null for any other source.</summary>
    internal static AnalysisOutcome? GatewayEndpointFromOutside(PathEndpoint source, PathEndpoint destination, Network network)
    {
        if (source.Kind != PathEndpointKind.InternetGateway || !network.VpcEndpoints[new VpcEndpointId(destination.Id)].IsGateway)
            return null;
        var component = NetworkInsightsAnalyzer.Ref(network, ComponentKind.GatewayEndpoint, destination.Id);
        var explanation = new Explanation(ExplanationCode.NoPath, TrafficDirection.Ingress, component)
        {
            Message = $"{destination.Id} is reached only from its VPC's subnets through their route tables, not from {source.Id}.",
        };
        var hop = new Hop(1, NetworkInsightsAnalyzer.Ref(network, ComponentKind.InternetGateway, source.Id), HopAction.Dropped, TrafficDirection.Ingress, null, null, null, default, [explanation]);
        return new AnalysisOutcome(AnalysisOutcome.Succeeded, null, false, [hop], [], [explanation]);
    }

    /// <summary>A gateway endpoint destination is reached only through that endpoint (like an internet gateway
    /// destination): an accepted trace that gets to the service another way (a NAT gateway and the internet,
    /// another endpoint) is NO_PATH. Null when the trace crossed it, or the destination is an interface endpoint.</summary>
    internal static AnalysisOutcome? GatewayEndpointNotCrossed(PathEndpoint destination, Trace trace, Network network)
    {
        if (!network.VpcEndpoints[new VpcEndpointId(destination.Id)].IsGateway
            || trace.Forward.Any(h => h.Component.Kind == ComponentKind.GatewayEndpoint && h.Component.Id == destination.Id))
            return null;
        var explanation = new Explanation(ExplanationCode.NoPath, Component: NetworkInsightsAnalyzer.Ref(network, ComponentKind.GatewayEndpoint, destination.Id))
        {
            Message = $"The packet reaches {trace.Flow.Destination} without crossing {destination.Id}.",
        };
        return new AnalysisOutcome(AnalysisOutcome.Succeeded, null, false, trace.Forward, [], [explanation]) { Flow = trace.Flow };
    }
}
