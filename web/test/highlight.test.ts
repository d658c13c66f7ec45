// A trace turned into highlighted map elements (src/highlight.ts), in Reachability Analyzer's terms: the forward and
// return paths hop by hop, and the component that dropped the flow with its explanation code.
// https://docs.aws.amazon.com/vpc/latest/reachability/explanation-codes.html
import { describe, expect, it } from "vitest";
import { INTERNET, toElements } from "../src/elements";
import { highlight } from "../src/highlight";
import { byName, httpsFromInternet, naclReturnDrop, seed } from "./world";

const drawn = new Map(toElements(seed).filter((e) => e.group === "nodes").map((e) => [e.data.id, e.data.parent]));

describe("highlight", () => {
  // NACLs are stateless: db-acl admits the request and drops the reply on its way out of db-a.
  // https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html
  it("NaclDropsReply_DroppingSubnetHighlightedOnReturnPath_WithCodeAndRule", () => {
    const lit = highlight(naclReturnDrop, seed, drawn);
    expect(lit.drop?.node).toBe(byName("db-a"));
    expect(lit.drop?.component).toBe(byName("db-acl"));
    expect(lit.drop?.path).toBe("return");
    expect(lit.drop?.code).toBe("SUBNET_ACL_RESTRICTION");
    expect(lit.drop?.words).toContain("db-acl");
    expect(lit.drop?.words).toContain("final rule *");
    expect(lit.drop?.words).toContain("stateless");
  });

  it("NaclDropsReply_ForwardPathLitFromSourceToDestination", () => {
    const lit = highlight(naclReturnDrop, seed, drawn);
    expect(lit.forward[0].node).toBe(byName("app-2"));
    expect(lit.forward[lit.forward.length - 1].node).toBe(byName("db-1"));
    expect(lit.return[0].node).toBe(byName("db-1"));
  });

  it("Edges_JoinConsecutiveDistinctNodes_InOrderPerPath", () => {
    const lit = highlight(httpsFromInternet, seed, drawn);
    const forward = lit.edges.filter((e) => e.path === "forward");
    expect(forward.map((e) => e.order)).toEqual(forward.map((_, i) => i + 1));
    expect(forward[0]).toMatchObject({ source: INTERNET, target: seed.internetGateways[0].id });
    for (let i = 1; i < forward.length; i++) expect(forward[i].source).toBe(forward[i - 1].target);
    for (const e of lit.edges) expect(e.source).not.toBe(e.target);
  });

  it("Edges_NoneBetweenAnInstanceAndItsOwnSubnet_SubnetToSubnetInstead", () => {
    const lit = highlight(naclReturnDrop, seed, drawn);
    const forward = lit.edges.filter((e) => e.path === "forward").map((e) => [e.source, e.target]);
    expect(forward).toEqual([[byName("app-b"), byName("db-a")]]);
  });

  it("SecurityGroupHop_LightsTheInterfaceItGuards", () => {
    const lit = highlight(naclReturnDrop, seed, drawn);
    const sg = lit.forward.find((s) => s.hop.component.kind === "security-group" && s.hop.direction === "egress");
    expect(sg?.node).toBe(byName("app-2"));
  });

  it("AcceptedFromInternet_NoDrop_PathFromInternetThroughIgwToWeb1", () => {
    const lit = highlight(httpsFromInternet, seed, drawn);
    expect(lit.drop).toBeUndefined();
    expect(lit.forward[0].node).toBe(INTERNET);
    expect(lit.forward.map((s) => s.node)).toContain(seed.internetGateways[0].id);
    expect(lit.forward[lit.forward.length - 1].node).toBe(byName("web-1"));
    expect(lit.return[lit.return.length - 1].node).toBe(INTERNET);
  });

  it("NodesNotDrawn_NotHighlighted", () => {
    const lit = highlight(naclReturnDrop, seed, new Map([[byName("app-2"), undefined]]));
    expect(lit.forward.every((s) => s.node === byName("app-2"))).toBe(true);
    expect(lit.edges).toHaveLength(0);
  });
});
