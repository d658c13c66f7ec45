using VpcLab.Model;

namespace VpcLab.ControlPlane;

public sealed record CreateSubnetRequest
{
    public string? VpcId { get; init; }
    public string? CidrBlock { get; init; }
    public string? Ipv6CidrBlock { get; init; }
    public string? AvailabilityZone { get; init; }
    public string? AvailabilityZoneId { get; init; }
    public bool? Ipv6Native { get; init; }
    public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record CreateSubnetResult(Subnet Subnet);

public sealed record DescribeSubnetsRequest
{
    public IReadOnlyList<Filter>? Filters { get; init; }
    public IReadOnlyList<string>? SubnetIds { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeSubnetsResult(IReadOnlyList<Subnet> Subnets);

public sealed record DeleteSubnetRequest
{
    public string? SubnetId { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record ModifySubnetAttributeRequest
{
    public string? SubnetId { get; init; }
    public AttributeBooleanValue? MapPublicIpOnLaunch { get; init; }
    public AttributeBooleanValue? AssignIpv6AddressOnCreation { get; init; }
    public AttributeBooleanValue? EnableDns64 { get; init; }
    public string? PrivateDnsHostnameTypeOnLaunch { get; init; }
    public AttributeBooleanValue? EnableResourceNameDnsARecordOnLaunch { get; init; }
    public AttributeBooleanValue? EnableResourceNameDnsAAAARecordOnLaunch { get; init; }
}

public sealed record AssociateSubnetCidrBlockRequest
{
    public string? SubnetId { get; init; }
    public string? Ipv6CidrBlock { get; init; }
}

public sealed record AssociateSubnetCidrBlockResult(string SubnetId, VpcCidrBlock Ipv6CidrBlockAssociation);

public sealed record DisassociateSubnetCidrBlockRequest
{
    public string? AssociationId { get; init; }
}

public sealed record DisassociateSubnetCidrBlockResult(string SubnetId, VpcCidrBlock Ipv6CidrBlockAssociation);

public sealed record DescribeAvailabilityZonesRequest
{
    public IReadOnlyList<string>? ZoneNames { get; init; }
    public IReadOnlyList<string>? ZoneIds { get; init; }
    public IReadOnlyList<Filter>? Filters { get; init; }
    public bool? AllAvailabilityZones { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeAvailabilityZonesResult(IReadOnlyList<AvailabilityZone> AvailabilityZones);

public sealed record DescribeRegionsRequest
{
    public IReadOnlyList<string>? RegionNames { get; init; }
    public IReadOnlyList<Filter>? Filters { get; init; }
    public bool? AllRegions { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeRegionsResult(IReadOnlyList<RegionListing> Regions);
