using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

public sealed record CreateDefaultVpcRequest
{
    public bool? DryRun { get; init; }
}

public sealed record CreateDefaultVpcResult(Vpc Vpc);

/// <summary>CreateDefaultSubnet: AvailabilityZone or AvailabilityZoneId, not both.</summary>
public sealed record CreateDefaultSubnetRequest
{
    public string? AvailabilityZone { get; init; }
    public string? AvailabilityZoneId { get; init; }
    public bool? Ipv6Native { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record CreateDefaultSubnetResult(Subnet Subnet);
