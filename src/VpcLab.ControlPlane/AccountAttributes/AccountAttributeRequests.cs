using VpcLab.ControlPlane.Errors;

namespace VpcLab.ControlPlane;

public sealed record DescribeAccountAttributesRequest
{
    /// <summary>supported-platforms and/or default-vpc; none = every attribute.</summary>
    public IReadOnlyList<string>? AttributeNames { get; init; }
    public bool? DryRun { get; init; }
}

/// <summary>One account attribute and its values (AccountAttribute{AttributeName, AttributeValues[{AttributeValue}]}).</summary>
public sealed record AccountAttribute(string AttributeName, IReadOnlyList<string> AttributeValues);

public sealed record DescribeAccountAttributesResult(IReadOnlyList<AccountAttribute> AccountAttributes);
