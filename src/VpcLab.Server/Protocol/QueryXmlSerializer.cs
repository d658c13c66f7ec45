using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace VpcLab.Server.Protocol;

/// <summary>botocore's "query" protocol responses (Elastic Load Balancing v2) written with the service model:
/// <c>&lt;{Action}Response xmlns=…&gt;&lt;{Action}Result&gt;…&lt;/{Action}Result&gt;&lt;ResponseMetadata&gt;
/// &lt;RequestId&gt;…</c>, elements named by member name, lists as <c>&lt;Name&gt;&lt;member&gt;…&lt;/member&gt;
/// &lt;/Name&gt;</c>, timestamps ISO 8601 UTC, nulls omitted; errors as <c>&lt;ErrorResponse&gt;&lt;Error&gt;
/// &lt;Type&gt;Sender&lt;/Type&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;</c>.</summary>
public sealed class QueryXmlSerializer(Ec2ServiceModel model)
{
    private static readonly XmlWriterSettings s_settings = new() { Encoding = new UTF8Encoding(false) };

    public byte[] Response(Ec2Operation operation, JsonObject? result, string requestId)
    {
        ArgumentNullException.ThrowIfNull(operation);
        using var memory = new MemoryStream();
        using (var w = XmlWriter.Create(memory, s_settings))
        {
            w.WriteStartElement(operation.Name + "Response", model.XmlNamespace);
            w.WriteStartElement(operation.Name + "Result");
            if (operation.Output is { } output && result is not null)
                Members(w, output, result);
            w.WriteEndElement();
            w.WriteStartElement("ResponseMetadata");
            w.WriteElementString("RequestId", requestId);
            w.WriteEndElement();
            w.WriteEndElement();
        }
        return memory.ToArray();
    }

    public byte[] Error(string code, string message, string requestId, bool sender = true)
    {
        using var memory = new MemoryStream();
        using (var w = XmlWriter.Create(memory, s_settings))
        {
            w.WriteStartElement("ErrorResponse", model.XmlNamespace);
            w.WriteStartElement("Error");
            w.WriteElementString("Type", sender ? "Sender" : "Receiver");
            w.WriteElementString("Code", code);
            w.WriteElementString("Message", message);
            w.WriteEndElement();
            w.WriteElementString("RequestId", requestId);
            w.WriteEndElement();
        }
        return memory.ToArray();
    }

    private static void Members(XmlWriter w, Ec2Shape shape, JsonObject value)
    {
        foreach (var member in shape.Members)
        {
            if (value[member.Name] is { } node)
                Node(w, member.XmlName, member.Shape, node);
        }
        foreach (var (name, _) in value)
        {
            if (shape.FindMember(name) is null)
                throw new ArgumentException($"{shape.Name} has no member {name}", nameof(value));
        }
    }

    private static void Node(XmlWriter w, string element, Ec2Shape shape, JsonNode node)
    {
        w.WriteStartElement(element);
        switch (shape.Type)
        {
            case Ec2ShapeType.Structure:
                Members(w, shape, node.AsObject());
                break;
            case Ec2ShapeType.List:
                foreach (var item in node.AsArray())
                {
                    if (item is not null)
                        Node(w, shape.ListMember!.XmlName, shape.ListMember.Shape, item);
                }
                break;
            case Ec2ShapeType.Timestamp:
                w.WriteString(node.GetValue<DateTimeOffset>().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                break;
            case Ec2ShapeType.Boolean:
                w.WriteString(node.GetValue<bool>() ? "true" : "false");
                break;
            default:
                w.WriteString(node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString());
                break;
        }
        w.WriteEndElement();
    }
}
