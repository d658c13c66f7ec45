using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>One route: a destination (CIDR or prefix list) and one target. Whether it is active or a
/// blackhole is not stored: it follows from whether the target still works (see Network.RouteState).</summary>
public sealed record Route(RouteDestination Destination, RouteTarget Target, RouteOrigin Origin)
{
    public bool IsLocal => Target.Kind == RouteTargetKind.Local;
}

/// <summary>Where a route leads to: exactly one of an IPv4 CIDR, an IPv6 CIDR or a prefix list.</summary>
public readonly record struct RouteDestination(Cidr? Cidr, PrefixListId? PrefixListId)
{
    public static RouteDestination To(Cidr cidr) => new(cidr, null);
    public static RouteDestination To(PrefixListId prefixList) => new(null, prefixList);

    public override string ToString() => Cidr?.ToString() ?? PrefixListId!.Value.Value;
}

/// <summary>What a route sends packets to. <see cref="Id"/> is the target's id ("local" for the local route).</summary>
public readonly record struct RouteTarget(RouteTargetKind Kind, string Id)
{
    public static readonly RouteTarget Local = new(RouteTargetKind.Local, "local");

    public override string ToString() => Id;
}

public enum RouteTargetKind
{
    Local,
    InternetGateway,
    EgressOnlyInternetGateway,
    NatGateway,
    NetworkInterface,
    Instance,
    VpcPeeringConnection,
    /// <summary>A gateway VPC endpoint (S3, DynamoDB), named by GatewayId=vpce-….</summary>
    GatewayEndpoint,
    /// <summary>A Gateway Load Balancer endpoint, named by VpcEndpointId.</summary>
    GatewayLoadBalancerEndpoint,
    TransitGateway,
    VirtualPrivateGateway,
}

/// <summary>How a route came to be, as AWS reports it.</summary>
public enum RouteOrigin
{
    CreateRouteTable,
    CreateRoute,
    EnableVgwRoutePropagation,
}

/// <summary>AWS's route states: a route whose target is gone or detached is a blackhole and drops packets.</summary>
public enum RouteState
{
    Active,
    Blackhole,
}
