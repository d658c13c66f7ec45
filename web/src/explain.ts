// Reachability Analyzer's explanation codes in words a learner understands, and the rule or route that decided.
import type { AclRuleRef, Explanation, Hop, SecurityGroupRuleRef } from "./types";

const WORDS: Record<string, string> = {
  SUBNET_ACL_RESTRICTION: "A network ACL of the subnet denies this traffic. NACLs are stateless: the reply is checked on its own, by the rules of its own direction.",
  ENI_SG_RULES_MISMATCH: "No rule of the security groups on this interface allows the traffic. Security groups only allow; what no rule allows is refused.",
  SG_HAS_NO_RULES: "The security group has no rule in this direction, so it allows nothing.",
  NO_ROUTE_TO_DESTINATION: "The subnet's route table has no route to the destination.",
  BAD_STATE_ROUTE: "The matching route is a blackhole: its target is gone, detached or not running.",
  CANNOT_ROUTE: "The packet cannot be routed from here.",
  IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS: "The source has no public IPv4 address, so the internet gateway cannot translate it.",
  IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS: "The destination public address maps to no private address behind this internet gateway.",
  PCX_REQUIRES_ADDRESS_IN_VPC_CIDR: "A peering connection carries only traffic between the two VPCs' own addresses: it is never transitive or edge to edge.",
  PROTOCOL_RESTRICTION: "This component does not carry this protocol.",
  VPCE_GATEWAY_PROTOCOL_RESTRICTION: "A gateway endpoint carries TCP and ICMP only.",
  NGW_REQUIRES_SOURCE_IN_VPC: "A NAT gateway translates only traffic from its own VPC.",
  UNKNOWN_DESTINATION: "Nothing answers at the destination address.",
  NO_POSSIBLE_DESTINATION: "No destination matches the request.",
  DISCONNECTED_VPCS: "The two VPCs are not connected (no active peering between them).",
  VPCLAB_EIGW_INBOUND_REFUSED: "An egress-only internet gateway lets IPv6 out and replies back in, never a connection from outside.",
  VPCLAB_NGW_INBOUND_REFUSED: "A NAT gateway lets connections out, never in.",
  VPCLAB_ASYMMETRIC_RETURN_PATH: "The reply would take another way back than the request came; stateful components drop it.",
  VPCLAB_FORWARDING_LOOP: "The routes send the packet round in a loop.",
  VPCLAB_DNS_SUPPORT_DISABLED: "The VPC's DNS support is off, so the Amazon DNS resolver does not answer.",
  VPCLAB_SERVICE_NAME_RESOLVED_TO_PUBLIC_ADDRESS: "The service name resolved to a public address, which needs a way out of the VPC.",
};

export function codeInWords(code: string): string {
  return WORDS[code] ?? code.toLowerCase().replaceAll("_", " ");
}

function ports(rule: { portRange?: string }): string {
  return rule.portRange ? ` ports ${rule.portRange}` : "";
}

export function aclRuleInWords(rule: AclRuleRef): string {
  const protocol = rule.protocol === "-1" ? "all traffic" : `protocol ${rule.protocol}`;
  if (rule.isDefaultDeny) return `the final rule * (${rule.egress ? "outbound" : "inbound"}): no numbered rule matched, so it is denied`;
  return `${rule.egress ? "outbound" : "inbound"} rule #${rule.ruleNumber}: ${rule.ruleAction} ${protocol}${ports(rule)} ${rule.egress ? "to" : "from"} ${rule.cidr}`;
}

export function sgRuleInWords(rule: SecurityGroupRuleRef): string {
  const protocol = rule.protocol === "-1" ? "all traffic" : `${rule.protocol} ${rule.fromPort === rule.toPort ? rule.fromPort : `${rule.fromPort}-${rule.toPort}`}`;
  return `${rule.direction} rule ${rule.ruleId}: allow ${protocol} ${rule.direction === "egress" ? "to" : "from"} ${rule.peer}`;
}

/** One paragraph: where it stopped, on which path, why in words, and the rule or route that decided. */
export function describeDrop(hop: Hop | undefined, explanation: Explanation | undefined, path: "forward" | "return"): string {
  const where = hop ? `${hop.component.name}${hop.component.name !== hop.component.id ? ` (${hop.component.id})` : ""}` : "an unknown component";
  const parts = [`Dropped at ${where} on the ${path} path${path === "return" ? " (the reply)" : ""}.`];
  if (explanation) parts.push(`${explanation.code}: ${codeInWords(explanation.code)}`);
  if (hop?.aclRule) parts.push(`Matched ${aclRuleInWords(hop.aclRule)}.`);
  if (hop?.route) parts.push(`Route ${hop.route.destination} → ${hop.route.targetId} (${hop.route.state}).`);
  if (explanation?.message) parts.push(explanation.message);
  return parts.join(" ");
}

/** A hop in one line, for the path list beside the map. */
export function hopInWords(hop: Hop): string {
  const what = [`${hop.component.name} (${hop.component.kind.replaceAll("-", " ")})`, hop.action];
  if (hop.direction) what.push(hop.direction);
  if (hop.aclRule) what.push(`— ${aclRuleInWords(hop.aclRule)}`);
  if (hop.securityGroupRule) what.push(`— ${sgRuleInWords(hop.securityGroupRule)}`);
  if (hop.route) what.push(`— route ${hop.route.destination} → ${hop.route.targetId}`);
  return what.join(" ");
}
