using System.Net;
using System.Text.Json;
using Amazon.EC2.Model;
using VpcLab.Server.WebConsole;

namespace VpcLab.Web.Tests;

/// <summary><c>/_vpclab/console/api/paths</c>: the saved Reachability Analyzer paths of an account and Region, and one
/// analysed now as a trace, the same answer StartNetworkInsightsAnalysis gives (docs/semantics.md#console-saved-paths).</summary>
public sealed class ConsoleSavedPathApiTests
{
    private static string Instance(ConsoleLab lab, string name)
    {
        var world = lab.Server.State.ControlPlane.Network;
        return world.Instances.Values.Single(i => world.NameOf(i.Id.Value) == name).Id.Value;
    }

    // https://docs.aws.amazon.com/vpc/latest/reachability/how-reachability-analyzer-works.html
    [Fact]
    public async Task SavedPath_NaclDropsTheReply_ListedThenTracedAsTheAnalysisSays()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await ConsoleLab.StartAsync("seed", ct);
        using var ec2 = lab.Ec2();
        var path = (await ec2.CreateNetworkInsightsPathAsync(new CreateNetworkInsightsPathRequest
        {
            Source = Instance(lab, "app-2"), Destination = Instance(lab, "db-1"), Protocol = "tcp", DestinationPort = 5432,
        }, ct)).NetworkInsightsPath;

        var list = await lab.GetJsonAsync($"{ConsoleEndpoints.ApiPath}/paths?account=111111111111&region=us-east-1", ct);
        var listed = Assert.Single(list.GetProperty("paths").EnumerateArray());
        Assert.Equal(path.NetworkInsightsPathId, listed.GetProperty("id").GetString());
        Assert.Equal(Instance(lab, "db-1"), listed.GetProperty("destination").GetString());
        Assert.Equal(5432, listed.GetProperty("port").GetInt32());

        var trace = await lab.GetJsonAsync($"{ConsoleEndpoints.ApiPath}/paths/{path.NetworkInsightsPathId}", ct);
        var analysis = (await ec2.StartNetworkInsightsAnalysisAsync(new StartNetworkInsightsAnalysisRequest { NetworkInsightsPathId = path.NetworkInsightsPathId }, ct)).NetworkInsightsAnalysis;
        Assert.False(analysis.NetworkPathFound);
        Assert.Equal("dropped", trace.GetProperty("verdict").GetString());
        Assert.Equal("return", trace.GetProperty("droppedOn").GetString());
        Assert.Equal(analysis.Explanations.Select(e => e.ExplanationCode), trace.GetProperty("explanations").EnumerateArray().Select(e => e.GetProperty("code").GetString()));
        Assert.Equal(analysis.ForwardPathComponents.Count, trace.GetProperty("forward").GetArrayLength());
    }

    [Fact]
    public async Task SavedPath_OtherAccountOrUnknown_404()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await ConsoleLab.StartAsync("seed", ct);
        using var ec2 = lab.Ec2();
        var path = (await ec2.CreateNetworkInsightsPathAsync(new CreateNetworkInsightsPathRequest
        {
            Source = Instance(lab, "app-1"), Destination = Instance(lab, "db-1"), Protocol = "tcp", DestinationPort = 5432,
        }, ct)).NetworkInsightsPath;
        using var other = await lab.Http.GetAsync($"{ConsoleEndpoints.ApiPath}/paths/{path.NetworkInsightsPathId}?account=222222222222&region=us-east-1", ct);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        using var unknown = await lab.Http.GetAsync($"{ConsoleEndpoints.ApiPath}/paths/nip-0123456789abcdef0", ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("nip-0123456789abcdef0", JsonDocument.Parse(await unknown.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        var empty = await lab.GetJsonAsync($"{ConsoleEndpoints.ApiPath}/paths?account=222222222222&region=us-east-1", ct);
        Assert.Equal(0, empty.GetProperty("paths").GetArrayLength());
    }
}
