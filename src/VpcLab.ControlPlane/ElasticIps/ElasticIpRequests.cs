using VpcLab.Model;

namespace VpcLab.ControlPlane;

public sealed record AllocateAddressRequest
{
    /// <summary>vpc (the default and the only domain the lab has).</summary>
    public string? Domain { get; init; }

    /// <summary>A released Elastic IP to recover (docs/semantics.md#address-recovery).</summary>
    public string? Address { get; init; }
    public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record AllocateAddressResult(string AllocationId, string PublicIp, string Domain, string PublicIpv4Pool, string NetworkBorderGroup)
{
    public ElasticIpAddress? Address { get; init; }
}

public sealed record AssociateAddressRequest
{
    public string? AllocationId { get; init; }
    public string? PublicIp { get; init; }
    public string? InstanceId { get; init; }
    public string? NetworkInterfaceId { get; init; }
    public string? PrivateIpAddress { get; init; }
    public bool? AllowReassociation { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record AssociateAddressResult(string AssociationId);

public sealed record DisassociateAddressRequest
{
    public string? AssociationId { get; init; }
    public string? PublicIp { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record ReleaseAddressRequest
{
    public string? AllocationId { get; init; }
    public string? PublicIp { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeAddressesRequest
{
    public IReadOnlyList<Filter>? Filters { get; init; }
    public IReadOnlyList<string>? PublicIps { get; init; }
    public IReadOnlyList<string>? AllocationIds { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeAddressesResult(IReadOnlyList<ElasticIpAddress> Addresses);
