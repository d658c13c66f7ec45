using System.Text.Json.Nodes;
using VpcLab.CloudFormation.Resources;

namespace VpcLab.CloudFormation.Stacks;

/// <summary>How CloudFormation updates a resource whose properties change: in place when every changed property's
/// "Update requires" is No interruption or Some interruptions on the type's page, by replacement when any changed
/// property requires Replacement. Adding or removing a property counts as a change
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-update-behaviors.html).
/// One rule for UpdateStack and for a change set's Replacement. docs/cloudformation.md#updates</summary>
internal static class UpdateBehaviour
{
    public const string ReplacementReason = "Requested update requires the creation of a new physical resource; hence creating one.";

    /// <summary>The top-level properties that differ: added, removed or changed.</summary>
    public static IReadOnlyList<string> Changed(JsonObject before, JsonObject after) =>
        [.. before.Select(p => p.Key).Union(after.Select(p => p.Key), StringComparer.Ordinal)
            .Where(k => !JsonNode.DeepEquals(before[k], after[k]))];

    /// <summary>True when a change of <paramref name="changed"/> replaces a resource of <paramref name="type"/>: any
    /// property outside the type's in-place set (Tags is always in place); every change of a type VpcLab has no handler
    /// for.</summary>
    public static bool RequiresReplacement(string type, IEnumerable<string> changed)
    {
        var handler = ResourceHandlers.For(type);
        return changed.Any(p => handler is null || !handler.UpdatesInPlace(p));
    }
}
