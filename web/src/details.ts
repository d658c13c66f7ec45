// The details panel: everything about one component, in the words and order AWS's console uses.
import { facts, h, table } from "./dom";
import type { AclEntry, NetworkAcl, RouteTable, SecurityGroup, SecurityGroupRule, Topology } from "./types";

export type Link = (id: string) => HTMLElement;

function aclRows(entries: AclEntry[]): string[][] {
  return entries.map((e) => [
    e.ruleNumber >= 32767 ? "*" : String(e.ruleNumber),
    e.protocol === "-1" ? "all" : e.protocol,
    e.portRange ?? (e.icmp ? `type ${e.icmp.type} code ${e.icmp.code}` : "all"),
    e.cidr,
    e.action,
  ]);
}

function sgRows(rules: SecurityGroupRule[]): string[][] {
  return rules.map((r) => [r.id, r.protocol === "-1" ? "all" : r.protocol, r.protocol === "-1" || r.fromPort === -1 ? "all" : r.fromPort === r.toPort ? String(r.fromPort) : `${r.fromPort}-${r.toPort}`, r.peer, r.description ?? ""]);
}

export function routeTableSection(t: RouteTable): HTMLElement {
  return h("section", { class: "route-table", "data-id": t.id },
    h("h3", {}, `Route table ${t.name}${t.main ? " (main)" : ""}`),
    table(`Routes of ${t.id}`, ["Destination", "Target", "State"], t.routes.map((r) => [r.destination, r.target, r.state])));
}

export function networkAclSection(a: NetworkAcl): HTMLElement {
  return h("section", { class: "network-acl", "data-id": a.id },
    h("h3", {}, `Network ACL ${a.name}${a.isDefault ? " (default)" : ""}`),
    h("p", { class: "note" }, "Rules are evaluated in rule-number order; the first match decides."),
    table("Inbound rules", ["Rule", "Protocol", "Ports", "Source", "Action"], aclRows(a.inbound)),
    table("Outbound rules", ["Rule", "Protocol", "Ports", "Destination", "Action"], aclRows(a.outbound)));
}

export function securityGroupSection(g: SecurityGroup): HTMLElement {
  return h("section", { class: "security-group", "data-id": g.id },
    h("h3", {}, `Security group ${g.groupName} (${g.id})`),
    table("Inbound rules", ["Rule", "Protocol", "Ports", "Source", "Description"], sgRows(g.inbound)),
    table("Outbound rules", ["Rule", "Protocol", "Ports", "Destination", "Description"], sgRows(g.outbound)));
}

function flowLogsOf(t: Topology, ids: string[]): HTMLElement | null {
  const logs = t.flowLogs.filter((f) => ids.includes(f.resourceId));
  if (!logs.length) return null;
  return table("Flow logs", ["Flow log", "Traffic", "Destination", "Window (s)"],
    logs.map((f) => [f.id, f.trafficType, f.logGroupName ?? f.logDestination, String(f.maxAggregationInterval)]));
}

/** The panel for any id the topology knows; null when it knows none. */
export function details(t: Topology, id: string, link: Link): HTMLElement | null {
  const vpc = t.vpcs.find((v) => v.id === id);
  if (vpc) {
    return h("div", {}, h("h2", {}, `VPC ${vpc.name}`),
      facts([["VPC", vpc.id], ["IPv4 CIDRs", vpc.cidrs.join(", ")], ["IPv6 CIDRs", vpc.ipv6Cidrs.join(", ")], ["Default VPC", vpc.isDefault ? "yes" : "no"],
        ["DNS support / hostnames", `${vpc.enableDnsSupport ? "yes" : "no"} / ${vpc.enableDnsHostnames ? "yes" : "no"}`], ["Amazon DNS resolver", vpc.dnsResolver]]),
      h("h3", {}, "Route tables"), h("ul", {}, ...t.routeTables.filter((r) => r.vpcId === id).map((r) => h("li", {}, link(r.id)))),
      h("h3", {}, "Network ACLs"), h("ul", {}, ...t.networkAcls.filter((a) => a.vpcId === id).map((a) => h("li", {}, link(a.id)))),
      h("h3", {}, "Security groups"), h("ul", {}, ...t.securityGroups.filter((g) => g.vpcId === id).map((g) => h("li", {}, link(g.id)))),
      flowLogsOf(t, [id]));
  }
  const subnet = t.subnets.find((s) => s.id === id);
  if (subnet) {
    const rt = t.routeTables.find((r) => r.id === subnet.routeTableId);
    const acl = t.networkAcls.find((a) => a.id === subnet.networkAclId);
    return h("div", {}, h("h2", {}, `Subnet ${subnet.name} (${subnet.public ? "public" : "private"})`),
      facts([["Subnet", subnet.id], ["Availability Zone", `${subnet.availabilityZone} (${subnet.availabilityZoneId})`], ["IPv4 CIDR", subnet.cidr],
        ["IPv6 CIDR", subnet.ipv6Cidr], ["Public IPv4 on launch", subnet.mapPublicIpOnLaunch ? "yes" : "no"], ["Available IPv4 addresses", String(subnet.availableIpAddressCount)]]),
      h("p", { class: "note" }, subnet.public ? "Public: its route table has a route to an internet gateway." : "Private: its route table has no route to an internet gateway."),
      rt ? routeTableSection(rt) : null, acl ? networkAclSection(acl) : null, flowLogsOf(t, [id]));
  }
  return otherDetails(t, id);
}

