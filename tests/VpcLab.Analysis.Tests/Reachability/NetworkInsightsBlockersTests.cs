using VpcLab.Analysis.Blockers;
using VpcLab.Analysis.Reachability;
using VpcLab.Engine;
using VpcLab.Model;

namespace VpcLab.Analysis.Tests.Reachability;

/// <summary>A blocked path's explanations through the Reachability Analyzer API list every blocker, as
/// <c>vpclab trace</c> does (docs/semantics.md#blocked-paths), in AWS's explanation codes
/// (https://docs.aws.amazon.com/vpc/latest/reachability/explanation-codes.html). AWS's guide says of a blocked path
/// that "there might be additional components blocking the path"
/// (https://docs.aws.amazon.com/vpc/latest/reachability/how-reachability-analyzer-works.html); VpcLab lists them,
/// each found by tracing again with the blockers before it changed. The world: BlockedPathAnalyzerTests' four
/// blockers (a pending peering, an inbound NACL deny, a group with no rules, a return NACL).</summary>
public sealed class NetworkInsightsBlockersTests
{
    private static readonly Network World = BlockedPathAnalyzerTests.World.Network;

    private static NetworkInsightsPath AppToDb(int port) => new(
        "nip-0123456789abcdef0", "arn", new AccountId("111111111111"), "us-east-1", DateTimeOffset.UnixEpoch,
        new PathEndpoint(PathEndpointKind.Instance, BlockedPathAnalyzerTests.World.IdOf("app"), "arn-app"),
        new PathEndpoint(PathEndpointKind.Instance, BlockedPathAnalyzerTests.World.IdOf("db"), "arn-db"),
        null, null, "tcp", port, null, null, Tags.Empty);

    private static TraceRequest Request() => TraceRequest.Tcp(
        TraceEndpoint.Instance(new InstanceId(BlockedPathAnalyzerTests.World.IdOf("app"))),
        TraceEndpoint.Instance(new InstanceId(BlockedPathAnalyzerTests.World.IdOf("db"))), 5432);

    /// <summary>The first drop keeps the engine's own explanations (here the pending peering's route and the VPCs it
    /// leaves disconnected); each further blocker follows with the CLI's explanation of it.</summary>
    [Fact]
    public void Analyze_FourBlockers_ExplanationsListEachAsTheCliDoes()
    {
        var outcome = new NetworkInsightsAnalyzer().Analyze(AppToDb(5432), World);
        var cli = BlockedPathAnalyzer.Analyze(World, Request());
        var trace = CompiledNetwork.Compile(World).Trace(Request());
        Assert.False(outcome.NetworkPathFound);
        Assert.Equal(["BAD_STATE_ROUTE", "DISCONNECTED_VPCS", "SUBNET_ACL_RESTRICTION", "SG_HAS_NO_RULES", "SUBNET_ACL_RESTRICTION"], Codes(outcome));
        // As text: an explanation's group list is an immutable array, equal by content only when written out.
        Assert.Equal([.. trace.Explanations.Select(e => e.ToString()), .. cli.Explanations.Skip(1).Select(e => e.ToString())],
            outcome.Explanations.Select(e => e.ToString()));
        Assert.Equal(cli.Blockers.Skip(1).Select(b => b.Code), Codes(outcome).Skip(trace.Explanations.Length));
        Assert.Contains(cli.Blockers[0].Code, trace.Explanations.Select(e => e.Code.Value));
    }

    /// <summary>Once every proposed change is made the path is found, and no blocker is reported.</summary>
    [Fact]
    public void Analyze_EveryProposedChangeMade_PathFoundWithoutBlockers()
    {
        var world = World;
        foreach (var blocker in BlockedPathAnalyzer.Analyze(world, Request()).Blockers)
            world = blocker.Change!.Apply(world);
        var outcome = new NetworkInsightsAnalyzer().Analyze(AppToDb(5432), world);
        Assert.True(outcome.NetworkPathFound);
        Assert.DoesNotContain(outcome.Explanations, e => e.Code.Value is "SUBNET_ACL_RESTRICTION" or "SG_HAS_NO_RULES" or "BAD_STATE_ROUTE");
    }

    private static IEnumerable<string> Codes(AnalysisOutcome outcome) => outcome.Explanations.Select(e => e.Code.Value);
}
