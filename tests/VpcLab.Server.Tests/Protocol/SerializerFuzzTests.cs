using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using VpcLab.Server.Protocol;

namespace VpcLab.Server.Tests.Protocol;

/// <summary>Random results for random output shapes, right and wrong: the serializer writes well-formed XML
/// that names the operation, or throws <see cref="ArgumentException"/> (a server bug), nothing else.</summary>
public class SerializerFuzzTests
{
    private static readonly Ec2Operation[] Operations =
        [.. Ec2ServiceModel.Instance.Operations.Where(o => o.Output is not null).OrderBy(o => o.Name, StringComparer.Ordinal)];

    [Fact]
    public void Serialize_RandomResults_IsWellFormedOrArgumentException()
    {
        var random = new Random(2016_11_15);
        int written = 0, refused = 0;
        for (var n = 0; n < 2000; n++)
        {
            var op = Operations[random.Next(Operations.Length)];
            var result = Build(random, op.Output!, 0, wrongKinds: random.Next(4) == 0) as JsonObject ?? [];
            byte[] bytes;
            try
            {
                bytes = Ec2XmlSerializer.Default.SerializeResponse(op, result, RandomText(random));
            }
            catch (ArgumentException)
            {
                refused++;
                continue;
            }

            var root = XDocument.Parse(Encoding.UTF8.GetString(bytes)).Root!;
            Assert.Equal(op.Name + "Response", root.Name.LocalName);
            written++;
        }

        Assert.True(written > 1000 && refused > 50, $"{written} written, {refused} refused");
    }

    private static JsonNode Build(Random random, Ec2Shape shape, int depth, bool wrongKinds)
    {
        if (wrongKinds && random.Next(25) == 0)
            return random.Next(3) switch { 0 => JsonValue.Create("junk"), 1 => new JsonArray(), _ => new JsonObject() };
        switch (shape.Type)
        {
            case Ec2ShapeType.Structure:
                var obj = new JsonObject();
                foreach (var member in shape.Members)
                {
                    if (random.Next(depth < 2 ? 2 : 5) != 0)
                        continue;
                    obj[member.Name] = random.Next(10) == 0 ? null : Build(random, member.Shape, depth + 1, wrongKinds);
                }

                if (wrongKinds && random.Next(10) == 0)
                    obj["NotAMember"] = "x";
                return obj;
            case Ec2ShapeType.List:
                var array = new JsonArray();
                var count = depth < 3 ? random.Next(0, 3) : 0;
                for (var i = 0; i < count; i++)
                    array.Add(Build(random, shape.ListMember!.Shape, depth + 1, wrongKinds));
                return array;
            case Ec2ShapeType.Boolean:
                return JsonValue.Create(random.Next(2) == 0);
            case Ec2ShapeType.Integer:
                return JsonValue.Create(random.Next(int.MinValue, int.MaxValue));
            case Ec2ShapeType.Long:
                return JsonValue.Create(random.NextInt64());
            case Ec2ShapeType.Timestamp:
                return random.Next(2) == 0
                    ? JsonValue.Create(DateTime.UnixEpoch.AddSeconds(random.Next()))
                    : JsonValue.Create(new DateTimeOffset(2026, 11, 23, 1, 2, 3, TimeSpan.FromHours(random.Next(-12, 13))));
            case Ec2ShapeType.Double or Ec2ShapeType.Float:
                return JsonValue.Create(random.NextDouble() * 1e6);
            default:
                return JsonValue.Create(RandomText(random));
        }
    }

    private static string RandomText(Random random)
    {
        var chars = new char[random.Next(0, 24)];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = random.Next(4) == 0 ? (char)random.Next(0, 0x10000) : (char)random.Next(0x20, 0x7F);
        return new string(chars);
    }
}
