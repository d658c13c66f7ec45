// A trace turned into what the map highlights: the nodes each path visits in order (forward, return), the edges
// to draw between them hop by hop, and where a dropped flow stopped, with the reason in words. Pure: tested
// without a browser (highlight.test.ts).
import { INTERNET, interfaceNodes } from "./elements";
import { describeDrop } from "./explain";
import type { Hop, Topology, Trace } from "./types";

export interface PathStep {
  node: string;
  hop: Hop;
}

export interface TraceHighlight {
  forward: PathStep[];
  return: PathStep[];
  /** Consecutive distinct nodes of each path: the arrows drawn on the map. */
  edges: { id: string; source: string; target: string; path: "forward" | "return"; order: number }[];
  drop?: { node: string; component: string; path: "forward" | "return"; code: string; words: string };
}

/** The node that stands for a hop's component on the map, or undefined when the map has none. Filters (security
 * groups, network ACLs) and route tables are not boxes of their own: a network ACL or route table hop lights its
 * subnet, a security group the interface it guards (the one before it on the way out, after it on the way in). */
export function nodeOfHop(hops: Hop[], index: number, enis: Map<string, string>, nodes: Set<string>): string | undefined {
  const hop = hops[index];
  const c = hop.component;
  const known = (id: string | undefined) => (id && nodes.has(id) ? id : undefined);
  switch (c.kind) {
    case "network-interface":
      return known(enis.get(c.id) ?? c.id);
    case "security-group": {
      const step = hop.direction === "egress" ? -1 : 1;
      for (let i = index + step; i >= 0 && i < hops.length; i += step) {
        if (hops[i].component.kind === "network-interface") return known(enis.get(hops[i].component.id) ?? hops[i].component.id);
        if (hops[i].component.kind === "instance") return known(hops[i].component.id);
      }
      return known(hop.subnet?.id);
    }
    case "network-acl":
    case "route-table":
      return known(hop.subnet?.id);
    case "internet":
      return known(INTERNET);
    case "vpc-peering-connection":
      return undefined; // an edge, lit by the path's arrows
    default:
      return known(c.id) ?? known(hop.subnet?.id);
  }
}

function steps(hops: Hop[], enis: Map<string, string>, nodes: Set<string>): PathStep[] {
  const out: PathStep[] = [];
  hops.forEach((hop, i) => {
    const node = nodeOfHop(hops, i, enis, nodes);
    if (node) out.push({ node, hop });
  });
  return out;
}

/** Whether one box holds the other (an instance and its subnet): no arrow is drawn between them, the box is lit. */
function nested(a: string, b: string, parentOf: Map<string, string | undefined>): boolean {
  const holds = (outer: string, inner: string) => {
    for (let p = parentOf.get(inner); p; p = parentOf.get(p)) if (p === outer) return true;
    return false;
  };
  return holds(a, b) || holds(b, a);
}

/** `nodes`: every drawn node and its parent box. */
export function highlight(trace: Trace, t: Topology, nodes: Map<string, string | undefined>): TraceHighlight {
  const enis = interfaceNodes(t);
  const drawn = new Set(nodes.keys());
  const forward = steps(trace.forward, enis, drawn);
  const back = steps(trace.return ?? [], enis, drawn);
  const edges: TraceHighlight["edges"] = [];
  for (const [path, list] of [["forward", forward], ["return", back]] as const) {
    let order = 0;
    for (let i = 1; i < list.length; i++) {
      const [source, target] = [list[i - 1].node, list[i].node];
      if (source === target || nested(source, target, nodes)) continue;
      order++;
      edges.push({ id: `trace:${path}:${order}`, source, target, path, order });
    }
  }
  const result: TraceHighlight = { forward, return: back, edges };
  if (trace.verdict !== "accepted") {
    const path = trace.droppedOn ?? "forward";
    const list = path === "return" ? back : forward;
    const hops = path === "return" ? trace.return : trace.forward;
    const dropped = hops.find((h) => h.action === "dropped") ?? hops[hops.length - 1];
    const step = list.find((s) => s.hop === dropped) ?? list[list.length - 1];
    const explanation = dropped?.explanations[0] ?? trace.explanations[0];
    if (step) {
      result.drop = {
        node: step.node,
        component: trace.droppedAt?.id ?? dropped.component.id,
        path,
        code: explanation?.code ?? "NO_PATH",
        words: describeDrop(dropped, explanation, path),
      };
    }
  }
  return result;
}
