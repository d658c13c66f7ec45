using System.Collections.Immutable;
using System.Text;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

/// <summary>A packet's header as it leaves a hop (RA's AnalysisPacketHeader, one value per field).</summary>
public readonly record struct PacketHeader(IpAddress Source, IpAddress Destination, IpProtocol Protocol,
    ushort SourcePort, ushort DestinationPort)
{
    public static PacketHeader From(in FlowKey flow) =>
        new(flow.Source, flow.Destination, flow.Protocol, flow.SourcePort, flow.DestinationPort);

    public FlowKey ToFlowKey() => new(Source, Destination, Protocol, SourcePort, DestinationPort);

    public override string ToString() => ToFlowKey().ToString();
}
