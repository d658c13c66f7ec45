using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace VpcLab.CloudFormation.Templates;

/// <summary>One entry of a template's Resources section, as written (properties not yet evaluated).</summary>
internal sealed record TemplateResource(
    string LogicalId, string Type, JsonObject Properties, ImmutableArray<string> DependsOn, string? Condition,
    string DeletionPolicy, JsonNode? Metadata)
{
    /// <summary>DeletionPolicy Retain (and RetainExceptOnCreate) keeps the resource when the stack is deleted.</summary>
    public bool RetainOnDelete => DeletionPolicy is "Retain" or "RetainExceptOnCreate";

    /// <summary>Retain keeps the resource when a failed create rolls back too; RetainExceptOnCreate does not.
    /// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-deletionpolicy.html</summary>
    public bool RetainOnRollback => DeletionPolicy == "Retain";
}
