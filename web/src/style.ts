// The map's look. Colours keep 4.5:1 contrast for labels on their fills; state is never shown by colour alone
// (a pending peering is dashed, a failed one dotted, a blackhole route dashed, a drop thick and labelled).
import type { StylesheetJson } from "cytoscape";

export const mapStyle: StylesheetJson = [
  { selector: "node", style: { label: "data(label)", "font-size": 12, "text-wrap": "wrap", "text-valign": "center", "text-halign": "center", color: "#1b1f24", "background-color": "#ffffff", "border-width": 1, "border-color": "#57606a", shape: "round-rectangle", width: "data(width)", height: "data(height)" } },
  { selector: ":parent", style: { "text-valign": "top", "text-halign": "center", "font-weight": "bold", "background-opacity": 0.6, padding: "14px" } },
  { selector: "node.vpc", style: { "background-color": "#eaf2ff", "border-color": "#0550ae", "border-width": 2 } },
  { selector: "node.az", style: { "background-color": "#f6f8fa", "border-style": "dashed", "border-color": "#6e7781", "font-weight": "normal" } },
  { selector: "node.subnet.public", style: { "background-color": "#e6f6ea", "border-color": "#116329" } },
  { selector: "node.subnet.private", style: { "background-color": "#eef1ff", "border-color": "#3d4fb3" } },
  { selector: "node.instance", style: { "background-color": "#fff8e5", "border-color": "#7d4e00" } },
  { selector: "node.instance.stopped", style: { "border-style": "dashed" } },
  { selector: "node.gateway", style: { shape: "cut-rectangle", "background-color": "#fbefff", "border-color": "#6639ba" } },
  { selector: "node.detached", style: { "border-style": "dotted" } },
  { selector: "node.internet", style: { shape: "ellipse", "background-color": "#ffffff", "border-color": "#1b1f24", "border-width": 2 } },
  { selector: "node.remote", style: { "border-style": "dashed", "background-color": "#f6f8fa" } },
  { selector: "edge", style: { width: 1.5, "line-color": "#57606a", "target-arrow-color": "#57606a", "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(label)", "font-size": 10, color: "#1b1f24", "text-background-color": "#ffffff", "text-background-opacity": 0.85, "text-background-padding": "1px" } },
  { selector: "edge.route", style: { "line-color": "#8c959f", "target-arrow-color": "#8c959f" } },
  { selector: "edge.blackhole", style: { "line-style": "dashed", "line-color": "#a40e26", "target-arrow-color": "#a40e26" } },
  { selector: "edge.peering", style: { width: 3, "target-arrow-shape": "none", "line-color": "#0550ae" } },
  { selector: "edge.peering.pending", style: { "line-style": "dashed", "line-color": "#9a6700" } },
  { selector: "edge.peering.inactive", style: { "line-style": "dotted", "line-color": "#a40e26" } },
  { selector: "edge.attachment, edge.endpoint-link", style: { "target-arrow-shape": "none", "line-style": "dotted" } },
  { selector: ":selected", style: { "border-width": 4, "border-color": "#0969da", "overlay-opacity": 0 } },
  { selector: ".on-forward", style: { "border-width": 4, "border-color": "#1a7f37" } },
  { selector: ".on-return", style: { "border-width": 4, "border-color": "#8250df" } },
  { selector: "edge.trace", style: { width: 4, "curve-style": "bezier", "line-color": "#1a7f37", "target-arrow-color": "#1a7f37", label: "data(label)", "font-size": 11, "font-weight": "bold", "z-index": 10 } },
  { selector: "edge.trace.return", style: { "line-color": "#8250df", "target-arrow-color": "#8250df", "line-style": "dashed" } },
  { selector: "node.collapsed", style: { "background-color": "#dbe7ff", "border-style": "double", "border-width": 4 } },
  { selector: ".dropped", style: { "border-width": 6, "border-color": "#cf222e", "background-color": "#ffebe9", "z-index": 20 } },
];
