// The layout input: a topology turned into Cytoscape elements. Boxes nest as AWS draws them (VPC ⊃ Availability
// Zone ⊃ subnet ⊃ instance); gateways sit in their VPC, the internet outside; edges are a subnet's routes to its
// gateways and the peerings between VPCs. Pure: tested without a browser (elements.test.ts).
import type { Topology } from "./types";

export interface ElementData {
  id: string;
  label: string;
  kind: string;
  parent?: string;
  source?: string;
  target?: string;
  /** The resource whose details a click shows (for an AZ box: none). */
  ref?: string;
  /** A leaf's size, from its label (boxes with children are sized by them). */
  width?: number;
  height?: number;
}

/** Room for a label of 12px text: about 7px a character, 15px a line, and a margin. */
export function labelSize(label: string): { width: number; height: number } {
  const lines = label.split("\n");
  return { width: Math.max(...lines.map((l) => l.length)) * 7 + 16, height: lines.length * 15 + 12 };
}

export interface Element {
  group: "nodes" | "edges";
  data: ElementData;
  classes: string;
}

export const INTERNET = "internet";

export function azNodeId(vpcId: string, zone: string): string {
  return `az:${vpcId}:${zone}`;
}

/** Peering states AWS lists that carry traffic, wait for someone, or will never carry it. */
export function peeringClass(state: string): "active" | "pending" | "inactive" {
  if (state === "active") return "active";
  if (["initiating-request", "pending-acceptance", "provisioning"].includes(state)) return "pending";
  return "inactive";
}

/** Which map node stands for each interface: its instance when it sits in the instance's subnet, its NAT gateway,
 * else the interface itself. Trace hops name interfaces; the highlight needs the node. */
export function interfaceNodes(t: Topology): Map<string, string> {
  const map = new Map<string, string>();
  const instances = new Map(t.instances.map((i) => [i.id, i]));
  for (const eni of t.networkInterfaces) {
    const owner = eni.instanceId ? instances.get(eni.instanceId) : undefined;
    map.set(eni.id, owner && owner.subnetId === eni.subnetId ? owner.id : eni.id);
  }
  for (const nat of t.natGateways) map.set(nat.networkInterfaceId, nat.id);
  return map;
}

export function toElements(t: Topology): Element[] {
  const out: Element[] = [];
  const node = (data: ElementData, classes: string) => out.push({ group: "nodes", data: { ...data, ...labelSize(data.label) }, classes });
  const edge = (data: ElementData, classes: string) => out.push({ group: "edges", data, classes });
  const vpcIds = new Set(t.vpcs.map((v) => v.id));
  for (const v of t.vpcs) {
    node({ id: v.id, label: `${v.name}  ${[...v.cidrs, ...v.ipv6Cidrs].join(" ")}`, kind: "vpc", ref: v.id }, "vpc");
  }
  const zones = new Set<string>();
  for (const s of t.subnets) {
    const az = azNodeId(s.vpcId, s.availabilityZone);
    if (!zones.has(az)) {
      zones.add(az);
      node({ id: az, label: s.availabilityZone, kind: "az", parent: s.vpcId }, "az");
    }
    node({ id: s.id, label: `${s.name}\n${s.cidr}${s.public ? "  public" : "  private"}`, kind: "subnet", parent: az, ref: s.id },
      `subnet ${s.public ? "public" : "private"}`);
  }
  addMembers(t, node, edge);
  addGateways(t, node, edge, vpcIds);
  addPeerings(t, node, edge, vpcIds);
  return out;
}

type Add = (data: ElementData, classes: string) => void;

function addMembers(t: Topology, node: Add, edge: Add) {
  const subnets = new Set(t.subnets.map((s) => s.id));
  for (const i of t.instances) {
    if (!subnets.has(i.subnetId)) continue;
    const primary = t.networkInterfaces.find((n) => n.id === i.networkInterfaceIds[0]);
    const ip = primary?.privateIpAddresses.find((p) => p.primary)?.address ?? "";
    node({ id: i.id, label: `${i.name}\n${ip}`, kind: "instance", parent: i.subnetId, ref: i.id }, `instance ${i.state}`);
  }
  const drawnBy = interfaceNodes(t);
  for (const n of t.natGateways) {
    if (!subnets.has(n.subnetId)) continue;
    node({ id: n.id, label: `NAT ${n.name}\n${n.publicIp ?? n.privateIp}`, kind: "nat-gateway", parent: n.subnetId, ref: n.id }, `gateway nat ${n.state}`);
  }
  for (const eni of t.networkInterfaces) {
    if (drawnBy.get(eni.id) !== eni.id || !subnets.has(eni.subnetId)) continue;
    const ip = eni.privateIpAddresses.find((p) => p.primary)?.address ?? "";
    const endpoint = t.vpcEndpoints.find((e) => e.networkInterfaceIds.includes(eni.id));
    node({ id: eni.id, label: `${endpoint ? "endpoint " : ""}${eni.name === eni.id ? "ENI" : eni.name}\n${ip}`, kind: "network-interface", parent: eni.subnetId, ref: eni.id },
      endpoint ? "eni endpoint-eni" : "eni");
    if (endpoint) edge({ id: `${endpoint.id}>${eni.id}`, label: "", kind: "endpoint-interface", source: endpoint.id, target: eni.id }, "endpoint-link");
    if (eni.instanceId && t.instances.some((i) => i.id === eni.instanceId)) {
      edge({ id: `${eni.instanceId}>${eni.id}`, label: "", kind: "attachment", source: eni.instanceId, target: eni.id }, "attachment");
    }
  }
}

