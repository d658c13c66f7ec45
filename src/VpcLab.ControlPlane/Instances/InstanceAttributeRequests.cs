using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>ModifyInstanceAttribute: one attribute at a time, either as its own member (SourceDestCheck.Value=false,
/// GroupId.N, InstanceType.Value, …) or as Attribute plus Value (EC2 API reference).</summary>
public sealed record ModifyInstanceAttributeRequest
{
    public string? InstanceId { get; init; }

    /// <summary>The attribute's name (InstanceAttributeName), with <see cref="Value"/> or with its own member.</summary>
    public string? Attribute { get; init; }
    public string? Value { get; init; }
    public AttributeBooleanValue? SourceDestCheck { get; init; }

    /// <summary>GroupId.N on the wire: the primary interface's new security groups.</summary>
    public IReadOnlyList<string>? Groups { get; init; }
    public AttributeValue? InstanceType { get; init; }
    public AttributeBooleanValue? DisableApiTermination { get; init; }
    public AttributeBooleanValue? DisableApiStop { get; init; }

    // Attributes AWS has and the lab does not model: named here so that a request with one of them is refused
    // (UnsupportedOperation) instead of being answered true with nothing changed.
    public AttributeValue? Kernel { get; init; }
    public AttributeValue? Ramdisk { get; init; }
    public AttributeValue? UserData { get; init; }
    public AttributeValue? InstanceInitiatedShutdownBehavior { get; init; }
    public AttributeValue? SriovNetSupport { get; init; }
    public AttributeBooleanValue? EbsOptimized { get; init; }
    public AttributeBooleanValue? EnaSupport { get; init; }
    public IReadOnlyList<object>? BlockDeviceMappings { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeInstanceAttributeRequest
{
    public string? InstanceId { get; init; }

    /// <summary>One InstanceAttributeName (instanceType, sourceDestCheck, groupSet, …).</summary>
    public string? Attribute { get; init; }
    public bool? DryRun { get; init; }
}

/// <summary>DescribeInstanceAttribute's answer: the instance id and exactly one attribute set (the others null).</summary>
public sealed record DescribeInstanceAttributeResult(string InstanceId)
{
    public string? InstanceType { get; init; }
    public bool? SourceDestCheck { get; init; }
    public IReadOnlyList<SecurityGroupId>? Groups { get; init; }
    public bool? DisableApiTermination { get; init; }
    public bool? DisableApiStop { get; init; }
    public bool? EbsOptimized { get; init; }
    public bool? EnaSupport { get; init; }
    public string? RootDeviceName { get; init; }
    public string? InstanceInitiatedShutdownBehavior { get; init; }

    /// <summary>True when the attribute asked is productCodes (an empty list: the lab's images have none).</summary>
    public bool ProductCodes { get; init; }

    /// <summary>True when the attribute asked is blockDeviceMapping (an empty list: volumes are not modelled).</summary>
    public bool BlockDeviceMappings { get; init; }

    /// <summary>Set when the attribute asked is userData (its Value null when the instance has none).</summary>
    public AttributeValue? UserData { get; init; }
}
