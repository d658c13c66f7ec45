namespace VpcLab.Model;

/// <summary>An IPv6-only, stateful gateway: connections out to the internet and their replies back, nothing in.
/// Created attached to its VPC.</summary>
public sealed record EgressOnlyInternetGateway(EgressOnlyInternetGatewayId Id, AccountId OwnerId, string Region, VpcId VpcId);
