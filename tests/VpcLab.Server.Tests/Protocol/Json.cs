using System.Text.Json.Nodes;

namespace VpcLab.Server.Tests.Protocol;

internal static class Json
{
    public static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>Deep equality after a trip through JSON text, so a DateTime value equals its ISO string and
    /// property order does not matter.</summary>
    public static void AssertEqual(JsonNode expected, JsonNode actual)
    {
        var e = JsonNode.Parse(expected.ToJsonString())!;
        var a = JsonNode.Parse(actual.ToJsonString())!;
        Assert.True(JsonNode.DeepEquals(e, a), $"expected {e.ToJsonString()}\n  actual {a.ToJsonString()}");
    }

    public static List<KeyValuePair<string, string?>> Form(params (string Key, string Value)[] pairs) =>
        [.. pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))];
}
