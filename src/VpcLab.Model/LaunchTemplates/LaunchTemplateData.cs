using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>The launch parameters a launch template version keeps (the part of AWS's LaunchTemplateData the lab
/// models, docs/semantics.md#launch-templates). Null or empty means "not given": RunInstances' own parameters
/// fill the gap, and a new version based on this one inherits it.</summary>
public sealed record LaunchTemplateData
{
    public static readonly LaunchTemplateData Empty = new();

    public string? ImageId { get; init; }
    public string? InstanceType { get; init; }
    public string? KeyName { get; init; }
    /// <summary>Base64 user data, as given.</summary>
    public string? UserData { get; init; }
    public ImmutableArray<string> SecurityGroupIds { get; init; } = [];
    /// <summary>Security group names (groups of the default VPC).</summary>
    public ImmutableArray<string> SecurityGroups { get; init; } = [];
    public ImmutableArray<LaunchTemplateNetworkInterface> NetworkInterfaces { get; init; } = [];
    public ImmutableArray<LaunchTemplateBlockDevice> BlockDeviceMappings { get; init; } = [];
    public ImmutableArray<LaunchTemplateTagSpecification> TagSpecifications { get; init; } = [];
    /// <summary>Kept and shown; the lab models no IAM roles on instances.</summary>
    public LaunchTemplateIamInstanceProfile? IamInstanceProfile { get; init; }
    /// <summary>Kept and shown; the lab models no instance metadata service.</summary>
    public LaunchTemplateMetadataOptions? MetadataOptions { get; init; }
    /// <summary>Placement.AvailabilityZone.</summary>
    public string? AvailabilityZone { get; init; }
}
