namespace VpcLab.Model;

/// <summary>An internet gateway; attached to at most one VPC. It performs 1:1 NAT between an interface's
/// private IPv4 and its public or Elastic IP, and passes IPv6 both ways unchanged.</summary>
public sealed record InternetGateway(InternetGatewayId Id, AccountId OwnerId, string Region, VpcId? AttachedVpcId);
