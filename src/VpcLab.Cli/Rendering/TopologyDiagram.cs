using System.Text;
using VpcLab.Model;

namespace VpcLab.Cli.Rendering;

/// <summary>A world as a diagram for READMEs, wikis and pull requests (<c>vpclab show --format mermaid|dot|svg</c>): the
/// web console's nesting (account and Region ⊃ VPC ⊃ Availability Zone ⊃ subnet ⊃ instance, gateways in their VPC, the
/// internet outside), a subnet's routes to its gateways as labelled arrows, and peerings between VPCs (dashed while
/// pending, dotted when they will never carry traffic). Public and private subnets as the console tells them
/// (<see cref="Server.WebConsole.SubnetVisibility"/>).</summary>
public static class TopologyDiagram
{
    /// <summary>A standalone SVG picture, laid out here (<see cref="TopologySvg"/>): no Graphviz or browser needed.</summary>
    public static string Svg(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var (boxes, internet, arrows) = TopologyOutline.Build(network);
        return TopologySvg.Write(boxes, internet, arrows);
    }

    public static string Mermaid(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var (boxes, internet, arrows) = TopologyOutline.Build(network);
        var sb = new StringBuilder("flowchart TB\n");
        void Write(TopologyOutline.Box box, string indent)
        {
            sb.Append(indent).Append("subgraph ").Append(box.Id).Append("[\"").Append(Escape(box.Label)).Append("\"]\n");
            foreach (var child in box.Boxes)
                Write(child, indent + "  ");
            foreach (var (id, label, shape) in box.Leaves)
                sb.Append(indent).Append("  ").Append(id).Append(MermaidShape(shape, Escape(label))).Append('\n');
            sb.Append(indent).Append("end\n");
        }
        foreach (var box in boxes)
            Write(box, "  ");
        if (internet)
            sb.Append("  internet((\"Internet\"))\n");
        foreach (var a in arrows)
        {
            var arrow = a.Style switch { "pending" => "-.->", "inactive" => "-.-x", "plain" => "---", _ => "-->" };
            sb.Append("  ").Append(a.From).Append(' ').Append(arrow).Append(a.Label.Length > 0 ? $"|\"{Escape(a.Label)}\"|" : "").Append(' ').Append(a.To).Append('\n');
        }
        return sb.ToString();
    }

    public static string Dot(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var (boxes, internet, arrows) = TopologyOutline.Build(network);
        var sb = new StringBuilder("digraph vpclab {\n  compound=true;\n  rankdir=TB;\n  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];\n");
        void Write(TopologyOutline.Box box, string indent)
        {
            sb.Append(indent).Append("subgraph cluster_").Append(box.Id).Append(" {\n")
                .Append(indent).Append("  label=\"").Append(DotEscape(box.Label)).Append("\";\n")
                .Append(indent).Append("  ").Append(box.Id).Append(" [shape=point, style=invis];\n"); // an anchor: arrows meet the box
            foreach (var child in box.Boxes)
                Write(child, indent + "  ");
            foreach (var (id, label, shape) in box.Leaves)
                sb.Append(indent).Append("  ").Append(id).Append(" [label=\"").Append(DotEscape(label)).Append("\", shape=").Append(DotShape(shape)).Append("];\n");
            sb.Append(indent).Append("}\n");
        }
        foreach (var box in boxes)
            Write(box, "  ");
        if (internet)
            sb.Append("  internet [label=\"Internet\", shape=ellipse];\n");
        var clusters = new HashSet<string>(TopologyOutline.Flatten(boxes).Select(b => b.Id), StringComparer.Ordinal);
        foreach (var a in arrows)
        {
            var attributes = new List<string>();
            if (a.Label.Length > 0)
                attributes.Add($"label=\"{DotEscape(a.Label)}\"");
            if (clusters.Contains(a.From))
                attributes.Add($"ltail=cluster_{a.From}");
            if (clusters.Contains(a.To))
                attributes.Add($"lhead=cluster_{a.To}");
            attributes.Add(a.Style switch { "pending" => "style=dashed", "inactive" => "style=dotted", "plain" => "arrowhead=none", _ => "style=solid" });
            sb.Append("  ").Append(a.From).Append(" -> ").Append(a.To).Append(" [").AppendJoin(", ", attributes).Append("];\n");
        }
        return sb.Append("}\n").ToString();
    }


    private static string Escape(string text) => text.Replace("\"", "#quot;", StringComparison.Ordinal);

    private static string DotEscape(string text) => text.Replace("\"", "\\\"", StringComparison.Ordinal);

    private static string MermaidShape(string shape, string label) => shape switch
    {
        "gateway" => $"{{{{\"{label}\"}}}}",
        _ => $"[\"{label}\"]",
    };

    private static string DotShape(string shape) => shape == "gateway" ? "hexagon" : "box";
}
