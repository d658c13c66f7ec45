using System.Text.Json;
using System.Text.Json.Serialization;
using VpcLab.Engine;
using VpcLab.Net;

namespace VpcLab.Server.Rendering;

/// <summary>A flow and a packet header in JSON with the fields their protocol has: ports for TCP and UDP,
/// <c>icmpType</c>/<c>icmpCode</c> for ICMP and ICMPv6 (the engine keeps type × 256 + code in the destination port,
/// a netflow convention that is no one's business outside it), neither for other protocols.</summary>
public static class FlowJsonConverters
{
    public static IEnumerable<JsonConverter> All => [new FlowKeyConverter(), new PacketHeaderConverter()];

    private static void Write(Utf8JsonWriter writer, IpAddress source, IpAddress destination, IpProtocol protocol,
        ushort sourcePort, ushort destinationPort, bool withFamily)
    {
        writer.WriteStartObject();
        writer.WriteString("source", source.ToString());
        writer.WriteString("destination", destination.ToString());
        writer.WriteString("protocol", protocol.ToString());
        if (protocol.HasPorts)
        {
            writer.WriteNumber("sourcePort", sourcePort);
            writer.WriteNumber("destinationPort", destinationPort);
        }
        else if (protocol.IsIcmp)
        {
            writer.WriteNumber("icmpType", destinationPort >> 8);
            writer.WriteNumber("icmpCode", destinationPort & 0xFF);
        }
        if (withFamily)
            writer.WriteString("family", source.IsV6 ? "v6" : "v4");
        writer.WriteEndObject();
    }

    private sealed class FlowKeyConverter : JsonConverter<FlowKey>
    {
        public override FlowKey Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("read-only");

        public override void Write(Utf8JsonWriter writer, FlowKey value, JsonSerializerOptions options) =>
            FlowJsonConverters.Write(writer, value.Source, value.Destination, value.Protocol, value.SourcePort, value.DestinationPort, withFamily: true);
    }

    private sealed class PacketHeaderConverter : JsonConverter<PacketHeader>
    {
        public override PacketHeader Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("read-only");

        public override void Write(Utf8JsonWriter writer, PacketHeader value, JsonSerializerOptions options) =>
            FlowJsonConverters.Write(writer, value.Source, value.Destination, value.Protocol, value.SourcePort, value.DestinationPort, withFamily: false);
    }
}
