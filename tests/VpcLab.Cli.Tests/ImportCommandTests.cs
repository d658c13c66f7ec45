using System.Text.Json;

namespace VpcLab.Cli.Tests;

/// <summary><c>vpclab import DIR</c>, and an imported folder used wherever a scenario is (<c>--scenario DIR</c>).
/// The folder is tests/VpcLab.Import.Tests/Fixtures/two-accounts (AWS CLI output of two peered accounts).</summary>
public class ImportCommandTests
{
    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "ImportFixtures", "two-accounts");

    [Fact]
    public void Import_FixtureFolder_ListsResourcesAndSkippedKinds()
    {
        var run = CliRun.Of("import", Fixture, "--json");
        Assert.Equal(0, run.ExitCode);
        var json = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(2, json.GetProperty("resources").GetProperty("vpcs").GetInt32());
        Assert.Contains(json.GetProperty("skipped").EnumerateArray(), s => s.GetProperty("id").GetString() == "tgw-0a1b2c3d4e5f60501");
    }

    [Fact]
    public void Import_MissingDirectory_ExitsTwoNamingIt()
    {
        var run = CliRun.Of("import", Path.Combine(Fixture, "nope"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such directory", run.Err, StringComparison.Ordinal);
    }

    // The same trace through an imported account as through a scenario: exit 0 delivered, 1 dropped.
    [Theory]
    [InlineData("app-1", "db-1", "5432", 0)]
    [InlineData("app-1", "10.99.0.5", "443", 1)]
    public void Trace_ImportedFolderAsScenario_Decides(string from, string to, string port, int exit)
    {
        var run = CliRun.Of("trace", "--scenario", Fixture, "--from", from, "--to", to, "--port", port);
        Assert.True(exit == run.ExitCode, run.Out + run.Err);
    }

    // A dropped flow lists every blocker (data's NACL rule 110, then db's group) with a change checked by tracing again.
    [Fact]
    public void Trace_DroppedFlow_JsonListsEveryBlockerAndItsChange()
    {
        var run = CliRun.Of("trace", "--scenario", Fixture, "--from", "app-1", "--to", "db-1", "--port", "22", "--json");
        Assert.Equal(1, run.ExitCode);
        var json = JsonDocument.Parse(run.Out).RootElement;
        var blockers = json.GetProperty("blockers").EnumerateArray().ToList();
        Assert.Equal(["SUBNET_ACL_RESTRICTION", "ENI_SG_RULES_MISMATCH"], blockers.Select(b => b.GetProperty("code").GetString()));
        Assert.Equal("inbound rule 110 deny", blockers[0].GetProperty("rule").GetString());
        Assert.Contains("RuleNumber=109", blockers[0].GetProperty("change").GetProperty("call").GetString(), StringComparison.Ordinal);
        Assert.True(json.GetProperty("resolvedByChanges").GetBoolean());
    }

    [Fact]
    public void Trace_DroppedFlow_TableShowsTheBlockers()
    {
        var run = CliRun.At(250, "trace", "--scenario", Fixture, "--from", "app-1", "--to", "db-1", "--port", "22");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("blockers", run.Out, StringComparison.Ordinal);
        Assert.Contains("AuthorizeSecurityGroupIngress", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ReachInternet_ImportedFolder_ListsWebsPorts()
    {
        var run = CliRun.Of("reach", "internet", "--scenario", Fixture, "--json");
        Assert.Equal(0, run.ExitCode);
        var rows = JsonDocument.Parse(run.Out).RootElement.EnumerateArray()
            .Select(r => (r.GetProperty("address").GetString(), string.Join(",", r.GetProperty("ports").EnumerateArray().Select(p => p.GetString())))).ToList();
        Assert.Equal([("3.80.10.20", "22,443"), ("2600:1f18:1234:ab01::10", "443")], rows);
    }

    [Fact]
    public void Show_ImportedFolderAsScenario_ShowsImportedIds()
    {
        var run = CliRun.Of("show", Fixture);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("vpc-0a1b2c3d4e5f60001", run.Out, StringComparison.Ordinal);
    }
}
