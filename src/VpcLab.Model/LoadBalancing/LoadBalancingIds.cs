namespace VpcLab.Model;

// Elastic Load Balancing names its resources by ARN only
// (arn:aws:elasticloadbalancing:REGION:ACCOUNT:loadbalancer/net/NAME/ID); each kind has its own type.

public readonly record struct LoadBalancerArn(string Value) { public override string ToString() => Value; }
public readonly record struct TargetGroupArn(string Value) { public override string ToString() => Value; }
public readonly record struct ListenerArn(string Value) { public override string ToString() => Value; }
