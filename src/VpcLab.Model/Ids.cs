namespace VpcLab.Model;

// Ids as AWS prints them (vpc-0abc…). Each kind has its own type so one cannot be passed for another.

public readonly record struct AccountId(string Value) { public override string ToString() => Value; }
public readonly record struct VpcId(string Value) { public override string ToString() => Value; }
public readonly record struct SubnetId(string Value) { public override string ToString() => Value; }
public readonly record struct RouteTableId(string Value) { public override string ToString() => Value; }
public readonly record struct RouteTableAssociationId(string Value) { public override string ToString() => Value; }
public readonly record struct InternetGatewayId(string Value) { public override string ToString() => Value; }
public readonly record struct EgressOnlyInternetGatewayId(string Value) { public override string ToString() => Value; }
public readonly record struct NatGatewayId(string Value) { public override string ToString() => Value; }
public readonly record struct AllocationId(string Value) { public override string ToString() => Value; }
public readonly record struct SecurityGroupId(string Value) { public override string ToString() => Value; }
public readonly record struct SecurityGroupRuleId(string Value) { public override string ToString() => Value; }
public readonly record struct NetworkAclId(string Value) { public override string ToString() => Value; }
public readonly record struct NetworkAclAssociationId(string Value) { public override string ToString() => Value; }
public readonly record struct NetworkInterfaceId(string Value) { public override string ToString() => Value; }
public readonly record struct InstanceId(string Value) { public override string ToString() => Value; }
public readonly record struct PrefixListId(string Value) { public override string ToString() => Value; }
public readonly record struct VpcEndpointId(string Value) { public override string ToString() => Value; }
public readonly record struct VpcEndpointServiceId(string Value) { public override string ToString() => Value; }
public readonly record struct VpcPeeringConnectionId(string Value) { public override string ToString() => Value; }
public readonly record struct FlowLogId(string Value) { public override string ToString() => Value; }
