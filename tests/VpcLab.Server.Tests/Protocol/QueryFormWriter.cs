using System.Globalization;
using System.Text.Json.Nodes;
using VpcLab.Server.Protocol;

namespace VpcLab.Server.Tests.Protocol;

/// <summary>Test-side mirror of botocore's EC2Serializer: member-name JSON to form parameters (queryName /
/// capitalised locationName, <c>Name.N</c> lists, <c>Name.Field</c> structures).</summary>
internal static class QueryFormWriter
{
    public static List<KeyValuePair<string, string?>> Write(JsonObject parameters, Ec2Shape shape)
    {
        var form = new List<KeyValuePair<string, string?>>();
        Write(parameters, shape, "", form);
        return form;
    }

    private static void Write(JsonNode node, Ec2Shape shape, string prefix, List<KeyValuePair<string, string?>> form)
    {
        switch (shape.Type)
        {
            case Ec2ShapeType.Structure:
                foreach (var (name, value) in node.AsObject())
                {
                    var member = shape.FindMember(name) ?? throw new ArgumentException($"{shape.Name} has no member {name}");
                    Write(value!, member.Shape, prefix.Length == 0 ? member.QueryName : prefix + "." + member.QueryName, form);
                }

                break;
            case Ec2ShapeType.List:
                var i = 0;
                foreach (var item in node.AsArray())
                    Write(item!, shape.ListMember!.Shape, prefix + "." + (++i).ToString(CultureInfo.InvariantCulture), form);
                break;
            case Ec2ShapeType.Boolean:
                form.Add(new(prefix, node.GetValue<bool>() ? "true" : "false"));
                break;
            case Ec2ShapeType.Integer:
                form.Add(new(prefix, node.GetValue<int>().ToString(CultureInfo.InvariantCulture)));
                break;
            case Ec2ShapeType.Long:
                form.Add(new(prefix, node.GetValue<long>().ToString(CultureInfo.InvariantCulture)));
                break;
            case Ec2ShapeType.Timestamp:
                form.Add(new(prefix, node.GetValue<DateTime>().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)));
                break;
            default:
                form.Add(new(prefix, node.GetValue<string>()));
                break;
        }
    }
}
