using System.Text.Json.Nodes;
using VpcLab.CloudFormation.Resources;

namespace VpcLab.CloudFormation.Stacks;

/// <summary>A resource of a stack as DescribeStackResources shows it: logical and physical id, type, status.</summary>
public sealed record StackResource(
    string LogicalResourceId, string ResourceType, string PhysicalResourceId, string ResourceStatus,
    string? ResourceStatusReason, DateTimeOffset LastUpdatedTimestamp)
{
    internal Provisioned? Provisioned { get; init; }

    /// <summary>The evaluated properties it was created with (an update compares them).</summary>
    internal JsonObject? Properties { get; init; }

    /// <summary>True when VpcLab did not make it (an unmodelled type created with the skip option).</summary>
    internal bool Skipped { get; init; }
}
