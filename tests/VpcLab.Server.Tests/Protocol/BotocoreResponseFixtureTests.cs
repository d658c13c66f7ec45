using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using VpcLab.Server.Protocol;

namespace VpcLab.Server.Tests.Protocol;

/// <summary>Responses written the way AWS writes them (Fixtures/botocore-responses.json, after the EC2 API
/// reference's examples), read by botocore's EC2 parser into member-name JSON: the serializer, given that
/// JSON, writes the same XML tree back (element order within a structure aside; list order kept).</summary>
public class BotocoreResponseFixtureTests
{
    private static readonly Lazy<JsonArray> Cases = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Protocol", "Fixtures", "botocore-responses.json")))!["cases"]!.AsArray());

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases.Value)
            data.Add(c!["name"]!.GetValue<string>());
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Serialize_BotocoreReadingOfAwsXml_GivesTheSameXml(string name)
    {
        var c = Cases.Value.Single(x => x!["name"]!.GetValue<string>() == name)!;
        var operation = Ec2ServiceModel.Instance.FindOperation(c["operation"]!.GetValue<string>())!;
        var result = c["result"]!.DeepClone().AsObject();

        var xml = Encoding.UTF8.GetString(Ec2XmlSerializer.Default.SerializeResponse(operation, result, "req"));

        var expected = XDocument.Parse(c["xml"]!.GetValue<string>()).Root!;
        var actual = XDocument.Parse(xml).Root!;
        expected.Element(expected.Name.Namespace + "requestId")!.Value = "req";
        Assert.Equal(Canonical(expected), Canonical(actual));
    }

    /// <summary>An element as text with its children sorted by name (stable, so the items of a list keep
    /// their order).</summary>
    private static string Canonical(XElement element)
    {
        if (!element.HasElements)
            return $"<{element.Name.LocalName}>{element.Value}</{element.Name.LocalName}>";
        var children = element.Elements().OrderBy(e => e.Name.LocalName, StringComparer.Ordinal).Select(Canonical);
        return $"<{element.Name.LocalName} ns={element.Name.NamespaceName}>{string.Concat(children)}</{element.Name.LocalName}>";
    }
}
