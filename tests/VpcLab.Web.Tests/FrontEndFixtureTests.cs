using System.Text.Json;
using System.Text.Json.Nodes;
using VpcLab.Server.WebConsole;

namespace VpcLab.Web.Tests;

/// <summary>The JSON files the front end's unit tests read (web/test/*.json) are what the server answers for the
/// seed scenario today, so the Vitest tests test the real shapes. VPCLAB_UPDATE_FIXTURES=1 rewrites them.</summary>
public sealed class FrontEndFixtureTests
{
    [Theory]
    [InlineData("seed-topology.json", "topology")]
    [InlineData("seed-trace-nacl-return.json", "trace?from=app-2&to=db-1&protocol=tcp&port=5432")]
    [InlineData("seed-trace-https.json", "trace?from=198.51.100.7&to=web-1&protocol=tcp&port=443")]
    public async Task Fixture_SeedScenario_IsWhatTheServerAnswers(string file, string query)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await ConsoleLab.StartAsync("seed", ct);
        var answer = WithoutClock(JsonNode.Parse(await lab.Http.GetStringAsync($"{ConsoleEndpoints.ApiPath}/{query}", ct))!);
        var path = Path.Combine(WebRepository.WebDirectory, "test", file);
        var text = answer.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable("VPCLAB_UPDATE_FIXTURES") == "1")
            await File.WriteAllTextAsync(path, text, ct);
        Assert.True(JsonNode.DeepEquals(answer, WithoutClock(JsonNode.Parse(await File.ReadAllTextAsync(path, ct))!)),
            $"{file} is not what the server answers; run the tests with VPCLAB_UPDATE_FIXTURES=1 to rewrite it.");
    }

    /// <summary>Drops the times a server takes from its clock at start (a flow log's creationTime): the rest is the
    /// scenario's.</summary>
    private static JsonNode WithoutClock(JsonNode node)
    {
        if (node is JsonObject o)
        {
            o.Remove("creationTime");
            foreach (var (_, child) in o.ToList())
                if (child is not null)
                    WithoutClock(child);
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a)
                if (child is not null)
                    WithoutClock(child);
        }
        return node;
    }
}
