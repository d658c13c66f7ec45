namespace VpcLab.Cli.Tests;

/// <summary><c>vpclab reach</c>'s questions through the command line (docs/semantics.md#reach,
/// docs/semantics.md#rule-audit): each answers from the shipped scenarios, and a selection that names nothing is a
/// usage error.</summary>
public sealed class ReachCommandTests
{
    [Fact]
    public void Outbound_Seed_AppTierThroughTheNatGateway()
    {
        var run = CliRun.At(250, "reach", "outbound", "-s", "seed", "--from", "instance:app-1", "--traffic", "tcp/443");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Err);
        Assert.Contains("nat-", run.Out, StringComparison.Ordinal);
        Assert.Contains("tcp/443", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoints_GatewayEndpointScenario_ListsTheBastion()
    {
        var run = CliRun.At(250, "reach", "endpoints", "-s", "gateway-endpoint", "--json");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Err);
        var found = System.Text.Json.JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal("S3", Assert.Single(found.EnumerateArray()).GetProperty("service").GetString());
    }

    [Fact]
    public void Rules_Seed_NothingShadowedInTheTeachingWorld()
    {
        var run = CliRun.At(250, "reach", "rules", "-s", "seed", "--json");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Err);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, System.Text.Json.JsonDocument.Parse(run.Out).RootElement.ValueKind);
    }

    [Fact]
    public void Diff_SameWorld_OpensAndClosesNothing()
    {
        var run = CliRun.At(250, "reach", "diff", "seed", "seed", "--from", "internet", "--to", "sg:web-sg", "--traffic", "tcp");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Err);
        Assert.Contains("opens nothing and closes nothing", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from: 'nothing' is not a selection", new[] { "reach", "between", "-s", "seed", "--from", "nothing" })]
    [InlineData("--to: 'sg:nosuch' selects no network interface", new[] { "reach", "between", "-s", "seed", "--to", "sg:nosuch" })]
    [InlineData("--traffic: 'tcp/x' is not traffic", new[] { "reach", "outbound", "-s", "seed", "--traffic", "tcp/x" })]
    [InlineData("give the after", new[] { "reach", "diff", "seed" })]
    public void Reach_BadSelection_ExitsTwo(string expected, string[] args)
    {
        var run = CliRun.Of(args);
        Assert.True(run.ExitCode == ExitCodes.BadInput, run.Err + run.Out);
        Assert.Contains(expected, run.Err, StringComparison.Ordinal);
    }
}
