using System.Collections.Immutable;
using System.Text.Json.Nodes;
using VpcLab.CloudFormation.Parameters;
using VpcLab.CloudFormation.Templates;

namespace VpcLab.CloudFormation.Stacks;

/// <summary>What a change set would do, from the templates and parameters alone (as CloudFormation computes it before
/// executing): Add for a new logical id, Remove for one gone, Modify for one whose properties as written changed or
/// that refers to a parameter whose value changed (Replacement True when a changed property requires it,
/// <see cref="UpdateBehaviour"/>).</summary>
internal static class ChangeSetPlanner
{
    public static ImmutableArray<ResourceChange> Changes(Stack? old, Template template, IReadOnlyList<BoundParameter> parameters)
    {
        var changes = ImmutableArray.CreateBuilder<ResourceChange>();
        var live = old?.Resources.Where(r => r.ResourceStatus is not (StackStatuses.DeleteComplete or StackStatuses.DeleteSkipped))
            .ToDictionary(r => r.LogicalResourceId, StringComparer.Ordinal) ?? [];
        var oldTemplate = old is null || old.StackStatus == StackStatuses.ReviewInProgress ? null : Template.Parse(old.TemplateBody);
        var changedParameters = parameters.Where(p => old?.Parameters.FirstOrDefault(o => o.Key == p.Key)?.Value != p.Value).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var resource in template.Resources)
        {
            if (!live.TryGetValue(resource.LogicalId, out var existing) || oldTemplate?.Resource(resource.LogicalId) is not { } before)
            {
                changes.Add(new ResourceChange("Add", resource.LogicalId, resource.Type, null, null));
                continue;
            }
            var changed = UpdateBehaviour.Changed(before.Properties, resource.Properties)
                .Union(resource.Properties.Where(p => DependsOn(TemplateReferences.Of(p.Value), changedParameters, template, 0)).Select(p => p.Key), StringComparer.Ordinal)
                .ToList();
            if (before.Type == resource.Type && changed.Count == 0)
                continue;
            var replaces = before.Type != resource.Type || UpdateBehaviour.RequiresReplacement(resource.Type, changed);
            changes.Add(new ResourceChange("Modify", resource.LogicalId, resource.Type, existing.PhysicalResourceId, replaces ? "True" : "False"));
        }
        foreach (var gone in live.Values.Where(r => template.Resource(r.LogicalResourceId) is null))
            changes.Add(new ResourceChange("Remove", gone.LogicalResourceId, gone.ResourceType, gone.PhysicalResourceId, null));
        return changes.ToImmutable();
    }

    /// <summary>True when a fragment's value may change with the changed parameters: it refers to one, or to a
    /// condition whose definition does (conditions may name conditions; AWS refuses cycles, so the depth is bounded).</summary>
    private static bool DependsOn(TemplateReferences references, HashSet<string> changedParameters, Template template, int depth) =>
        references.Refs.Any(changedParameters.Contains)
        || depth < 32 && references.Conditions.Any(c => DependsOn(TemplateReferences.Of(template.Conditions[c]), changedParameters, template, depth + 1));
}