function otherDetails(t: Topology, id: string): HTMLElement | null {
  const rt = t.routeTables.find((r) => r.id === id);
  if (rt) return h("div", {}, routeTableSection(rt), h("p", {}, `Subnets: ${rt.subnetIds.join(", ") || (rt.main ? "every subnet without its own table" : "none")}`));
  const acl = t.networkAcls.find((a) => a.id === id);
  if (acl) return h("div", {}, networkAclSection(acl));
  const sg = t.securityGroups.find((g) => g.id === id);
  if (sg) return h("div", {}, securityGroupSection(sg));
  const instance = t.instances.find((i) => i.id === id);
  const eniId = instance ? instance.networkInterfaceIds[0] : id;
  const eni = t.networkInterfaces.find((n) => n.id === eniId);
  if (instance || eni) {
    const groups = t.securityGroups.filter((g) => eni?.securityGroupIds.includes(g.id));
    return h("div", {}, h("h2", {}, instance ? `Instance ${instance.name}` : `Network interface ${eni!.name}`),
      facts([["Instance", instance?.id], ["State", instance?.state], ["Type", instance?.instanceType], ["Interface", eni?.id], ["Interface type", eni?.interfaceType],
        ["Description", eni?.description], ["Source/dest. check", eni ? (eni.sourceDestCheck ? "on" : "off") : undefined]]),
      eni ? table("Addresses and DNS names", ["Private IP", "Public IP", "Private DNS", "Public DNS"],
        eni.privateIpAddresses.map((p) => [p.address, p.publicIp ?? "", p.privateDnsName ?? "", p.publicDnsName ?? ""])) : null,
      eni?.ipv6Addresses.length ? facts([["IPv6", eni.ipv6Addresses.join(", ")]]) : null,
      ...groups.map(securityGroupSection), flowLogsOf(t, [eni?.id ?? ""]));
  }
  return gatewayDetails(t, id);
}

function gatewayDetails(t: Topology, id: string): HTMLElement | null {
  const igw = t.internetGateways.find((g) => g.id === id) ?? t.egressOnlyInternetGateways.find((g) => g.id === id);
  if (igw) {
    const kind = id.startsWith("eigw-") ? "Egress-only internet gateway" : "Internet gateway";
    return h("div", {}, h("h2", {}, `${kind} ${igw.name}`), facts([["Id", igw.id], ["Attached to", igw.vpcId ?? "nothing (detached)"]]));
  }
  const nat = t.natGateways.find((g) => g.id === id);
  if (nat) {
    return h("div", {}, h("h2", {}, `NAT gateway ${nat.name}`), facts([["Id", nat.id], ["State", nat.state], ["Connectivity", nat.connectivityType],
      ["Subnet", nat.subnetId], ["Private IP", nat.privateIp], ["Public IP", nat.publicIp], ["Interface", nat.networkInterfaceId]]));
  }
  const e = t.vpcEndpoints.find((x) => x.id === id);
  if (e) {
    return h("div", {}, h("h2", {}, `${e.type === "gateway" ? "Gateway" : "Interface"} endpoint ${e.name}`),
      facts([["Id", e.id], ["Service", e.serviceName], ["State", e.state], ["Route tables", e.routeTableIds.join(", ")], ["Subnets", e.subnetIds.join(", ")],
        ["Security groups", e.securityGroupIds.join(", ")], ["Private DNS", e.type === "interface" ? (e.privateDnsEnabled ? "on" : "off") : undefined]]),
      e.dnsNames.length ? h("div", {}, h("h3", {}, "DNS names"), h("ul", {}, ...e.dnsNames.map((d) => h("li", {}, h("code", {}, d))))) : null,
      h("h3", {}, "Endpoint policy"), h("pre", { class: "policy" }, prettyJson(e.policyDocument)));
  }
  const p = t.peerings.find((x) => x.id === id);
  if (p) {
    const end = (x: typeof p.requester) => `${x.vpcName} (${x.vpcId}), account ${x.ownerId}, ${x.region}, ${x.cidrs.join(", ")}`;
    return h("div", {}, h("h2", {}, `Peering connection ${p.name}`),
      facts([["Id", p.id], ["State", p.state], ["Status", p.statusMessage], ["Requester", end(p.requester)], ["Accepter", end(p.accepter)]]));
  }
  return null;
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
