using System.Collections.Immutable;
using System.Text.Json.Nodes;
using CsCheck;
using VpcLab.Server.Protocol;

namespace VpcLab.Server.Tests.Protocol;

/// <summary>For random values of real input shapes: member-name JSON → form parameters (as botocore writes
/// them) → <see cref="Ec2QueryParser"/> gives the same JSON back, whatever the order of the parameters.</summary>
public class RoundTripPropertyTests
{
    private static readonly Ec2ServiceModel Model = Ec2ServiceModel.Instance;

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String[Gen.Char.AlphaNumeric, 0, 12],
        Gen.String[Gen.Char['\0', '\uD7FF'], 0, 12],
        Gen.OneOf<string>("", "10.0.0.0/16", "::/0", "a&b<c>", "caf\u00e9 \U0001F600", "x.1.y", "=&%+"));

    private static readonly Gen<DateTime> Timestamps =
        Gen.Long[0, 4_102_444_800_000L].Select(ms => DateTime.UnixEpoch.AddMilliseconds(ms));

    private static Gen<JsonNode> ForShape(Ec2Shape shape, int depth) => shape.Type switch
    {
        Ec2ShapeType.String or Ec2ShapeType.Blob => Text.Select(s => (JsonNode)JsonValue.Create(s)),
        Ec2ShapeType.Integer => Gen.Int.Select(i => (JsonNode)JsonValue.Create(i)),
        Ec2ShapeType.Long => Gen.Long.Select(l => (JsonNode)JsonValue.Create(l)),
        Ec2ShapeType.Boolean => Gen.Bool.Select(b => (JsonNode)JsonValue.Create(b)),
        Ec2ShapeType.Timestamp => Timestamps.Select(t => (JsonNode)JsonValue.Create(t)),
        // botocore's EC2 serializer sends nothing for an empty list, so generated lists have 1..3 items
        Ec2ShapeType.List => ForShape(shape.ListMember!.Shape, depth + 1).Array[1, 3]
            .Select(items => (JsonNode)new JsonArray(items)),
        Ec2ShapeType.Structure => ForStructure(shape, depth).Select(o => (JsonNode)o),
        _ => throw new NotSupportedException(shape.ToString()),
    };

    /// <summary>A structure with its required members and some optional ones, never empty: an empty
    /// structure has no form parameters at all (botocore sends nothing for it), so it cannot round-trip.</summary>
    private static Gen<JsonObject> ForStructure(Ec2Shape shape, int depth)
    {
        // keep deep optional subtrees out, so samples stay small (unless nothing else is left)
        var candidates = shape.Members
            .Where(m => depth < 3 || m.Shape.IsScalar || shape.RequiredMembers.Contains(m))
            .ToList();
        if (candidates.Count == 0)
            candidates = [.. shape.Members];
        return Gen.Int[0, candidates.Count - 1].SelectMany(forced =>
        {
            var acc = Gen.Const(ImmutableList<(string Name, JsonNode Value)>.Empty);
            for (var i = 0; i < candidates.Count; i++)
            {
                var member = candidates[i];
                var always = i == forced || shape.RequiredMembers.Contains(member);
                var value = ForShape(member.Shape, depth + 1);
                var name = member.Name;
                var entry = always
                    ? value.Select(v => ((string, JsonNode)?)(name, v))
                    : Gen.Frequency((2, Gen.Const(((string, JsonNode)?)null)), (1, value.Select(v => ((string, JsonNode)?)(name, v))));
                acc = acc.Select(entry, (list, e) => e is { } pair ? list.Add(pair) : list);
            }

            return acc.Select(list => new JsonObject(list.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)p.Value))));
        });
    }

    [Theory]
    [InlineData("DescribeVpcs")]
    [InlineData("CreateVpc")]
    [InlineData("AuthorizeSecurityGroupIngress")]
    [InlineData("ModifySecurityGroupRules")]
    [InlineData("CreateNetworkAclEntry")]
    [InlineData("RunInstances")]
    [InlineData("CreateFlowLogs")]
    [InlineData("ModifyManagedPrefixList")]
    [InlineData("DescribeNetworkInsightsAnalyses")]
    [InlineData("CreateNetworkInsightsPath")]
    public void Parse_OfSerializedRandomInput_IsTheInput(string action)
    {
        var shape = Model.InputShape(action)!;
        ForStructure(shape, 0).Select(Gen.Bool).Sample((parameters, reverse) =>
        {
            var form = QueryFormWriter.Write(parameters, shape);
            if (reverse)
                form.Reverse();
            form.Add(new("Action", action));
            form.Add(new("Version", "2016-11-15"));
            var parsed = Ec2QueryParser.Default.Parse(form);
            return JsonNode.DeepEquals(Normalize(parameters), Normalize(parsed.Parameters));
        }, iter: 200);
    }

    private static JsonNode Normalize(JsonNode node) => JsonNode.Parse(node.ToJsonString())!;
}
