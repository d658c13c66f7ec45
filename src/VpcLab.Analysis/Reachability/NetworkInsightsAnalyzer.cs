using System.Collections.Immutable;
using VpcLab.Analysis.Blockers;
using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.Reachability;

/// <summary>Runs a path through the engine: the same data plane as <c>vpclab trace</c>, on the current snapshot
/// (compiled once per snapshot). docs/semantics.md#analysis.</summary>
public sealed class NetworkInsightsAnalyzer
{
    /// <summary>Choice: the internet address of an internet gateway end when the path gives none (TEST-NET-2,
    /// RFC 5737: never a VPC's or a Region pool's address, and not RFC 1918/6598, which gateways refuse).</summary>
    public static readonly IpAddress DefaultInternetAddress = IpAddress.Parse("198.51.100.1");

    private readonly Lock _gate = new();
    private Network? _network;
    private CompiledNetwork? _compiled;

    /// <summary>The compiled form of <paramref name="network"/>, cached for the last snapshot seen (snapshots
    /// are immutable, so reference equality is identity).</summary>
    public CompiledNetwork Compile(Network network)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(network, _network) || _compiled is null)
            {
                _compiled = CompiledNetwork.Compile(network);
                _network = network;
            }
            return _compiled;
        }
    }

    public AnalysisOutcome Analyze(NetworkInsightsPath path, Network network)
    {
        var compiled = Compile(network);
        string? missing = Missing(path.Source, network) ?? (path.Destination is { } d ? Missing(d, network) : null);
        if (missing is not null)
            return AnalysisOutcome.Failure($"The analysis failed because of a missing component {missing}.");

        var protocol = path.Protocol == "udp" ? IpProtocol.Udp : IpProtocol.Tcp;
        ushort sourcePort = (ushort)(path.FilterAtSource?.SourcePortRange?.From
            ?? path.FilterAtDestination?.SourcePortRange?.From ?? FlowKey.DefaultEphemeralPort);
        var source = SourceEndpoint(path, network);
        if (path.Destination is { Kind: PathEndpointKind.VpcEndpoint } toEndpoint
            && (VpcEndpointPathEnds.EndpointWithoutInterface(toEndpoint, network) ?? VpcEndpointPathEnds.GatewayEndpointFromOutside(path.Source, toEndpoint, network)) is { } none)
            return none;
        var destination = DestinationEndpoint(path, network);

        // An internet gateway as source: the packet enters from the internet through that gateway, so it only
        // reaches interfaces of the VPC the gateway is attached to.
        if (path.Source.Kind == PathEndpointKind.InternetGateway && path.Destination is { Kind: not PathEndpointKind.InternetGateway } dest)
        {
            var igw = network.InternetGateways[new InternetGatewayId(path.Source.Id)];
            var destinationVpc = VpcOf(dest, network);
            if (igw.AttachedVpcId is not { } attached || attached != destinationVpc)
                return NoPathAt(network, path.Source, ExplanationCode.NoPath,
                    igw.AttachedVpcId is null ? $"{igw.Id} is not attached to a VPC." : $"{igw.Id} is not attached to {destinationVpc}.");
        }

        // A private internet source: the gateway drops it (the engine would instead take a VPC address as sent by
        // the interface that owns it).
        if (path.Source.Kind == PathEndpointKind.InternetGateway && source is AddressEndpoint { Ip: var from }
            && PrivateRangeCode(from) is { } refused)
            return NoPathAt(network, path.Source, refused, $"{path.Source.Id} drops packets from the private address {from}.", from);

        var ports = ProbePorts.For(path, network, protocol);

        Trace? first = null;
        TraceRequest? firstRequest = null;
        try
        {
            foreach (var port in ports)
            {
                var request = new TraceRequest(source, destination, protocol, port, sourcePort, IpFamily.V4);
                var trace = compiled.Trace(request);
                first ??= trace;
                firstRequest ??= request;
                if (trace.Verdict == Verdict.Accepted)
                {
                    first = trace;
                    break;
                }
            }
        }
        catch (TraceRequestException e)
        {
            return AnalysisOutcome.Failure("The network configuration is not supported: " + e.Message);
        }
        var t = first!;

        // An internet gateway as destination: the path is found only if the packet leaves through that gateway.
        if (path.Destination is { Kind: PathEndpointKind.InternetGateway } gateway && t.Verdict == Verdict.Accepted
            && !t.Forward.Any(h => h.Component.Kind == ComponentKind.InternetGateway && h.Component.Id == gateway.Id))
        {
            var explanation = new Explanation(ExplanationCode.NoPath, Component: Ref(network, ComponentKind.InternetGateway, gateway.Id))
            {
                Message = $"The packet reaches {t.Flow.Destination} without crossing {gateway.Id}.",
            };
            return new AnalysisOutcome(AnalysisOutcome.Succeeded, null, false, t.Forward, [], [explanation]) { Flow = t.Flow };
        }
        if (path.Destination is { Kind: PathEndpointKind.VpcEndpoint } vpce && t.Verdict == Verdict.Accepted
            && VpcEndpointPathEnds.GatewayEndpointNotCrossed(vpce, t, network) is { } notCrossed)
            return notCrossed;
        return new AnalysisOutcome(AnalysisOutcome.Succeeded, null, t.Verdict == Verdict.Accepted, t.Forward,
            t.Verdict == Verdict.Accepted || t.DroppedOn == PathDirection.Return ? t.Return : [], Explanations(t, firstRequest!, network)) { Flow = t.Flow };
    }

    /// <summary>A blocked path's explanations: every blocker on the forward and return paths, as <c>vpclab trace</c>
    /// lists them (<see cref="BlockedPathAnalyzer"/>: each found by tracing again with the blockers before it changed),
    /// not only the first drop's (docs/semantics.md#blocked-paths).</summary>
    private static ImmutableArray<Explanation> Explanations(Trace trace, TraceRequest request, Network network)
    {
        if (trace.Verdict != Verdict.Dropped)
            return trace.Explanations;
        var blocked = BlockedPathAnalyzer.Analyze(network, request);
        // The first blocker is this trace's drop: keep the engine's own explanations of it (all of them), then the rest.
        return [.. trace.Explanations.IsDefaultOrEmpty ? blocked.Explanations.Take(1) : trace.Explanations, .. blocked.Explanations.Skip(1)];
    }

    /// <summary>IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS / …RFC6598… for a private or shared address, else null.</summary>
    private static ExplanationCode? PrivateRangeCode(IpAddress address)
    {
        if (!address.IsV4)
            return null;
        if (Cidr.Parse("10.0.0.0/8").Contains(address) || Cidr.Parse("172.16.0.0/12").Contains(address) || Cidr.Parse("192.168.0.0/16").Contains(address))
            return ExplanationCode.IgwSourceAddressNotInRfc1918Ingress;
        return Cidr.Parse("100.64.0.0/10").Contains(address) ? ExplanationCode.IgwSourceAddressNotInRfc6598Ingress : null;
    }

    private static AnalysisOutcome NoPathAt(Network network, PathEndpoint gateway, ExplanationCode code, string message, IpAddress? address = null)
    {
        var component = Ref(network, ComponentKind.InternetGateway, gateway.Id);
        var explanation = new Explanation(code, TrafficDirection.Ingress, component) { Address = address, Message = message };
        var hop = new Hop(1, component, HopAction.Dropped, TrafficDirection.Ingress, null, null, null, default, [explanation]);
        return new AnalysisOutcome(AnalysisOutcome.Succeeded, null, false, [hop], [], [explanation]);
    }

    internal static ComponentRef Ref(Network network, ComponentKind kind, string id) => new(kind, id, network.NameOf(id));

    private static TraceEndpoint SourceEndpoint(NetworkInsightsPath path, Network network)
    {
        var selected = path.SourceIp ?? path.FilterAtSource?.SourceAddress ?? path.FilterAtDestination?.SourceAddress;
        return path.Source.Kind switch
        {
            PathEndpointKind.Instance => TraceEndpoint.Instance(new InstanceId(path.Source.Id), selected),
            PathEndpointKind.NetworkInterface => TraceEndpoint.Interface(new NetworkInterfaceId(path.Source.Id), selected),
            PathEndpointKind.VpcEndpoint => VpcEndpointPathEnds.EndpointSource(path.Source, network, selected),
            _ => TraceEndpoint.ForAddress(selected ?? DefaultInternetAddress),
        };
    }

    private static TraceEndpoint DestinationEndpoint(NetworkInsightsPath path, Network network)
    {
        var selected = path.DestinationIp ?? path.FilterAtDestination?.DestinationAddress ?? path.FilterAtSource?.DestinationAddress;
        if (path.Destination is not { } d)
            return TraceEndpoint.ForAddress(selected!.Value);
        // From the internet a given address is taken as is: a public address reaches its interface through the
        // gateway, a private one is refused there (IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS), as on AWS.
        if (path.Source.Kind == PathEndpointKind.InternetGateway && selected is { } fromInternet)
            return TraceEndpoint.ForAddress(fromInternet);
        return d.Kind switch
        {
            PathEndpointKind.Instance => TraceEndpoint.Instance(new InstanceId(d.Id), selected),
            PathEndpointKind.NetworkInterface => TraceEndpoint.Interface(new NetworkInterfaceId(d.Id), selected),
            PathEndpointKind.VpcEndpoint => VpcEndpointPathEnds.EndpointDestination(path, d, network, selected),
            _ => TraceEndpoint.ForAddress(selected ?? DefaultInternetAddress),
        };
    }

    /// <summary>The id of a resource that no longer exists (or an instance that is terminated), else null.</summary>
    private static string? Missing(PathEndpoint endpoint, Network network) => endpoint.Kind switch
    {
        PathEndpointKind.Instance => network.Instances.TryGetValue(new InstanceId(endpoint.Id), out var i) && i.State != InstanceState.Terminated
            ? null : endpoint.Id,
        PathEndpointKind.NetworkInterface => network.NetworkInterfaces.ContainsKey(new NetworkInterfaceId(endpoint.Id)) ? null : endpoint.Id,
        PathEndpointKind.VpcEndpoint => network.VpcEndpoints.TryGetValue(new VpcEndpointId(endpoint.Id), out var e) && e.State != VpcEndpointState.Deleted
            ? null : endpoint.Id,
        _ => network.InternetGateways.ContainsKey(new InternetGatewayId(endpoint.Id)) ? null : endpoint.Id,
    };

    private static VpcId? VpcOf(PathEndpoint endpoint, Network network) => endpoint.Kind switch
    {
        PathEndpointKind.Instance => network.Instances[new InstanceId(endpoint.Id)].VpcId,
        PathEndpointKind.NetworkInterface => network.NetworkInterfaces[new NetworkInterfaceId(endpoint.Id)].VpcId,
        PathEndpointKind.VpcEndpoint => network.VpcEndpoints[new VpcEndpointId(endpoint.Id)].VpcId,
        _ => network.InternetGateways[new InternetGatewayId(endpoint.Id)].AttachedVpcId,
    };
}
