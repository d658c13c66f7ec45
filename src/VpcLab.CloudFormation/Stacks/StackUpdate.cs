using System.Text.Json.Nodes;
using VpcLab.CloudFormation.Intrinsics;
using VpcLab.CloudFormation.Resources;
using VpcLab.CloudFormation.Templates;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Errors;

namespace VpcLab.CloudFormation.Stacks;

/// <summary>An update: the new template's resources in dependency order — a new one is created, one whose evaluated
/// properties are unchanged is kept, one whose changed properties AWS updates without replacement is modified in place
/// through the control plane, any other change replaces it (<see cref="UpdateBehaviour"/>: the new resource is created,
/// the old one deleted during cleanup), and resources gone from the template are deleted in cleanup, in reverse order.
/// A failure rolls back: in-place changes are undone, what the update created is deleted and the old resources stay.
/// docs/cloudformation.md#updates</summary>
internal sealed class StackUpdate(StackRun run, StackScope scope, Stack old, Template template)
{
    private readonly List<(string LogicalId, StackResource Resource, bool Replaced)> _cleanup = [];
    private readonly List<string> _created = [];
    private readonly List<(string LogicalId, StackResource Resource, JsonObject Before, JsonObject After)> _modified = [];

    /// <summary>Runs the update; returns the failure reason, or null.</summary>
    public string? Run(IEnumerable<TemplateResource> order, bool skipUnmodelled)
    {
        var oldResources = old.Resources.Where(r => r.ResourceStatus is not (StackStatuses.DeleteComplete or StackStatuses.DeleteSkipped)).ToDictionary(r => r.LogicalResourceId, StringComparer.Ordinal);
        foreach (var resource in order)
        {
            if (resource.Condition is { } condition && !scope.Condition(condition))
                continue;
            if (!oldResources.TryGetValue(resource.LogicalId, out var existing))
            {
                if (!run.CreateOne(resource, skipUnmodelled))
                    return $"The following resource(s) failed to create: [{resource.LogicalId}]. ";
                _created.Add(resource.LogicalId);
                continue;
            }
            if (Update(resource, existing, skipUnmodelled) is { } failure)
                return failure;
        }
        foreach (var gone in oldResources.Values.Reverse().Where(r => template.Resource(r.LogicalResourceId) is null || !Kept(r.LogicalResourceId)))
            _cleanup.Add((gone.LogicalResourceId, gone, false));
        return null;
    }

    private bool Kept(string logicalId) => scope.Resources.ContainsKey(logicalId);

    private string? Update(TemplateResource resource, StackResource existing, bool skipUnmodelled)
    {
        JsonObject properties;
        try
        {
            properties = IntrinsicEvaluator.Evaluate(resource.Properties, scope) as JsonObject ?? [];
        }
        catch (CloudFormationException e)
        {
            return e.Message;
        }
        var same = existing.ResourceType == resource.Type && existing.Properties is { } before && JsonNode.DeepEquals(before, properties);
        if (!same && existing.Skipped && existing.Properties is not null && Unmodelled.IsCustom(resource.Type))
        {
            // An emulated custom resource: AWS sends the function an Update request; VpcLab applies the new values.
            run.Set(resource, existing.PhysicalResourceId, StackStatuses.UpdateInProgress, null);
            var emulated = run.Emulate(resource, StackStatuses.UpdateComplete);
            if (emulated is null)
                run.Set(resource, existing.PhysicalResourceId, StackStatuses.UpdateComplete, $"Skipped by VpcLab: custom resource {resource.Type} (its Lambda function is stored, not run)");
            return emulated == false ? $"The following resource(s) failed to update: [{resource.LogicalId}]. " : null;
        }
        if (same || existing.Skipped)
            return null;
        if (existing.ResourceType == resource.Type && existing.Properties is { } previous
            && !UpdateBehaviour.RequiresReplacement(resource.Type, UpdateBehaviour.Changed(previous, properties)))
        {
            // A failed in-place update is rolled back too: a handler may have applied part of it.
            _modified.Add((resource.LogicalId, existing, previous, properties));
            return run.Modified(resource, existing, previous, properties) ? null : $"The following resource(s) failed to update: [{resource.LogicalId}]. ";
        }
        scope.Resources.Remove(resource.LogicalId);
        if (!run.CreateOne(resource, skipUnmodelled, replacing: existing))
        {
            scope.Resources[resource.LogicalId] = existing;
            return $"The following resource(s) failed to update: [{resource.LogicalId}]. ";
        }
        _created.Add(resource.LogicalId);
        _cleanup.Add((resource.LogicalId, existing, true));
        return null;
    }

