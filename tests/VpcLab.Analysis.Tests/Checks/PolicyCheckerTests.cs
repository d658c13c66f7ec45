using VpcLab.Analysis.Checks;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.TestWorlds;

namespace VpcLab.Analysis.Tests.Checks;

/// <summary>Policies checked against the shipped scenarios (docs/check.md): each claim holds or is broken as the world's
/// rules say, and a broken one carries a traced counterexample that breaks it.</summary>
public sealed class PolicyCheckerTests
{
    private static Network World(string name) => ScenarioLoader.LoadFile(ShippedScenarios.PathOf(name)).Network;

    private static AssertionResult CheckOne(string world, string assertion) =>
        Assert.Single(PolicyChecker.Check(World(world), PolicyDocument.Parse($"assertions:\n  - name: a\n{assertion}", "p.yaml")));

    [Fact]
    public void Check_SeedPolicy_OnlyTheAppToDatabaseAssertionIsBroken()
    {
        var policy = PolicyDocument.Parse(File.ReadAllText(ShippedScenarios.PathOf("policies/seed")), "seed.yaml");
        var results = PolicyChecker.Check(World("seed"), policy);
        Assert.Equal([true, true, false], results.Select(r => r.Holds));
        // db-acl allows replies to app-a (10.0.10.0/24) only: app-2's connection is dropped on the return path.
        var trace = results[2].Counterexample!;
        Assert.Equal(Verdict.Dropped, trace.Verdict);
        Assert.Equal(PathDirection.Return, trace.DroppedOn);
        Assert.Equal("10.0.11.4", trace.Flow.Source.ToString());
        Assert.Equal(FlowKey.DefaultEphemeralPort, trace.Flow.SourcePort);
    }

    public static TheoryData<string, string, string, bool> Claims => new()
    {
        // Security groups: web-sg admits SSH only from 203.0.113.0/24 (docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html).
        { "seed", "only-from narrower than the admin network", "    from: internet\n    to: instance:web-1\n    traffic: tcp/22\n    only-from: 203.0.113.0/25\n", false },
        { "seed", "only-from the admin network", "    from: internet\n    to: instance:web-1\n    traffic: tcp/22\n    only-from: 203.0.113.0/24\n", true },
        // No group rule admits ICMP to the web tier: nothing of it is delivered (error messages are not traffic a sender opens).
        { "seed", "no ping from the internet", "    from: internet\n    to: sg:web-sg\n    traffic: [icmp, icmpv6]\n    expect: unreachable\n", true },
        { "seed", "the world reaches nothing with ICMP", "    from: [internet, all-interfaces]\n    to: all-interfaces\n    traffic: [icmp/8, icmpv6/128]\n    expect: unreachable\n", true },
        { "seed", "HTTPS from the internet is open", "    from: internet\n    to: instance:web-1\n    traffic: tcp/443\n    expect: reachable\n", true },
        { "seed", "the web tier is closed", "    from: internet\n    to: sg:web-sg\n    traffic: tcp\n    expect: unreachable\n", false },
        // The database tier has no route out (db-rt): it reaches nothing of the internet.
        { "seed", "db reaches no internet", "    from: sg:db-sg\n    to: internet\n    expect: unreachable\n", true },
        // A gateway endpoint's prefix-list route carries S3 traffic (docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-s3.html).
        { "gateway-endpoint", "workers through the endpoint", "    from: subnet:private-a\n    to: s3\n    traffic: tcp/443\n    expect: reachable\n    only-through: s3-endpoint\n", true },
        { "gateway-endpoint", "bastion through the endpoint", "    from: instance:bastion\n    to: s3\n    traffic: tcp/443\n    only-through: s3-endpoint\n", false },
        { "gateway-endpoint", "workers reach no DynamoDB", "    from: subnet:private-a\n    to: dynamodb\n    expect: unreachable\n", true },
    };

    [Theory]
    [MemberData(nameof(Claims))]
    public void Check_Claim_HoldsAsTheRulesSay(string world, string name, string assertion, bool holds)
    {
        var result = CheckOne(world, assertion);
        Assert.True(holds == result.Holds, $"{name}: {result.Message}");
        if (!holds)
        {
            Assert.NotNull(result.Counterexample);
            // The counterexample breaks the claim: delivered for "only" and "unreachable", dropped for "reachable".
            Assert.Equal(assertion.Contains("reachable\n", StringComparison.Ordinal) && !assertion.Contains("unreachable", StringComparison.Ordinal)
                ? Verdict.Dropped : Verdict.Accepted, result.Counterexample.Verdict);
        }
    }

    [Fact]
    public void Check_OnlyFromBroken_CounterexampleComesFromOutsideTheBlocks()
    {
        var result = CheckOne("seed", "    from: internet\n    to: instance:web-1\n    traffic: tcp/22\n    only-from: 203.0.113.0/25\n");
        Assert.False(Net.Cidr.Parse("203.0.113.0/25").Contains(result.Counterexample!.Flow.Source));
        Assert.True(Net.Cidr.Parse("203.0.113.0/24").Contains(result.Counterexample.Flow.Source));
    }

    public static TheoryData<string, string> Unresolvable => new()
    {
        { "'tag:tier=db' selects no network interface", "    from: internet\n    to: tag:tier=db\n    expect: unreachable\n" },
        { "'sg:nosuch' selects no network interface", "    from: sg:nosuch\n    to: internet\n    expect: unreachable\n" },
        { "only-through 'vpce-nosuch' is no gateway", "    from: sg:web-sg\n    to: s3\n    only-through: vpce-nosuch\n" },
    };

    [Theory]
    [MemberData(nameof(Unresolvable))]
    public void Check_SelectionNamesNothing_RefusedAtTheAssertionLine(string expected, string assertion)
    {
        var error = Assert.Throws<ScenarioException>(() => CheckOne("seed", assertion));
        Assert.Contains("p.yaml:2: assertion 'a': " + expected, error.Message, StringComparison.Ordinal);
    }
}
