using System.Globalization;
using System.Security;
using System.Text;
using Box = VpcLab.Cli.Rendering.TopologyOutline.Box;

namespace VpcLab.Cli.Rendering;

/// <summary><c>vpclab show --format svg</c>: <see cref="TopologyOutline"/> laid out as nested rectangles and written as
/// one standalone SVG file. The layout is a plain, deterministic packing (the same world gives the same bytes), so
/// boxes never overlap: an account-and-Region box holds its VPCs in rows, a VPC its zones side by side and its gateways
/// in a row under them, a zone its subnets one above the other, a subnet its instances and NAT gateways in a row. The
/// internet is an ellipse above everything; arrows join centres, clipped at the boxes' edges, with the console's looks
/// (dashed pending, dotted never carrying traffic). Colours are the console's (web/src/style.ts).</summary>
internal static class TopologySvg
{
    private const double CharWidth = 7, Pad = 10, Title = 20, Gap = 14, LeafHeight = 34, PlaceRow = 1800, SubnetRow = 520;

    private sealed record Placed(double X, double Y, double W, double H);

    private sealed class Layout
    {
        public Dictionary<string, Placed> At { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, (double W, double H)> Size { get; } = new(StringComparer.Ordinal);
    }

    public static string Write(List<Box> boxes, bool internet, List<TopologyOutline.Arrow> arrows)
    {
        var layout = new Layout();
        foreach (var b in boxes)
            Measure(b, layout);
        double top = internet ? 70 : Gap, width = boxes.Count == 0 ? 200 : boxes.Max(b => layout.Size[b.Id].W) + 2 * Gap;
        double y = top;
        foreach (var b in boxes)
        {
            Place(b, Gap, y, layout);
            y += layout.Size[b.Id].H + Gap;
        }
        if (internet)
            layout.At["internet"] = new Placed(width / 2 - 60, 14, 120, 40);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(width)}\" height=\"{N(y)}\" viewBox=\"0 0 {N(width)} {N(y)}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n");
        svg.Append("  <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#57606a\"/></marker></defs>\n");
        svg.Append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        foreach (var b in boxes)
            WriteBox(svg, b, layout, "  ");
        if (internet && layout.At["internet"] is var i)
        {
            svg.Append(CultureInfo.InvariantCulture, $"  <g id=\"internet\" class=\"internet\"><title>Internet</title><ellipse cx=\"{N(i.X + i.W / 2)}\" cy=\"{N(i.Y + i.H / 2)}\" rx=\"{N(i.W / 2)}\" ry=\"{N(i.H / 2)}\" fill=\"#ffffff\" stroke=\"#1b1f24\" stroke-width=\"2\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(i.X + i.W / 2)}\" y=\"{N(i.Y + i.H / 2 + 4)}\" text-anchor=\"middle\">Internet</text></g>\n");
        }
        foreach (var a in arrows)
            WriteArrow(svg, a, layout);
        return svg.Append("</svg>\n").ToString();
    }

    private static (double W, double H) LeafSize(string label) => (Math.Max(96, label.Length * CharWidth + 20), LeafHeight);

    /// <summary>Sizes bottom-up: a box is its title over its child boxes (flowed) over its leaves (flowed).</summary>
    private static (double W, double H) Measure(Box box, Layout layout)
    {
        var boxSizes = box.Boxes.Select(b => Measure(b, layout)).ToList();
        var leafSizes = box.Leaves.Select(l => LeafSize(l.Label)).ToList();
        var (bw, bh) = Flow(boxSizes, RowLimit(box.Kind, boxes: true));
        var (lw, lh) = Flow(leafSizes, RowLimit(box.Kind, boxes: false));
        double w = Math.Max(Math.Max(bw, lw), box.Label.Length * CharWidth + 8) + 2 * Pad;
        double h = Title + bh + (bh > 0 && lh > 0 ? Gap : 0) + lh + Pad + (bh + lh == 0 ? 10 : 0);
        layout.Size[box.Id] = (w, h);
        return (w, h);
    }

    /// <summary>How wide a row of children may grow before the next starts (0: one per row).</summary>
    private static double RowLimit(string kind, bool boxes) => kind switch
    {
        "place" => PlaceRow,
        "vpc" => boxes ? double.MaxValue : PlaceRow / 2,
        "az" => 0,
        _ => SubnetRow,
    };

    /// <summary>Items left to right, a new row when the limit is passed: the width and height they take.</summary>
    private static (double W, double H) Flow(List<(double W, double H)> items, double limit)
    {
        double width = 0, height = 0, rowWidth = 0, rowHeight = 0;
        foreach (var (w, h) in items)
        {
            if (rowWidth > 0 && rowWidth + Gap + w > limit)
            {
                width = Math.Max(width, rowWidth);
                height += rowHeight + Gap;
                rowWidth = rowHeight = 0;
            }
            rowWidth += (rowWidth > 0 ? Gap : 0) + w;
            rowHeight = Math.Max(rowHeight, h);
        }
        return (Math.Max(width, rowWidth), height + rowHeight);
    }

    /// <summary>Positions top-down with the same flow as <see cref="Measure"/>.</summary>
    private static void Place(Box box, double x, double y, Layout layout)
    {
        var (w, h) = layout.Size[box.Id];
        layout.At[box.Id] = new Placed(x, y, w, h);
        double contentY = y + Title;
        var afterBoxes = FlowPlace([.. box.Boxes.Select(b => (b.Id, layout.Size[b.Id].W, layout.Size[b.Id].H))], x + Pad, contentY,
            RowLimit(box.Kind, boxes: true), (id, px, py) => Place(box.Boxes.Single(b => b.Id == id), px, py, layout));
        var leafY = afterBoxes > contentY ? afterBoxes + Gap : contentY;
        FlowPlace([.. box.Leaves.Select(l => (l.Id, LeafSize(l.Label).Item1, LeafSize(l.Label).Item2))], x + Pad, leafY,
            RowLimit(box.Kind, boxes: false), (id, px, py) => layout.At[id] = new Placed(px, py, LeafSize(box.Leaves.Single(l => l.Id == id).Label).Item1, LeafHeight));
    }

    /// <summary>Places items in rows from (x, y); returns the y under the last row (y itself when there are none).</summary>
    private static double FlowPlace(List<(string Id, double W, double H)> items, double x, double y, double limit, Action<string, double, double> place)
    {
        double rowX = 0, rowHeight = 0, rowY = y;
        foreach (var (id, w, h) in items)
        {
            if (rowX > 0 && rowX + Gap + w > limit)
            {
                rowY += rowHeight + Gap;
                rowX = rowHeight = 0;
            }
            place(id, x + rowX + (rowX > 0 ? Gap : 0), rowY);
            rowX += (rowX > 0 ? Gap : 0) + w;
            rowHeight = Math.Max(rowHeight, h);
        }
        return items.Count == 0 ? y : rowY + rowHeight;
    }

    private static (string Fill, string Stroke, string Dash) Look(string kind) => kind switch
    {
        "place" => ("#ffffff", "#1b1f24", ""),
        "vpc" => ("#eaf2ff", "#0550ae", ""),
        "az" => ("#f6f8fa", "#6e7781", " stroke-dasharray=\"6 4\""),
        "subnet public" => ("#e6f6ea", "#116329", ""),
        "subnet private" => ("#eef1ff", "#3d4fb3", ""),
        "gateway" => ("#fbefff", "#6639ba", ""),
        _ => ("#fff8e5", "#7d4e00", ""),
    };

    private static void WriteBox(StringBuilder svg, Box box, Layout layout, string indent)
    {
        var p = layout.At[box.Id];
        var (fill, stroke, dash) = Look(box.Kind);
        svg.Append(CultureInfo.InvariantCulture, $"{indent}<g id=\"{box.Id}\" class=\"box {box.Kind}\"><title>{X(box.Label)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(p.X)}\" y=\"{N(p.Y)}\" width=\"{N(p.W)}\" height=\"{N(p.H)}\" rx=\"6\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{(box.Kind == "vpc" ? 2 : 1)}\"{dash}/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(p.X + Pad)}\" y=\"{N(p.Y + 15)}\" font-weight=\"{(box.Kind == "az" ? "normal" : "bold")}\" fill=\"#1b1f24\">{X(box.Label)}</text>\n");
        foreach (var child in box.Boxes)
            WriteBox(svg, child, layout, indent + "  ");
        foreach (var (id, label, shape) in box.Leaves)
        {
            var l = layout.At[id];
            var (lf, ls, _) = Look(shape);
            svg.Append(CultureInfo.InvariantCulture, $"{indent}  <g id=\"{id}\" class=\"leaf {shape}\"><title>{X(label)}</title>");
            if (shape == "gateway")
            {
                double c = 10; // a hexagon, as Mermaid's {{ }} and DOT's hexagon
                svg.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{N(l.X + c)},{N(l.Y)} {N(l.X + l.W - c)},{N(l.Y)} {N(l.X + l.W)},{N(l.Y + l.H / 2)} {N(l.X + l.W - c)},{N(l.Y + l.H)} {N(l.X + c)},{N(l.Y + l.H)} {N(l.X)},{N(l.Y + l.H / 2)}\" fill=\"{lf}\" stroke=\"{ls}\"/>");
            }
            else
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(l.X)}\" y=\"{N(l.Y)}\" width=\"{N(l.W)}\" height=\"{N(l.H)}\" rx=\"4\" fill=\"{lf}\" stroke=\"{ls}\"/>");
            }
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(l.X + l.W / 2)}\" y=\"{N(l.Y + l.H / 2 + 4)}\" text-anchor=\"middle\" fill=\"#1b1f24\">{X(label)}</text></g>\n");
        }
        svg.Append(indent).Append("</g>\n");
    }

    private static void WriteArrow(StringBuilder svg, TopologyOutline.Arrow a, Layout layout)
    {
        if (!layout.At.TryGetValue(a.From, out var from) || !layout.At.TryGetValue(a.To, out var to))
            return;
        var (fx, fy) = (from.X + from.W / 2, from.Y + from.H / 2);
        var (tx, ty) = (to.X + to.W / 2, to.Y + to.H / 2);
        var (x1, y1) = Edge(from, tx, ty);
        var (x2, y2) = Edge(to, fx, fy);
        var (color, dash, marker) = a.Style switch
        {
            "pending" => ("#9a6700", " stroke-dasharray=\"6 4\"", " marker-end=\"url(#arrow)\""),
            "inactive" => ("#a40e26", " stroke-dasharray=\"2 3\"", " marker-end=\"url(#arrow)\""),
            "plain" => ("#57606a", "", ""),
            _ => ("#57606a", "", " marker-end=\"url(#arrow)\""),
        };
        svg.Append(CultureInfo.InvariantCulture, $"  <g class=\"arrow {a.Style}\" data-from=\"{a.From}\" data-to=\"{a.To}\"><line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{color}\" stroke-width=\"1.5\"{dash}{marker}/>");
        if (a.Label.Length > 0)
        {
            double mx = (x1 + x2) / 2, my = (y1 + y2) / 2, w = a.Label.Length * 6 + 8;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(mx - w / 2)}\" y=\"{N(my - 8)}\" width=\"{N(w)}\" height=\"14\" fill=\"#ffffff\" opacity=\"0.85\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(mx)}\" y=\"{N(my + 3)}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#1b1f24\">{X(a.Label)}</text>");
        }
        svg.Append("</g>\n");
    }

    /// <summary>Where the line from the centre of <paramref name="box"/> towards (tx, ty) leaves the box.</summary>
    private static (double X, double Y) Edge(Placed box, double tx, double ty)
    {
        double cx = box.X + box.W / 2, cy = box.Y + box.H / 2, dx = tx - cx, dy = ty - cy;
        if (dx == 0 && dy == 0)
            return (cx, cy);
        double scale = Math.Min(dx == 0 ? double.MaxValue : box.W / 2 / Math.Abs(dx), dy == 0 ? double.MaxValue : box.H / 2 / Math.Abs(dy));
        return (cx + dx * Math.Min(1, scale), cy + dy * Math.Min(1, scale));
    }

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string X(string text) => SecurityElement.Escape(text);
}
