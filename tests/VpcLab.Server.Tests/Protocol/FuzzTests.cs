using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using VpcLab.Server.Protocol;

namespace VpcLab.Server.Tests.Protocol;

/// <summary>Thousands of random and malformed forms: the parser answers each with a result or an
/// <see cref="Ec2ProtocolException"/> (400, AWS code), never any other exception; results serialize to JSON
/// and errors to a well-formed envelope.</summary>
public class FuzzTests
{
    private static readonly Ec2ServiceModel Model = Ec2ServiceModel.Instance;
    private static readonly string[] Actions = [.. Model.Operations.Select(o => o.Name).Order(StringComparer.Ordinal)];
    private static readonly string[] WireNames =
        [.. Model.Shapes.SelectMany(s => s.Members).Select(m => m.QueryName).Distinct().Order(StringComparer.Ordinal)];

    private static readonly string[] Junk =
    [
        "", " ", "..", "0", "1", "2", "3", "01", "-1", "+1", "1000", "1001", "4294967296", "99999999999999999999",
        "member", "item", "\u00e9", "\uD800", "\uDC00x", "\0", "\u202E", "Filter", "Value", "Name", "Tag", "Key",
        "VpcId", "MaxResults", "DryRun", "X-Amz-Date", "Action", "Version",
    ];

    private static readonly string[] Values =
    [
        "", "true", "false", "TRUE", "1", "0", "-1", "2147483648", "9223372036854775808", "1e3", "0x10", "NaN",
        "10.0.0.0/16", "vpc-1", "2026-11-23T00:00:00Z", "2026-13-45T99:99:99Z", "AAAA", "=&%+;", "\uD800",
        "\uDBFF\uDFFF", "\u0001\u0002", "<xml>&amp;</xml>",
    ];

    [Fact]
    public void Parse_RandomForms_OnlyEverThrowsProtocolException()
    {
        var random = new Random(20261123);
        for (var n = 0; n < 5000; n++)
        {
            var form = new List<KeyValuePair<string, string?>>();
            if (random.Next(20) != 0)
                form.Add(new("Action", random.Next(15) == 0 ? Pick(random, Junk) : Pick(random, Actions)));
            if (random.Next(20) != 0)
                form.Add(new("Version", random.Next(10) == 0 ? Pick(random, Values) : "2016-11-15"));
            var count = random.Next(0, 12);
            for (var i = 0; i < count; i++)
                form.Add(new(RandomKey(random), RandomValue(random)));
            Shuffle(random, form);
            Check(form);
        }
    }

    [Fact]
    public void Parse_MutatedBotocoreForms_OnlyEverThrowsProtocolException()
    {
        var fixtures = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Protocol", "Fixtures", "botocore-wire.json")))!;
        var wires = fixtures["cases"]!.AsArray()
            .Select(c => c!["wire"]!.AsArray().Select(p => new KeyValuePair<string, string?>(p![0]!.GetValue<string>(), p[1]!.GetValue<string>())).ToList())
            .ToList();
        var random = new Random(15112016);
        for (var n = 0; n < 5000; n++)
        {
            var form = new List<KeyValuePair<string, string?>>(wires[random.Next(wires.Count)]);
            var mutations = random.Next(1, 4);
            for (var m = 0; m < mutations && form.Count > 0; m++)
            {
                var i = random.Next(form.Count);
                var (key, value) = form[i];
                var segments = key.Split('.');
                switch (random.Next(8))
                {
                    case 0: // change a segment (often an index)
                        segments[random.Next(segments.Length)] = Pick(random, Junk);
                        form[i] = new(string.Join('.', segments), value);
                        break;
                    case 1: // nest deeper
                        form[i] = new(key + "." + Pick(random, random.Next(2) == 0 ? Junk : WireNames), value);
                        break;
                    case 2: // cut the key short
                        form[i] = new(string.Join('.', segments.Take(random.Next(segments.Length))), value);
                        break;
                    case 3: // wrong type or junk value
                        form[i] = new(key, Pick(random, Values));
                        break;
                    case 4: // duplicate
                        form.Add(new(key, value));
                        break;
                    case 5: // drop (may remove a required member or make a gap)
                        form.RemoveAt(i);
                        break;
                    case 6: // junk UTF-8 decoded as a form would be
                        var bytes = new byte[random.Next(1, 40)];
                        random.NextBytes(bytes);
                        form[i] = new(random.Next(2) == 0 ? key : Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(bytes));
                        break;
                    default: // huge value or huge index
                        form[i] = random.Next(2) == 0
                            ? new(key, new string('x', 70_000))
                            : new(string.Join('.', segments.Select(s => s.All(char.IsAsciiDigit) ? "999999" : s)), value);
                        break;
                }
            }

            Shuffle(random, form);
            Check(form);
        }
    }

    private static void Check(List<KeyValuePair<string, string?>> form)
    {
        try
        {
            var request = Ec2QueryParser.Default.Parse(form);
            _ = request.Parameters.ToJsonString(); // a later layer can always serialize/bind it
        }
        catch (Ec2ProtocolException e)
        {
            Assert.Equal(400, e.HttpStatus);
            Assert.False(string.IsNullOrEmpty(e.Code));
            Assert.False(string.IsNullOrEmpty(e.Message));
            Assert.True(e.Message.Length < 400, e.Message);
            var xml = Encoding.UTF8.GetString(Ec2XmlSerializer.SerializeError(e.Code, e.Message, "r"));
            Assert.Equal(e.Code, XDocument.Parse(xml).Root!.Element("Errors")!.Element("Error")!.Element("Code")!.Value);
        }
    }

    private static string RandomKey(Random random)
    {
        var parts = random.Next(1, 7);
        var sb = new StringBuilder();
        for (var i = 0; i < parts; i++)
        {
            if (i > 0)
                sb.Append('.');
            sb.Append(random.Next(3) switch
            {
                0 => Pick(random, Junk),
                1 => random.Next(1, 5).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => Pick(random, WireNames),
            });
        }

        return sb.ToString();
    }

    private static string RandomValue(Random random)
    {
        switch (random.Next(6))
        {
            case 0:
                var bytes = new byte[random.Next(0, 64)];
                random.NextBytes(bytes);
                return Encoding.UTF8.GetString(bytes);
            case 1:
                var chars = new char[random.Next(0, 32)];
                for (var i = 0; i < chars.Length; i++)
                    chars[i] = (char)random.Next(0, 0x10000);
                return new string(chars);
            default:
                return Pick(random, Values);
        }
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static void Shuffle<T>(Random random, List<T> list)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
