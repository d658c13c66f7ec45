using System.Collections.Immutable;
using VpcLab.CloudFormation.Parameters;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Stacks;

/// <summary>A stack as DescribeStacks shows it, with its resources, outputs and events (newest last here; the API
/// answers newest first). Immutable: every change is a new record in the <see cref="CloudFormationStacks"/> store.</summary>
public sealed record Stack(
    string StackId, string StackName, RequestContext Context, string TemplateBody, string? Description,
    ImmutableArray<BoundParameter> Parameters, ImmutableArray<KeyValuePair<string, string>> Tags, string StackStatus,
    string? StackStatusReason, DateTimeOffset CreationTime, bool DisableRollback)
{
    public DateTimeOffset? LastUpdatedTime { get; init; }
    public DateTimeOffset? DeletionTime { get; init; }
    public ImmutableArray<StackResource> Resources { get; init; } = [];
    public ImmutableArray<StackOutput> Outputs { get; init; } = [];
    public ImmutableArray<StackEvent> Events { get; init; } = [];
    public ImmutableArray<string> Capabilities { get; init; } = [];

    /// <summary>The exports this stack's template imports (Fn::ImportValue), which its exporters may not delete.</summary>
    public ImmutableArray<string> Imports { get; init; } = [];

    public bool IsDeleted => StackStatus == StackStatuses.DeleteComplete;
}
