using VpcLab.ControlPlane.Scenarios;

namespace VpcLab.Cli.Tests.WebConsole;

/// <summary><c>vpclab show FILE --format mermaid|dot</c>: the world as a diagram with the console's nesting, public
/// and private subnets as AWS defines them, routes to gateways and peerings (docs/semantics.md#console).</summary>
public sealed class ShowFormatCommandTests
{
    private static string Id(string id) => id.Replace('-', '_');

    // AWS: a public subnet has a direct route to an internet gateway
    // (https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html#subnet-types).
    [Theory]
    [InlineData("public-a", "public")]
    [InlineData("app-a", "private")]
    [InlineData("db-a", "private")]
    [InlineData("batch-a", "private")]
    public void ShowMermaid_SeedSubnet_ABoxSayingPublicOrPrivate(string subnet, string kind)
    {
        var world = ScenarioLoader.LoadFile(ScenarioFiles.Resolve("seed")).Network;
        var s = world.Subnets.Values.Single(x => world.NameOf(x.Id.Value) == subnet);
        var run = CliRun.Of("show", "seed", "--format", "mermaid");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.StartsWith("flowchart TB", run.Out, StringComparison.Ordinal);
        Assert.Contains($"subgraph {Id(s.Id.Value)}[\"{subnet} {s.CidrBlock} ({kind})\"]", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowMermaid_Seed_EveryInstanceAndGatewayDrawn_PublicRoutesToTheIgw()
    {
        var world = ScenarioLoader.LoadFile(ScenarioFiles.Resolve("seed")).Network;
        var run = CliRun.Of("show", "seed", "-f", "mermaid");
        foreach (var id in world.Instances.Keys.Select(i => i.Value).Concat(world.InternetGateways.Keys.Select(g => g.Value))
                     .Concat(world.NatGateways.Keys.Select(g => g.Value)).Concat(world.EgressOnlyInternetGateways.Keys.Select(g => g.Value)))
            Assert.Contains($"  {Id(id)}", run.Out, StringComparison.Ordinal);
        var publicA = world.Subnets.Values.Single(x => world.NameOf(x.Id.Value) == "public-a").Id.Value;
        Assert.Contains($"{Id(publicA)} -->|\"0.0.0.0/0, ::/0\"| {Id(world.InternetGateways.Keys.Single().Value)}", run.Out, StringComparison.Ordinal);
        Assert.Equal(Count(run.Out, "subgraph "), Count(run.Out, "\n    end") + Count(run.Out, "\n  end") + Count(run.Out, "\n      end") + Count(run.Out, "\n        end"));
    }

    // Peering lifecycle: https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html
    [Fact]
    public void ShowDot_Peering_ClustersPerVpcAndPeeringsBetweenThem()
    {
        var world = ScenarioLoader.LoadFile(ScenarioFiles.Resolve("peering")).Network;
        var run = CliRun.Of("show", "peering", "--format", "dot");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.StartsWith("digraph vpclab {", run.Out, StringComparison.Ordinal);
        Assert.Equal(Count(run.Out, "{"), Count(run.Out, "}"));
        foreach (var vpc in world.Vpcs.Keys)
            Assert.Contains($"subgraph cluster_{Id(vpc.Value)} {{", run.Out, StringComparison.Ordinal);
        foreach (var p in world.VpcPeeringConnections.Values.Where(p => p.IsActive))
            Assert.Contains($"{Id(p.Requester.VpcId.Value)} -> {Id(p.Accepter.VpcId.Value)} [label=\"{world.NameOf(p.Id.Value)} (active)\", ltail=cluster_{Id(p.Requester.VpcId.Value)}, lhead=cluster_{Id(p.Accepter.VpcId.Value)}, style=solid]", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_SeedDiagram_IsShowFormatMermaidOutput()
    {
        var readme = File.ReadAllText(Path.Combine(Root(), "README.md"));
        var start = readme.IndexOf("```mermaid\n", readme.IndexOf("`vpclab show seed --format mermaid`", StringComparison.Ordinal), StringComparison.Ordinal) + "```mermaid\n".Length;
        var shown = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
        Assert.Equal(CliRun.Of("show", "seed", "--format", "mermaid").Out, shown);
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VpcLab.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException("VpcLab.slnx not found");
    }

    [Fact]
    public void Show_UnknownFormat_ExitsTwo()
    {
        var run = CliRun.Of("show", "seed", "--format", "svg");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
    }

    private static int Count(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
