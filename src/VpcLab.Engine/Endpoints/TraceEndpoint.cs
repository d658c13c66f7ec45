using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

/// <summary>One end of a traced flow: a network interface, an instance (its primary interface unless
/// <see cref="Address"/> picks another of its addresses), or a bare IP address (inside a VPC, the interface that
/// owns it; otherwise the internet).</summary>
public abstract record TraceEndpoint
{
    private protected TraceEndpoint() { }

    /// <summary>An address that picks one of the interface's (or instance's) addresses, or the address itself.</summary>
    public abstract IpAddress? Address { get; }

    public static TraceEndpoint Interface(NetworkInterfaceId id, IpAddress? address = null) => new InterfaceEndpoint(id, address);
    public static TraceEndpoint Instance(InstanceId id, IpAddress? address = null) => new InstanceEndpoint(id, address);
    public static TraceEndpoint ForAddress(IpAddress address) => new AddressEndpoint(address);
}

public sealed record InterfaceEndpoint(NetworkInterfaceId Id, IpAddress? SelectedAddress = null) : TraceEndpoint
{
    public override IpAddress? Address => SelectedAddress;
    public override string ToString() => SelectedAddress is { } a ? $"{Id} ({a})" : Id.Value;
}

public sealed record InstanceEndpoint(InstanceId Id, IpAddress? SelectedAddress = null) : TraceEndpoint
{
    public override IpAddress? Address => SelectedAddress;
    public override string ToString() => SelectedAddress is { } a ? $"{Id} ({a})" : Id.Value;
}

public sealed record AddressEndpoint(IpAddress Ip) : TraceEndpoint
{
    public override IpAddress? Address => Ip;
    public override string ToString() => Ip.ToString();
}

/// <summary>A question: from <see cref="Source"/> to <see cref="Destination"/> with a protocol and ports. For ICMP,
/// <see cref="IcmpType"/>/<see cref="IcmpCode"/> replace the ports (default: echo request). An interface or instance
/// end uses its IPv6 address when the other end is IPv6 or <see cref="Family"/> asks for IPv6, else its IPv4.</summary>
public sealed record TraceRequest(TraceEndpoint Source, TraceEndpoint Destination, IpProtocol Protocol,
    ushort DestinationPort = 0, ushort SourcePort = FlowKey.DefaultEphemeralPort, IpFamily? Family = null)
{
    public int? IcmpType { get; init; }
    public int IcmpCode { get; init; }

    public static TraceRequest Tcp(TraceEndpoint source, TraceEndpoint destination, ushort port, IpFamily? family = null) =>
        new(source, destination, IpProtocol.Tcp, port, FlowKey.DefaultEphemeralPort, family);
}
