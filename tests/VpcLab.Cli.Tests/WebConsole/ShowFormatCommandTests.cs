using System.Globalization;
using System.Xml.Linq;
using VpcLab.ControlPlane.Scenarios;

namespace VpcLab.Cli.Tests.WebConsole;

/// <summary><c>vpclab show FILE --format mermaid|dot|svg</c>: the world as a diagram with the console's nesting, public
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

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static (double X1, double Y1, double X2, double Y2) BoxOf(XElement g)
    {
        if (g.Element(Svg + "polygon") is { } hexagon)
        {
            var points = hexagon.Attribute("points")!.Value.Split(' ').Select(p => p.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
            return (points.Min(p => p[0]), points.Min(p => p[1]), points.Max(p => p[0]), points.Max(p => p[1]));
        }
        var r = g.Element(Svg + "rect")!;
        double A(string name) => double.Parse(r.Attribute(name)!.Value, CultureInfo.InvariantCulture);
        return (A("x"), A("y"), A("x") + A("width"), A("y") + A("height"));
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("peering")]
    [InlineData("gateway-endpoint")]
    public void ShowSvg_Scenario_ASvgDocumentWithEverySubnetInstanceAndGateway(string scenario)
    {
        var world = ScenarioLoader.LoadFile(ScenarioFiles.Resolve(scenario)).Network;
        var run = CliRun.Of("show", scenario, "--format", "svg");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var svg = XDocument.Parse(run.Out).Root!;
        Assert.Equal(Svg + "svg", svg.Name);
        var ids = svg.Descendants().Select(e => e.Attribute("id")?.Value).Where(v => v is not null).ToHashSet();
        foreach (var id in world.Subnets.Keys.Select(k => k.Value).Concat(world.Instances.Keys.Select(i => i.Value))
                     .Concat(world.InternetGateways.Values.Where(g => g.AttachedVpcId is not null).Select(g => g.Id.Value))
                     .Concat(world.NatGateways.Keys.Select(g => g.Value)).Concat(world.EgressOnlyInternetGateways.Keys.Select(g => g.Value))
                     .Concat(world.VpcEndpoints.Keys.Select(e => e.Value)))
            Assert.Contains(Id(id), ids);
        foreach (var subnet in world.Subnets.Values)
            Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value.StartsWith($"{world.NameOf(subnet.Id.Value)} {subnet.CidrBlock}", StringComparison.Ordinal));
        Assert.Equal(run.Out, CliRun.Of("show", scenario, "--format", "svg").Out); // same world, same bytes
    }

    // The console's rule (docs/semantics.md#console): nested boxes never overlap; a child lies inside its parent.
    [Theory]
    [InlineData("seed")]
    [InlineData("peering")]
    public void ShowSvg_Scenario_SiblingBoxesApart_ChildrenInsideTheirParent(string scenario)
    {
        var svg = XDocument.Parse(CliRun.Of("show", scenario, "--format", "svg").Out).Root!;
        foreach (var parent in svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") is { } c && c.StartsWith("box", StringComparison.Ordinal)).Prepend(svg))
        {
            var children = parent.Elements(Svg + "g").Where(g => (string?)g.Attribute("class") is { } c && (c.StartsWith("box", StringComparison.Ordinal) || c.StartsWith("leaf", StringComparison.Ordinal))).Select(g => (Id: (string)g.Attribute("id")!, Box: BoxOf(g))).ToList();
            for (int i = 0; i < children.Count; i++)
            {
                for (int j = i + 1; j < children.Count; j++)
                {
                    var (a, b) = (children[i].Box, children[j].Box);
                    Assert.False(a.X1 < b.X2 && b.X1 < a.X2 && a.Y1 < b.Y2 && b.Y1 < a.Y2, $"{children[i].Id} overlaps {children[j].Id}");
                }
                if (parent != svg)
                {
                    var (p, c) = (BoxOf(parent), children[i].Box);
                    Assert.True(c.X1 >= p.X1 && c.Y1 >= p.Y1 && c.X2 <= p.X2 && c.Y2 <= p.Y2, $"{children[i].Id} leaves {parent.Attribute("id")}");
                }
            }
        }
    }

    [Fact]
    public void Readme_SeedPicture_IsShowFormatSvgOutput()
    {
        Assert.Contains("](docs/seed-topology.svg)", File.ReadAllText(Path.Combine(Root(), "README.md")), StringComparison.Ordinal);
        Assert.Equal(CliRun.Of("show", "seed", "--format", "svg").Out, File.ReadAllText(Path.Combine(Root(), "docs", "seed-topology.svg")));
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
        var run = CliRun.Of("show", "seed", "--format", "png");
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
