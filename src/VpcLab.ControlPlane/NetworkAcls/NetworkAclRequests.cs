using VpcLab.Model;

namespace VpcLab.ControlPlane;

public sealed record CreateNetworkAclRequest
{
    public string? VpcId { get; init; }
    public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
    /// <summary>Idempotency token: a retry with the same token and parameters returns the first result.</summary>
    public string? ClientToken { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record CreateNetworkAclResult(NetworkAcl NetworkAcl);

public sealed record DeleteNetworkAclRequest
{
    public string? NetworkAclId { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeNetworkAclsRequest
{
    public IReadOnlyList<Filter>? Filters { get; init; }
    public IReadOnlyList<string>? NetworkAclIds { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeNetworkAclsResult(IReadOnlyList<NetworkAcl> NetworkAcls);

/// <summary>PortRange.From / PortRange.To on the wire.</summary>
public sealed record PortRangeRequest
{
    public int? From { get; init; }
    public int? To { get; init; }
}

/// <summary>Icmp.Type / Icmp.Code on the wire (member IcmpTypeCode); −1 = all.</summary>
public sealed record IcmpTypeCodeRequest
{
    public int? Type { get; init; }
    public int? Code { get; init; }
}

public sealed record CreateNetworkAclEntryRequest
{
    public string? NetworkAclId { get; init; }
    public int? RuleNumber { get; init; }

    /// <summary>A protocol number as a string, or -1 for all (names such as tcp are accepted too).</summary>
    public string? Protocol { get; init; }

    /// <summary>allow or deny.</summary>
    public string? RuleAction { get; init; }
    public bool? Egress { get; init; }
    public string? CidrBlock { get; init; }
    public string? Ipv6CidrBlock { get; init; }
    public PortRangeRequest? PortRange { get; init; }
    public IcmpTypeCodeRequest? IcmpTypeCode { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record ReplaceNetworkAclEntryRequest
{
    public string? NetworkAclId { get; init; }
    public int? RuleNumber { get; init; }
    public string? Protocol { get; init; }
    public string? RuleAction { get; init; }
    public bool? Egress { get; init; }
    public string? CidrBlock { get; init; }
    public string? Ipv6CidrBlock { get; init; }
    public PortRangeRequest? PortRange { get; init; }
    public IcmpTypeCodeRequest? IcmpTypeCode { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DeleteNetworkAclEntryRequest
{
    public string? NetworkAclId { get; init; }
    public int? RuleNumber { get; init; }
    public bool? Egress { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record ReplaceNetworkAclAssociationRequest
{
    public string? AssociationId { get; init; }
    public string? NetworkAclId { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record ReplaceNetworkAclAssociationResult(string NewAssociationId);
