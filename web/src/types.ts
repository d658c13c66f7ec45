// The JSON the server answers (src/VpcLab.Server/WebConsole): one account and Region's topology, and a trace as
// `vpclab trace --json` prints it. Only the members the page reads are declared.

export interface Named {
  id: string;
  name: string;
  tags: Record<string, string>;
}

export interface Vpc extends Named {
  cidrs: string[];
  ipv6Cidrs: string[];
  isDefault: boolean;
  enableDnsSupport: boolean;
  enableDnsHostnames: boolean;
  dnsResolver: string;
}

export interface Subnet extends Named {
  vpcId: string;
  availabilityZone: string;
  availabilityZoneId: string;
  cidr: string;
  ipv6Cidr?: string | null;
  public: boolean;
  mapPublicIpOnLaunch: boolean;
  routeTableId?: string | null;
  networkAclId?: string | null;
  availableIpAddressCount: number;
}

export interface Route {
  destination: string;
  target: string;
  targetKind: string;
  state: string;
  origin: string;
}

export interface RouteTable extends Named {
  vpcId: string;
  main: boolean;
  subnetIds: string[];
  routes: Route[];
}

export interface AclEntry {
  ruleNumber: number;
  egress: boolean;
  protocol: string;
  action: string;
  cidr: string;
  portRange?: string | null;
  icmp?: { type: number; code: number } | null;
}

export interface NetworkAcl extends Named {
  vpcId: string;
  isDefault: boolean;
  subnetIds: string[];
  inbound: AclEntry[];
  outbound: AclEntry[];
}

export interface SecurityGroupRule {
  id: string;
  isEgress: boolean;
  protocol: string;
  fromPort: number;
  toPort: number;
  peer: string;
  description?: string | null;
}

export interface SecurityGroup extends Named {
  vpcId: string;
  groupName: string;
  description: string;
  inbound: SecurityGroupRule[];
  outbound: SecurityGroupRule[];
}

export interface PrivateIp {
  address: string;
  primary: boolean;
  publicIp?: string | null;
  privateDnsName?: string | null;
  publicDnsName?: string | null;
}

export interface NetworkInterface extends Named {
  vpcId: string;
  subnetId: string;
  availabilityZone: string;
  interfaceType: string;
  description: string;
  instanceId?: string | null;
  sourceDestCheck: boolean;
  securityGroupIds: string[];
  privateIpAddresses: PrivateIp[];
  ipv6Addresses: string[];
}

export interface Instance extends Named {
  vpcId: string;
  subnetId: string;
  state: string;
  instanceType: string;
  imageId: string;
  networkInterfaceIds: string[];
}

export interface Gateway extends Named {
  vpcId?: string | null;
}

export interface NatGateway extends Named {
  vpcId: string;
  subnetId: string;
  connectivityType: string;
  state: string;
  privateIp: string;
  publicIp?: string | null;
  networkInterfaceId: string;
}

export interface VpcEndpoint extends Named {
  vpcId: string;
  type: "gateway" | "interface" | string;
  serviceName: string;
  state: string;
  policyDocument: string;
  routeTableIds: string[];
  subnetIds: string[];
  networkInterfaceIds: string[];
  securityGroupIds: string[];
  privateDnsEnabled: boolean;
  dnsNames: string[];
}

export interface PeeringEnd {
  vpcId: string;
  vpcName: string;
  ownerId: string;
  region: string;
  cidrs: string[];
}

export interface Peering extends Named {
  state: string;
  statusMessage: string;
  requester: PeeringEnd;
  accepter: PeeringEnd;
}

export interface FlowLog extends Named {
  resourceId: string;
  resourceType: string;
  trafficType: string;
  destinationType: string;
  logDestination: string;
  logGroupName?: string | null;
  maxAggregationInterval: number;
  format?: string;
}

export interface Topology {
  account: string;
  region: string;
  accounts: string[];
  regions: string[];
  vpcs: Vpc[];
  subnets: Subnet[];
  routeTables: RouteTable[];
  networkAcls: NetworkAcl[];
  securityGroups: SecurityGroup[];
  networkInterfaces: NetworkInterface[];
  instances: Instance[];
  internetGateways: Gateway[];
  egressOnlyInternetGateways: Gateway[];
  natGateways: NatGateway[];
  vpcEndpoints: VpcEndpoint[];
  peerings: Peering[];
  flowLogs: FlowLog[];
}

export interface ComponentRef {
  kind: string;
  id: string;
  name: string;
}

export interface AclRuleRef {
  ruleNumber: number;
  egress: boolean;
  ruleAction: string;
  protocol: string;
  cidr: string;
  portRange?: string;
  isDefaultDeny: boolean;
}

export interface SecurityGroupRuleRef {
  securityGroupId: string;
  ruleId: string;
  direction: string;
  protocol: string;
  fromPort: number;
  toPort: number;
  peer: string;
}

export interface RouteRef {
  routeTableId?: string;
  destination: string;
  targetId: string;
  state: string;
}

export interface Explanation {
  code: string;
  direction?: string;
  component?: ComponentRef;
  acl?: ComponentRef;
  aclRuleNumber?: number;
  securityGroups?: ComponentRef[];
  address?: string;
  message?: string;
}

export interface Header {
  source: string;
  destination: string;
  protocol: string;
  sourcePort?: number;
  destinationPort?: number;
}

export interface Hop {
  sequenceNumber: number;
  component: ComponentRef;
  action: string;
  direction?: string;
  aclRule?: AclRuleRef;
  securityGroupRule?: SecurityGroupRuleRef;
  route?: RouteRef;
  outboundHeader: Header;
  explanations: Explanation[];
  subnet?: ComponentRef;
}

export interface Trace {
  flow: Header & { family?: string };
  verdict: "accepted" | "dropped" | string;
  forward: Hop[];
  return: Hop[];
  droppedAt?: ComponentRef;
  droppedOn?: "forward" | "return";
  explanations: Explanation[];
  oneWay: boolean;
}