function addGateways(t: Topology, node: Add, edge: Add, vpcIds: Set<string>) {
  const internet = t.internetGateways.some((g) => g.vpcId) || t.egressOnlyInternetGateways.length > 0;
  if (internet) node({ id: INTERNET, label: "Internet", kind: "internet" }, "internet");
  for (const g of t.internetGateways) {
    const attached = g.vpcId && vpcIds.has(g.vpcId) ? g.vpcId : undefined;
    node({ id: g.id, label: `IGW ${g.name}`, kind: "internet-gateway", parent: attached, ref: g.id }, `gateway igw${attached ? "" : " detached"}`);
    if (attached) edge({ id: `${g.id}>${INTERNET}`, label: "", kind: "uplink", source: g.id, target: INTERNET }, "uplink");
  }
  for (const g of t.egressOnlyInternetGateways) {
    const vpc = g.vpcId && vpcIds.has(g.vpcId) ? g.vpcId : undefined;
    node({ id: g.id, label: `EIGW ${g.name}`, kind: "egress-only-internet-gateway", parent: vpc, ref: g.id }, "gateway eigw");
    edge({ id: `${g.id}>${INTERNET}`, label: "IPv6 out", kind: "uplink", source: g.id, target: INTERNET }, "uplink egress-only");
  }
  for (const e of t.vpcEndpoints) {
    const short = e.serviceName.split(".").pop() ?? e.serviceName;
    node({ id: e.id, label: `${e.type === "gateway" ? "Gateway" : "Interface"} endpoint\n${short}`, kind: `${e.type}-endpoint`, parent: e.vpcId, ref: e.id },
      `gateway endpoint ${e.type}-endpoint ${e.state}`);
  }
  const targets = new Set([...t.internetGateways, ...t.egressOnlyInternetGateways, ...t.natGateways, ...t.vpcEndpoints].map((g) => g.id));
  const tables = new Map(t.routeTables.map((r) => [r.id, r]));
  for (const s of t.subnets) {
    const table = s.routeTableId ? tables.get(s.routeTableId) : undefined;
    const byTarget = new Map<string, string[]>();
    for (const r of table?.routes ?? []) {
      if (!targets.has(r.target)) continue;
      byTarget.set(r.target, [...(byTarget.get(r.target) ?? []), r.destination + (r.state === "blackhole" ? " (blackhole)" : "")]);
    }
    for (const [target, destinations] of byTarget) {
      edge({ id: `route:${s.id}>${target}`, label: destinations.join(", "), kind: "route", source: s.id, target, ref: table!.id },
        `route${destinations.some((d) => d.endsWith("(blackhole)")) ? " blackhole" : ""}`);
    }
  }
}

function addPeerings(t: Topology, node: Add, edge: Add, vpcIds: Set<string>) {
  const stubs = new Set<string>();
  for (const p of t.peerings) {
    for (const end of [p.requester, p.accepter]) {
      const stub = `remote:${end.vpcId}`;
      if (vpcIds.has(end.vpcId) || stubs.has(stub)) continue;
      stubs.add(stub);
      node({ id: stub, label: `${end.vpcName}  ${end.cidrs.join(" ")}\n${end.ownerId} ${end.region}`, kind: "remote-vpc", ref: p.id }, "remote");
    }
    const side = (vpcId: string) => (vpcIds.has(vpcId) ? vpcId : `remote:${vpcId}`);
    edge({ id: p.id, label: `${p.name} (${p.state})`, kind: "peering", source: side(p.requester.vpcId), target: side(p.accepter.vpcId), ref: p.id },
      `peering ${peeringClass(p.state)}`);
  }
}
