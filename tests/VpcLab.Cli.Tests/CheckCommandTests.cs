using System.Xml.Linq;

namespace VpcLab.Cli.Tests;

/// <summary><c>vpclab check</c> (docs/check.md): exit 0 when every assertion holds, 1 with a counterexample trace per
/// broken one, 2 on a bad policy (file, line, key); <c>--junit</c> writes the JUnit XML shape CI systems read.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vpclab-check-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Policy(string yaml)
    {
        var path = Path.Combine(_dir, "policy.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public void Check_AllHold_ExitsZero()
    {
        var run = CliRun.Of("check", "scenarios/policies/gateway-endpoint.yaml");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Err + run.Out);
        Assert.Contains("✓ the workers reach S3 only through s3-endpoint", run.Out, StringComparison.Ordinal);
        Assert.Contains("2 assertion(s) hold.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_OneBroken_ExitsOneWithTheCounterexampleTrace()
    {
        var run = CliRun.Of("check", "scenarios/policies/seed.yaml");
        Assert.True(run.ExitCode == ExitCodes.Dropped, run.Err + run.Out);
        Assert.Contains("✗ the app tier reaches the database", run.Out, StringComparison.Ordinal);
        Assert.Contains("dropped at network ACL db-acl", run.Out, StringComparison.Ordinal);
        Assert.Contains("return path", run.Out, StringComparison.Ordinal);
        Assert.Contains("vpclab trace -s seed --from 10.0.11.4 --to 10.0.20.4 -p tcp --port 5432 --source-port 49152", run.Out.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("1 of 3 assertion(s) broken.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ScenarioOption_OverridesThePolicysWorld()
    {
        var path = Policy("scenario: nosuch\nassertions:\n  - { name: db private, from: internet, to: sg:db-sg, expect: unreachable }\n");
        var run = CliRun.Of("check", path, "--scenario", "seed");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Err + run.Out);
    }

    public static TheoryData<string, string> BadPolicies => new()
    {
        { "policy.yaml:3: unknown key 'too' in an assertion", "scenario: seed\nassertions:\n  - { name: a, from: internet, too: sg:db-sg, expect: unreachable }\n" },
        { "policy.yaml:3: assertion 'a': 'sg:nosuch' selects no network interface", "scenario: seed\nassertions:\n  - { name: a, from: internet, to: sg:nosuch, expect: unreachable }\n" },
        { "give --scenario, or 'scenario:'", "assertions:\n  - { name: a, from: internet, to: sg:db-sg, expect: unreachable }\n" },
    };

    [Theory]
    [MemberData(nameof(BadPolicies))]
    public void Check_BadPolicy_ExitsTwoNamingLineAndKey(string expected, string yaml)
    {
        var run = CliRun.Of("check", Policy(yaml));
        Assert.True(run.ExitCode == ExitCodes.BadInput, run.Err + run.Out);
        Assert.Contains(expected, run.Err, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    /// <summary>The JUnit XML shape CI reporters read (the de facto schema of Ant's JUnit task, as Jenkins, GitLab and
    /// the GitHub Actions reporters parse it): testsuites > testsuite > testcase, counts that agree, a failure element
    /// with message and type on each broken assertion and its trace as text.</summary>
    [Fact]
    public void Check_Junit_WritesTestsuitesWithOneCasePerAssertion()
    {
        var junit = Path.Combine(_dir, "results.xml");
        var run = CliRun.Of("check", "scenarios/policies/seed.yaml", "--junit", junit);
        Assert.Equal(ExitCodes.Dropped, run.ExitCode);
        var root = XDocument.Load(junit).Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        var suite = Assert.Single(root.Elements());
        Assert.Equal("testsuite", suite.Name.LocalName);
        Assert.Equal("seed.yaml", (string?)suite.Attribute("name"));
        var cases = suite.Elements().ToList();
        Assert.All(cases, c => Assert.Equal("testcase", c.Name.LocalName));
        Assert.All(cases, c => Assert.False(string.IsNullOrEmpty((string?)c.Attribute("name"))));
        Assert.All(cases, c => Assert.Equal("seed.yaml", (string?)c.Attribute("classname")));
        Assert.Equal(3, cases.Count);
        Assert.Equal("3", (string?)suite.Attribute("tests"));
        Assert.Equal("1", (string?)suite.Attribute("failures"));
        Assert.Equal("0", (string?)suite.Attribute("errors"));
        Assert.Equal((string?)suite.Attribute("tests"), (string?)root.Attribute("tests"));
        Assert.Equal((string?)suite.Attribute("failures"), (string?)root.Attribute("failures"));
        var failure = Assert.Single(cases.SelectMany(c => c.Elements()));
        Assert.Equal("failure", failure.Name.LocalName);
        Assert.Equal("the app tier reaches the database", (string?)failure.Parent!.Attribute("name"));
        Assert.StartsWith("tcp/5432 from", (string?)failure.Attribute("message"), StringComparison.Ordinal);
        Assert.Equal("AssertionBroken", (string?)failure.Attribute("type"));
        Assert.Contains("return ", failure.Value, StringComparison.Ordinal);
        Assert.Contains("SUBNET_ACL_RESTRICTION", failure.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Json_ListsEachAssertion()
    {
        var run = CliRun.Of("check", "scenarios/policies/seed.yaml", "--json");
        Assert.Equal(ExitCodes.Dropped, run.ExitCode);
        var results = System.Text.Json.JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal([true, true, false], results.EnumerateArray().Select(r => r.GetProperty("holds").GetBoolean()));
    }
}
