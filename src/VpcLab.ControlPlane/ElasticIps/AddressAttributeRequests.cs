namespace VpcLab.ControlPlane;

public sealed record DescribeAddressesAttributeRequest
{
    public IReadOnlyList<string>? AllocationIds { get; init; }
    public string? Attribute { get; init; }
    public bool? DryRun { get; init; }
}

/// <summary>One AddressAttribute: the PTR record is null while none is set.</summary>
public sealed record AddressAttribute(string AllocationId, string PublicIp, string? PtrRecord);

public sealed record DescribeAddressesAttributeResult(IReadOnlyList<AddressAttribute> Addresses);