    /// <summary>UPDATE_COMPLETE_CLEANUP_IN_PROGRESS: the replaced and removed resources, deleted in reverse order of
    /// the old stack's creation.</summary>
    public void Cleanup()
    {
        // Reverse creation order of the old stack, so dependents go before what they depend on.
        var order = old.Resources.Select(r => r.LogicalResourceId).ToList();
        // DeletionPolicy holds for a resource removed from the template, never for a replaced one
        // (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-deletionpolicy.html).
        foreach (var (logicalId, resource, replaced) in _cleanup.OrderByDescending(c => order.IndexOf(c.LogicalId)))
            run.DeleteOld(logicalId, resource, !replaced && OldRetains(logicalId));
    }

    private bool OldRetains(string logicalId) => Template.Parse(old.TemplateBody).Resource(logicalId)?.RetainOnDelete == true;

    /// <summary>UPDATE_ROLLBACK: what the update modified in place is updated back, what it created is deleted, the
    /// old resources are the stack's again.</summary>
    public void RollBack()
    {
        foreach (var (logicalId, resource, before, after) in Enumerable.Reverse(_modified))
            run.ModifiedBack(logicalId, resource, after, before);
        foreach (var logicalId in Enumerable.Reverse(_created))
        {
            if (scope.Resources.TryGetValue(logicalId, out var made))
                run.DeleteOld(logicalId, made, retain: false);
            scope.Resources.Remove(logicalId);
        }
        foreach (var resource in old.Resources.Where(r => r.ResourceStatus is not (StackStatuses.DeleteComplete or StackStatuses.DeleteSkipped)))
            scope.Resources[resource.LogicalResourceId] = resource with { ResourceStatus = StackStatuses.UpdateComplete };
    }

    /// <summary>The template's Tags applied to an EC2 resource: the new or changed ones through CreateTags, the keys
    /// gone through DeleteTags. A resource that is not an EC2 resource (a bucket, a stored type) keeps its tags in its
    /// properties.</summary>
    public static void Tag(ResourceContext context, string physicalId, JsonObject before, JsonObject after)
    {
        static Dictionary<string, string> Of(JsonObject p) =>
            Props.Objects(p, "Tags").Select(t => (Key: Props.Text(t, "Key") ?? "", Value: Props.Text(t, "Value") ?? ""))
                .GroupBy(t => t.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        var (old, now) = (Of(before), Of(after));
        var gone = old.Keys.Where(k => !now.ContainsKey(k)).Select(k => new Tag(k, null)).ToArray();
        var set = now.Where(t => !old.TryGetValue(t.Key, out var v) || v != t.Value).Select(t => new Tag(t.Key, t.Value)).ToArray();
        try
        {
            if (gone.Length > 0)
                context.ControlPlane.DeleteTags(context.Request, new DeleteTagsRequest { Resources = [physicalId], Tags = gone });
            if (set.Length > 0)
                context.ControlPlane.CreateTags(context.Request, new CreateTagsRequest { Resources = [physicalId], Tags = set });
        }
        catch (Ec2Exception e) when (e.Code == Ec2Errors.InvalidIdCode)
        {
            // Not an EC2 resource id: its tags are kept in its properties.
        }
    }
}
