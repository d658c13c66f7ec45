using VpcLab.Engine.Compilation;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

/// <summary>Resolves a trace request's endpoints (interfaces, instances, addresses) to a 5-tuple and the sending
/// interface, with an error that names the problem when an endpoint does not exist or lacks an address.</summary>
internal sealed class FlowResolver(CompiledModels models, Topology topology, AddressTables addresses, TraceComponents components)
{
    private Network Network => models.Network;

    public ResolvedFlow Resolve(TraceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        int source = SourceInterface(request.Source, out var sourceAddress);
        // An IPv6-only interface (docs/semantics.md#ipv6-only-subnets) has no IPv4 to send from or be reached at.
        var family = request.Family ?? ExplicitFamily(request.Source) ?? ExplicitFamily(request.Destination)
            ?? OnlyIpv6(source) ?? (request.Destination is AddressEndpoint ? null : OnlyIpv6(DestinationInterface(request.Destination)))
            ?? IpFamily.V4;
        if (request.Protocol.Number == 58 && request.Family is null && ExplicitFamily(request.Source) is null
            && ExplicitFamily(request.Destination) is null)
            family = IpFamily.V6;

        if (source >= 0)
            sourceAddress = PickAddress(source, request.Source, family, "source");
        else if (sourceAddress.Family != family)
            throw new TraceRequestException($"The source {request.Source} is {Name(sourceAddress.Family)} but the flow is {Name(family)}.");

        var destinationAddress = DestinationAddress(request, source, family);
        if (source < 0 && request.Destination is AddressEndpoint && !addresses.InWorld(destinationAddress))
            throw new TraceRequestException($"Neither {request.Source} nor {request.Destination} is in a VPC of this world.");

        FlowKey flow;
        if (request.Protocol.IsIcmp)
        {
            int type = request.IcmpType ?? (family == IpFamily.V6 ? FlowKey.IcmpEchoRequestV6 : FlowKey.IcmpEchoRequestV4);
            flow = new FlowKey(sourceAddress, destinationAddress, request.Protocol, 0, (ushort)((type << 8) | (request.IcmpCode & 0xFF)));
        }
        else
        {
            flow = new FlowKey(sourceAddress, destinationAddress, request.Protocol, request.SourcePort, request.DestinationPort);
        }
        return new ResolvedFlow(flow, source);
    }

    private IpAddress DestinationAddress(TraceRequest request, int source, IpFamily family)
    {
        if (request.Destination is AddressEndpoint a)
        {
            if (a.Ip.Family != family)
                throw new TraceRequestException($"The destination {a.Ip} is {Name(a.Ip.Family)} but the flow is {Name(family)}.");
            return a.Ip;
        }
        int d = DestinationInterface(request.Destination);
        var address = PickAddress(d, request.Destination, family, "destination");
        // From outside its VPC an IPv4 interface is reached at its public address, when it has one.
        if (source < 0 && family == IpFamily.V4 && request.Destination.Address is null
            && addresses.TryPublicOf(topology.Interfaces[d].Vpc, address, out var publicIp))
            return publicIp;
        return address;
    }

    /// <summary>When a dropped flow's destination is a private address of another VPC that is not peered with the
    /// source's, the VPCs are disconnected (RA: DISCONNECTED_VPCS); else null.</summary>
    public Explanation? Disconnected(TraceRequest request, ResolvedFlow resolved)
    {
        int source = resolved.SourceInterfaceIndex;
        if (source < 0 || DestinationInterface(request.Destination) is not (int d and >= 0))
            return null;
        int sourceVpc = topology.Interfaces[source].Vpc, destinationVpc = topology.Interfaces[d].Vpc;
        if (destinationVpc == sourceVpc || addresses.FindInterface(destinationVpc, resolved.Flow.Destination) != d
            || topology.ActivelyPeered(destinationVpc, sourceVpc))
            return null;
        return new Explanation(ExplanationCode.DisconnectedVpcs, Component: components.VpcRef(sourceVpc))
        {
            Message = $"{models.Vpcs[destinationVpc].Id} is not connected to {models.Vpcs[sourceVpc].Id}.",
        };
    }

    /// <summary>IPv6 for an interface with IPv6 addresses and no IPv4 one, else null.</summary>
    private IpFamily? OnlyIpv6(int eni) =>
        eni >= 0 && !topology.Interfaces[eni].HasV4 && topology.Interfaces[eni].HasV6 ? IpFamily.V6 : null;

