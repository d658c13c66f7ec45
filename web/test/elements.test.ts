// The layout input (src/elements.ts): AWS's nesting (VPC ⊃ AZ ⊃ subnet ⊃ instance), gateways in their VPC, routes
// and peerings as edges. https://docs.aws.amazon.com/vpc/latest/userguide/how-it-works.html
import { describe, expect, it } from "vitest";
import { azNodeId, INTERNET, peeringClass, toElements } from "../src/elements";
import type { Topology } from "../src/types";
import { byName, seed } from "./world";

const nodes = (t: Topology) => new Map(toElements(t).filter((e) => e.group === "nodes").map((e) => [e.data.id, e]));

describe("toElements", () => {
  it("Subnets_EachInItsZoneInItsVpc_NestedAsAwsDrawsThem", () => {
    const n = nodes(seed);
    for (const s of seed.subnets) {
      expect(n.get(s.id)?.data.parent).toBe(azNodeId(s.vpcId, s.availabilityZone));
      expect(n.get(azNodeId(s.vpcId, s.availabilityZone))?.data.parent).toBe(s.vpcId);
      expect(n.get(s.id)?.data.label).toContain(s.cidr);
    }
  });

  // AWS: a public subnet has a direct route to an internet gateway (docs/semantics.md#console-public-subnet).
  it.each([["public-a", "public"], ["public-b", "public"], ["app-a", "private"], ["db-a", "private"], ["batch-a", "private"]])(
    "Subnet_%s_ClassedAs_%s", (name, kind) => {
      expect(nodes(seed).get(byName(name))?.classes.split(" ")).toContain(kind);
    });

  it("Instances_InTheirSubnets", () => {
    const n = nodes(seed);
    for (const i of seed.instances) expect(n.get(i.id)?.data.parent).toBe(i.subnetId);
  });

  it("Gateways_EveryIgwEigwNatDrawn_InternetOutside", () => {
    const n = nodes(seed);
    for (const g of [...seed.internetGateways, ...seed.egressOnlyInternetGateways, ...seed.natGateways]) expect(n.has(g.id)).toBe(true);
    expect(n.get(INTERNET)?.data.parent).toBeUndefined();
    for (const nat of seed.natGateways) expect(n.get(nat.id)?.data.parent).toBe(nat.subnetId);
  });

  it("Edges_NoneDangling_IdsUnique", () => {
    const elements = toElements(seed);
    const ids = elements.map((e) => e.data.id);
    expect(new Set(ids).size).toBe(ids.length);
    const n = nodes(seed);
    for (const e of elements.filter((x) => x.group === "edges")) {
      expect(n.has(e.data.source!)).toBe(true);
      expect(n.has(e.data.target!)).toBe(true);
    }
  });

  it("RouteEdges_PublicSubnetToIgw_LabelledWithDestinations", () => {
    const igw = seed.internetGateways[0].id;
    const edge = toElements(seed).find((e) => e.data.id === `route:${byName("public-a")}>${igw}`);
    expect(edge?.data.label).toContain("0.0.0.0/0");
  });

  // AWS peering lifecycle: https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html#vpc-peering-lifecycle
  it.each([["active", "active"], ["pending-acceptance", "pending"], ["provisioning", "pending"], ["failed", "inactive"], ["rejected", "inactive"], ["deleted", "inactive"], ["expired", "inactive"]])(
    "PeeringState_%s_DrawnAs_%s", (state, expected) => expect(peeringClass(state)).toBe(expected));

  it("Peering_ToAnotherAccount_DrawnToOneStubOfTheFarVpc", () => {
    const vpc = seed.vpcs[0];
    const far = { vpcId: "vpc-0fa7", vpcName: "partner", ownerId: "222222222222", region: "eu-west-1", cidrs: ["10.9.0.0/16"] };
    const mine = { vpcId: vpc.id, vpcName: vpc.name, ownerId: seed.account, region: seed.region, cidrs: vpc.cidrs };
    const peering = (id: string, state: string) => ({ id, name: id, tags: {}, state, statusMessage: "", requester: mine, accepter: far });
    const t: Topology = { ...seed, peerings: [peering("pcx-1", "pending-acceptance"), peering("pcx-2", "active")] };
    const elements = toElements(t);
    expect(elements.filter((e) => e.data.id === "remote:vpc-0fa7")).toHaveLength(1);
    const edge = elements.find((e) => e.data.id === "pcx-1")!;
    expect([edge.data.source, edge.data.target, edge.classes]).toEqual([vpc.id, "remote:vpc-0fa7", "peering pending"]);
  });
});
