namespace VpcLab.ControlPlane;

public sealed record DescribeAddressesAttributeRequest
{
    public IReadOnlyList<string>? AllocationIds { get; init; }
    public string? Attribute { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record ModifyAddressAttributeRequest
{
    public string? AllocationId { get; init; }
    public string? DomainName { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record ResetAddressAttributeRequest
{
    public string? AllocationId { get; init; }
    public string? Attribute { get; init; }
    public bool? DryRun { get; init; }
}

/// <summary>A PtrUpdateStatus: the value a reverse DNS change is setting (null for a reset: the lab has no default
/// reverse DNS name to show) and its status (AWS shows PENDING while it is applied).</summary>
public sealed record PtrRecordUpdate(string? Value, string Status)
{
    public const string Pending = "PENDING";
}

/// <summary>One AddressAttribute: the PTR record (null without one) and, in the answer to a change, the update on its
/// way.</summary>
public sealed record AddressAttribute(string AllocationId, string PublicIp, string? PtrRecord, PtrRecordUpdate? Update = null);

public sealed record DescribeAddressesAttributeResult(IReadOnlyList<AddressAttribute> Addresses);