    private static string Name(IpFamily family) => family == IpFamily.V4 ? "IPv4" : "IPv6";

    private static IpFamily? ExplicitFamily(TraceEndpoint endpoint) => endpoint.Address?.Family;

    /// <summary>The sending interface, or −1 with the internet address in <paramref name="internetAddress"/>.</summary>
    private int SourceInterface(TraceEndpoint endpoint, out IpAddress internetAddress)
    {
        internetAddress = default;
        switch (endpoint)
        {
            case InterfaceEndpoint or InstanceEndpoint:
                return DestinationInterface(endpoint);
            case AddressEndpoint a:
            {
                var owners = new List<int>();
                for (int v = 0; v < topology.Vpcs.Length; v++)
                {
                    int eni = addresses.FindInterface(v, a.Ip);
                    if (eni >= 0)
                        owners.Add(eni);
                }
                if (owners.Count == 1)
                    return owners[0];
                if (owners.Count > 1)
                    throw new TraceRequestException($"The address {a.Ip} belongs to several interfaces ({string.Join(", ", owners.Select(o => models.Interfaces[o].Id))}); name one of them.");
                if (addresses.TryPrivateOf(a.Ip, out var target))
                    throw new TraceRequestException($"{a.Ip} is the public address of {models.Interfaces[target.Interface].Id}; instances send from their private address, so name the interface or {target.PrivateIp}.");
                int vpc = addresses.VpcContaining(a.Ip);
                if (vpc >= 0)
                    throw new TraceRequestException($"No network interface has the address {a.Ip} in {models.Vpcs[vpc].Id}.");
                internetAddress = a.Ip;
                return -1;
            }
            default:
                throw new TraceRequestException($"Unsupported endpoint {endpoint}.");
        }
    }

    private int DestinationInterface(TraceEndpoint endpoint)
    {
        switch (endpoint)
        {
            case InterfaceEndpoint i:
                return models.InterfaceIndex.TryGetValue(i.Id, out int index)
                    ? index
                    : throw new TraceRequestException($"The network interface '{i.Id}' does not exist.");
            case InstanceEndpoint n:
                return InstanceInterface(n);
            case AddressEndpoint a:
            {
                for (int v = 0; v < topology.Vpcs.Length; v++)
                {
                    int eni = addresses.FindInterface(v, a.Ip);
                    if (eni >= 0)
                        return eni;
                }
                return -1;
            }
            default:
                return -1;
        }
    }

    private int InstanceInterface(InstanceEndpoint n)
    {
        if (!Network.Instances.TryGetValue(n.Id, out var instance) || instance.NetworkInterfaces.IsDefaultOrEmpty)
            throw new TraceRequestException($"The instance '{n.Id}' does not exist.");
        if (n.SelectedAddress is { } selected)
        {
            foreach (var id in instance.NetworkInterfaces)
            {
                int e = models.InterfaceIndex.GetValueOrDefault(id, -1);
                if (e >= 0 && addresses.Owns(e, selected))
                    return e;
            }
            throw new TraceRequestException($"The instance '{n.Id}' has no address {selected}.");
        }
        int primary = models.InterfaceIndex.GetValueOrDefault(instance.PrimaryNetworkInterface, -1);
        return primary >= 0 ? primary : throw new TraceRequestException($"The instance '{n.Id}' has no network interface.");
    }

    private IpAddress PickAddress(int eni, TraceEndpoint endpoint, IpFamily family, string role)
    {
        var model = models.Interfaces[eni];
        if (endpoint.Address is { } selected)
        {
            if (!addresses.Owns(eni, selected))
                throw new TraceRequestException($"The {role} {model.Id} has no address {selected}.");
            return selected;
        }
        ref readonly var e = ref topology.Interfaces[eni];
        if (family == IpFamily.V6)
        {
            return e.HasV6 ? e.PrimaryV6
                : throw new TraceRequestException($"The {role} {model.Id} ({Network.NameOf(model.Id.Value)}) has no IPv6 address.");
        }
        return e.HasV4 ? e.PrimaryV4
            : throw new TraceRequestException($"The {role} {model.Id} ({Network.NameOf(model.Id.Value)}) has no IPv4 address.");
    }
}
