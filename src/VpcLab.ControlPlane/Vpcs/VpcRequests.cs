using VpcLab.Model;

namespace VpcLab.ControlPlane;

public sealed record CreateVpcRequest
{
    public string? CidrBlock { get; init; }
    public bool? AmazonProvidedIpv6CidrBlock { get; init; }
    /// <summary>A block of a BYOIP IPv6 pool: AWS requires Ipv6Pool with it (the lab has no such pool).</summary>
    public string? Ipv6CidrBlock { get; init; }
    public string? Ipv6Pool { get; init; }
    public string? InstanceTenancy { get; init; }
    public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record CreateVpcResult(Vpc Vpc);

public sealed record DescribeVpcsRequest
{
    public IReadOnlyList<Filter>? Filters { get; init; }
    public IReadOnlyList<string>? VpcIds { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeVpcsResult(IReadOnlyList<Vpc> Vpcs);

public sealed record DeleteVpcRequest
{
    public string? VpcId { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record AssociateVpcCidrBlockRequest
{
    public string? VpcId { get; init; }
    public string? CidrBlock { get; init; }
    public bool? AmazonProvidedIpv6CidrBlock { get; init; }
}

/// <summary>Exactly one of the two associations is set, by the family of the CIDR.</summary>
public sealed record AssociateVpcCidrBlockResult(string VpcId, VpcCidrBlock? CidrBlockAssociation, VpcCidrBlock? Ipv6CidrBlockAssociation);

public sealed record DisassociateVpcCidrBlockRequest
{
    public string? AssociationId { get; init; }
}

public sealed record DisassociateVpcCidrBlockResult(string VpcId, VpcCidrBlock? CidrBlockAssociation, VpcCidrBlock? Ipv6CidrBlockAssociation);

public sealed record ModifyVpcAttributeRequest
{
    public string? VpcId { get; init; }
    public AttributeBooleanValue? EnableDnsSupport { get; init; }
    public AttributeBooleanValue? EnableDnsHostnames { get; init; }
    public AttributeBooleanValue? EnableNetworkAddressUsageMetrics { get; init; }
}

public sealed record DescribeVpcAttributeRequest
{
    public string? VpcId { get; init; }

    /// <summary>enableDnsSupport, enableDnsHostnames or enableNetworkAddressUsageMetrics.</summary>
    public string? Attribute { get; init; }
    public bool? DryRun { get; init; }
}

/// <summary>Only the asked attribute is set.</summary>
public sealed record DescribeVpcAttributeResult(string VpcId, AttributeBooleanValue? EnableDnsSupport, AttributeBooleanValue? EnableDnsHostnames,
    AttributeBooleanValue? EnableNetworkAddressUsageMetrics = null);
