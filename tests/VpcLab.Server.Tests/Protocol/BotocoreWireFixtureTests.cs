using System.Text.Json.Nodes;
using VpcLab.Server.Protocol;

namespace VpcLab.Server.Tests.Protocol;

/// <summary>Requests serialized by botocore's own EC2Serializer (what the AWS CLI and boto3 send), from
/// Fixtures/botocore-wire.json (made by gen_wire_fixtures.py), parse back to the parameters botocore was
/// given.</summary>
public class BotocoreWireFixtureTests
{
    private static readonly Lazy<JsonObject> Fixtures = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Protocol", "Fixtures", "botocore-wire.json")))!.AsObject());

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Fixtures.Value["cases"]!.AsArray())
            data.Add(c!["name"]!.GetValue<string>());
        return data;
    }

    [Fact]
    public void Fixtures_Loaded_HaveSeveralDozenCases() =>
        Assert.True(Fixtures.Value["cases"]!.AsArray().Count >= 40);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Parse_BotocoreWire_GivesBotocoreInput(string name)
    {
        var c = Fixtures.Value["cases"]!.AsArray().Single(x => x!["name"]!.GetValue<string>() == name)!;
        var form = c["wire"]!.AsArray()
            .Select(p => new KeyValuePair<string, string?>(p![0]!.GetValue<string>(), p[1]!.GetValue<string>()))
            .Reverse() // order must not matter
            .ToList();

        var request = Ec2QueryParser.Default.Parse(form);

        Assert.Equal(c["operation"]!.GetValue<string>(), request.Operation.Name);
        Assert.Equal("2016-11-15", request.Version);
        Json.AssertEqual(c["expected"]!, request.Parameters);
    }
}
