using System.Net;
using System.Xml.Linq;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Server.Persistence;

namespace VpcLab.Cli.Tests.Serve;

/// <summary><c>vpclab serve --scenario FILE</c> as a user runs it: the URL printed, the scenario's VPCs served with
/// the ids <c>vpclab show</c> prints, and a data directory holding another world refused with exit 2
/// (docs/semantics.md#serve-scenario).</summary>
public sealed class ServeScenarioCommandTests
{
    private static readonly XNamespace Ec2 = "http://ec2.amazonaws.com/doc/2016-11-15/";

    [Fact]
    public async Task ServeScenario_ShippedName_PrintsUrlAndServesTheScenarioIds()
    {
        var data = Path.Combine(Path.GetTempPath(), $"vpclab-serve-scenario-{Guid.NewGuid():N}");
        using var server = await ServerProcess.StartAsync(data, null, "--scenario", "seed");
        var (status, body) = await server.CallAsync(("Action", "DescribeVpcs"));
        Assert.Equal(HttpStatusCode.OK, status);
        var expected = ScenarioLoader.LoadFile(ScenarioFiles.Resolve("seed")).Network.Vpcs.Keys.Select(v => v.Value).Order();
        Assert.Equal(expected, body.Descendants(Ec2 + "vpcId").Select(e => e.Value).Order());
        for (var i = 0; i < 100 && !server.Output.Contains("seed.yaml", StringComparison.Ordinal); i++)
            await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Contains(server.Url.ToString().TrimEnd('/'), server.Output, StringComparison.Ordinal);
        Assert.Contains("seed.yaml (loaded)", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ServeScenario_DataDirectoryWithOtherState_ExitsTwoSayingWhy()
    {
        var data = Path.Combine(Path.GetTempPath(), $"vpclab-serve-scenario-{Guid.NewGuid():N}");
        using (var state = ServerState.Open(data))
            state.Execute(RequestContext.Default, "CreateVpc", new System.Text.Json.Nodes.JsonObject { ["CidrBlock"] = "10.99.0.0/16" });
        var run = CliRun.Of("serve", "--scenario", "seed", "--data", data, "--port", "0");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("a scenario loads only into an empty world", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void ServeScenario_UnknownScenario_ExitsTwoNamingTheShippedOnes()
    {
        var run = CliRun.Of("serve", "--in-memory", "--port", "0", "--scenario", "no-such-world");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("scenario 'no-such-world' not found", run.Err, StringComparison.Ordinal);
        Assert.Contains("seed", run.Err, StringComparison.Ordinal);
    }
}
