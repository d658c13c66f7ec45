using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using VpcLab.CloudFormation.Intrinsics;
using VpcLab.CloudFormation.Resources;
using VpcLab.CloudFormation.Resources.Custom;
using VpcLab.CloudFormation.Templates;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Errors;

namespace VpcLab.CloudFormation.Stacks;

/// <summary>One run over a stack's resources: creates them in dependency order (each resource's properties evaluated
/// when its turn comes, so Ref and Fn::GetAtt read what was made), records every status change as an event, and
/// deletes in reverse order — on DeleteStack, or to roll back a failed create so nothing half-made is left.
/// docs/cloudformation.md#stack-lifecycle</summary>
internal sealed class StackRun(Stack initial, StackScope scope, TimeProvider clock)
{
    private readonly List<StackEvent> _events = [.. initial.Events];
    private Stack _stack = initial;

    public Stack Stack => _stack with { Events = [.. _events], Resources = [.. scope.Resources.Values] };

    public void StackStatus(string status, string? reason = null)
    {
        var now = clock.GetUtcNow();
        _stack = _stack with { StackStatus = status, StackStatusReason = reason };
        Event(_stack.StackName, _stack.StackId, StackStatuses.StackType, status, reason, now);
    }

    /// <summary>Creates every resource in order; returns the logical id that failed, or null.</summary>
    public string? CreateAll(IEnumerable<TemplateResource> order, bool skipUnmodelled)
    {
        foreach (var resource in order)
        {
            if (resource.Condition is { } condition && !scope.Condition(condition))
                continue;
            if (!Create(resource, skipUnmodelled))
                return resource.LogicalId;
        }
        return null;
    }

    private bool Create(TemplateResource resource, bool skipUnmodelled) => CreateOne(resource, skipUnmodelled);

    /// <summary>Creates one resource (during a create, or an update: a new resource, or the replacement of
    /// <paramref name="replacing"/>, whose statuses are then UPDATE_*).</summary>
    public bool CreateOne(TemplateResource resource, bool skipUnmodelled, StackResource? replacing = null)
    {
        var handler = ResourceHandlers.For(resource.Type);
        var (inProgress, complete, failed) = replacing is null
            ? (StackStatuses.CreateInProgress, StackStatuses.CreateComplete, StackStatuses.CreateFailed)
            : (StackStatuses.UpdateInProgress, StackStatuses.UpdateComplete, StackStatuses.UpdateFailed);
        Event(resource.LogicalId, "", resource.Type, inProgress,
            replacing is null ? null : UpdateBehaviour.ReplacementReason, clock.GetUtcNow());
        if (handler is null)
            return Skip(resource, skipUnmodelled);
        JsonObject properties;
        Provisioned made;
        try
        {
            properties = IntrinsicEvaluator.Evaluate(resource.Properties, scope) as JsonObject ?? [];
            CheckProperties(handler, properties);
            made = handler.Create(scope.Context(resource.LogicalId), properties);
        }
        catch (Ec2Exception e)
        {
            return Failed(resource, Ec2Reason(e), failed);
        }
        catch (CloudFormationException e)
        {
            return Failed(resource, e.Message.StartsWith('#')
                ? $"Properties validation failed for resource {resource.LogicalId} with message: [{e.Message}]"
                : e.Message, failed);
        }
        StackTags(handler, resource.LogicalId, made, properties);
        Set(resource, made.PhysicalId, complete, null);
        scope.Resources[resource.LogicalId] = scope.Resources[resource.LogicalId] with { Provisioned = made, Properties = properties };
        return true;
    }

    /// <summary>What CloudFormation tags an EC2 resource it creates with: the stack's own tags (a resource's tag of the
    /// same key wins) and aws:cloudformation:stack-name, stack-id and logical-id
    /// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-resource-tags.html). A resource
    /// that is not an EC2 resource (a route, an association, a bucket, a stored type) takes none.</summary>
    private void StackTags(ResourceHandler handler, string logicalId, Provisioned made, JsonObject properties)
    {
        var context = scope.Context(logicalId);
        var target = handler.TagTarget(made);
        var own = Props.Objects(properties, "Tags").Select(t => Props.Text(t, "Key")).ToHashSet(StringComparer.Ordinal);
        var inherited = _stack.Tags.Where(t => t.Key != CreateStackRequest.SkipTag && !own.Contains(t.Key)).Select(t => new Tag(t.Key, t.Value)).ToArray();
        try
        {
            context.ControlPlane.Tags.CreateServiceTags(context.Request, target,
            [
                KeyValuePair.Create("aws:cloudformation:stack-name", _stack.StackName),
                KeyValuePair.Create("aws:cloudformation:stack-id", _stack.StackId),
                KeyValuePair.Create("aws:cloudformation:logical-id", logicalId),
            ]);
            if (inherited.Length > 0)
                context.ControlPlane.CreateTags(context.Request, new CreateTagsRequest { Resources = [target], Tags = inherited });
        }
        catch (Ec2Exception)
        {
            // Not an EC2 resource id (InvalidID): nothing to tag. The stack's tags were checked as the stack's own.
        }
    }

    /// <summary>An update AWS applies without replacement: UPDATE_IN_PROGRESS, the handler's in-place update and the
    /// tags through the control plane, UPDATE_COMPLETE — or UPDATE_FAILED with EC2's reason. Returns false on failure.</summary>
    public bool Modified(TemplateResource resource, StackResource existing, JsonObject before, JsonObject after)
    {
        Set(resource, existing.PhysicalResourceId, StackStatuses.UpdateInProgress, null);
        var handler = ResourceHandlers.For(resource.Type)!;
        Provisioned updated;
        try
        {
            CheckProperties(handler, after);
            updated = Apply(handler, resource.LogicalId, existing, before, after);
        }
        catch (Ec2Exception e)
        {
            return Failed(resource, Ec2Reason(e), StackStatuses.UpdateFailed);
        }
        catch (CloudFormationException e)
        {
            return Failed(resource, e.Message.StartsWith('#')
                ? $"Properties validation failed for resource {resource.LogicalId} with message: [{e.Message}]"
                : e.Message, StackStatuses.UpdateFailed);
        }
        Set(resource, existing.PhysicalResourceId, StackStatuses.UpdateComplete, null);
        scope.Resources[resource.LogicalId] = scope.Resources[resource.LogicalId] with { Properties = after, Provisioned = updated };
        return true;
    }

    /// <summary>Rolls an in-place update back (UPDATE_ROLLBACK): the old properties applied again, with their events.</summary>
    public void ModifiedBack(string logicalId, StackResource existing, JsonObject after, JsonObject before)
    {
        Set(logicalId, existing.ResourceType, existing.PhysicalResourceId, StackStatuses.UpdateInProgress, null);
        try
        {
            var current = scope.Resources.GetValueOrDefault(logicalId)?.Provisioned ?? existing.Provisioned!;
            Apply(ResourceHandlers.For(existing.ResourceType)!, logicalId, existing with { Provisioned = current }, after, before);
            Set(logicalId, existing.ResourceType, existing.PhysicalResourceId, StackStatuses.UpdateComplete, null);
        }
        catch (Ec2Exception e)
        {
            Set(logicalId, existing.ResourceType, existing.PhysicalResourceId, StackStatuses.UpdateFailed, Ec2Reason(e));
        }
    }

    private Provisioned Apply(ResourceHandler handler, string logicalId, StackResource existing, JsonObject before, JsonObject after)
    {
        var context = scope.Context(logicalId);
        var updated = handler.Update(context, existing.Provisioned!, before, after);
        if (!JsonNode.DeepEquals(before["Tags"], after["Tags"]))
            StackUpdate.Tag(context, existing.PhysicalResourceId, before, after);
        return updated;
    }

    /// <summary>Deletes a resource the stack no longer holds (a replaced or removed one, or one an update made and
    /// rolls back), with its own events; the stack's entry for the logical id is left to the caller.</summary>
    public void DeleteOld(string logicalId, StackResource resource, bool retain)
    {
        var now = clock.GetUtcNow();
        if (retain)
        {
            Event(logicalId, resource.PhysicalResourceId, resource.ResourceType, StackStatuses.DeleteSkipped, null, now);
            return;
        }
        Event(logicalId, resource.PhysicalResourceId, resource.ResourceType, StackStatuses.DeleteInProgress, null, now);
        try
        {
            if (!resource.Skipped && resource.Provisioned is not null)
                ResourceHandlers.For(resource.ResourceType)!.Delete(scope.Context(logicalId), resource.Provisioned);
            Event(logicalId, resource.PhysicalResourceId, resource.ResourceType, StackStatuses.DeleteComplete, null, clock.GetUtcNow());
        }
        catch (Ec2Exception e)
        {
            Event(logicalId, resource.PhysicalResourceId, resource.ResourceType, StackStatuses.DeleteFailed, Ec2Reason(e), clock.GetUtcNow());
        }
        if (scope.Resources.TryGetValue(logicalId, out var current) && current.PhysicalResourceId == resource.PhysicalResourceId)
            scope.Resources.Remove(logicalId);
    }

    /// <summary>A type VpcLab does not model: skipped (with the option, or always for a custom resource, whose
    /// Lambda function is stored, not run), else the stack fails naming it.</summary>
    private bool Skip(TemplateResource resource, bool skipUnmodelled)
    {
        var custom = Unmodelled.IsCustom(resource.Type);
        if (custom && Emulate(resource) is { } emulated)
            return emulated;
        if (!custom && !skipUnmodelled)
            return Failed(resource, $"VpcLab does not model the resource type {resource.Type}; create the stack with the tag {CreateStackRequest.SkipTag}=true to skip it");
        var physical = $"{_stack.StackName}-{resource.LogicalId}-skipped";
        var reason = custom
            ? $"Skipped by VpcLab: custom resource {resource.Type} (its Lambda function is stored, not run)"
            : $"Skipped by VpcLab: the resource type {resource.Type} is not modelled";
        Set(resource, physical, StackStatuses.CreateComplete, reason);
        scope.Resources[resource.LogicalId] = scope.Resources[resource.LogicalId] with { Skipped = true };
        return true;
    }

    /// <summary>A custom resource whose intent VpcLab emulates (<see cref="SubnetAttributesEmulation"/>): applied, then
    /// CREATE_COMPLETE (or UPDATE_COMPLETE) with a reason naming what was done; null when the resource is not one.</summary>
    public bool? Emulate(TemplateResource resource, string complete = StackStatuses.CreateComplete)
    {
        JsonObject properties;
        try
        {
            properties = IntrinsicEvaluator.Evaluate(resource.Properties, scope) as JsonObject ?? [];
            if (!SubnetAttributesEmulation.Matches(properties))
                return null;
            var done = SubnetAttributesEmulation.Apply(scope.Context(resource.LogicalId), properties);
            Set(resource, $"{_stack.StackName}-{resource.LogicalId}-emulated", complete, done);
        }
        catch (Ec2Exception e)
        {
            return Failed(resource, Ec2Reason(e), complete == StackStatuses.CreateComplete ? StackStatuses.CreateFailed : StackStatuses.UpdateFailed);
        }
        catch (CloudFormationException e)
        {
            return Failed(resource, e.Message, complete == StackStatuses.CreateComplete ? StackStatuses.CreateFailed : StackStatuses.UpdateFailed);
        }
        scope.Resources[resource.LogicalId] = scope.Resources[resource.LogicalId] with { Skipped = true, Properties = properties };
        return true;
    }

    private static void CheckProperties(ResourceHandler handler, JsonObject properties)
    {
        if (handler.Known is { } known)
        {
            var extra = properties.Select(p => p.Key).Where(k => !known.Contains(k)).ToList();
            if (extra.Count > 0)
                throw CloudFormationException.Validation($"#: extraneous key [{extra[0]}] is not permitted");
        }
        var missing = handler.Required.FirstOrDefault(r => !properties.ContainsKey(r));
        if (missing is not null)
            throw CloudFormationException.Validation($"#: required key [{missing}] not found");
    }

    /// <summary>EC2's refusal as CloudFormation's resource handlers report it: the service's message, its code and
    /// status. docs/cloudformation.md#errors</summary>
    public static string Ec2Reason(Ec2Exception e) =>
        $"Resource handler returned message: \"{e.Message} (Service: Ec2, Status Code: {e.Code.HttpStatus.ToString(CultureInfo.InvariantCulture)}, Error Code: {e.Code.Code})\" (HandlerErrorCode: {HandlerErrorCode(e.Code.Code)})";

    private static string HandlerErrorCode(string code) =>
        code.EndsWith(".NotFound", StringComparison.Ordinal) ? "NotFound"
        : code.Contains("Limit", StringComparison.Ordinal) ? "ServiceLimitExceeded"
        : code.EndsWith(".Duplicate", StringComparison.Ordinal) || code.Contains("AlreadyExists", StringComparison.Ordinal) ? "AlreadyExists"
        : "InvalidRequest";

    private bool Failed(TemplateResource resource, string reason, string status = StackStatuses.CreateFailed)
    {
        Set(resource, scope.Resources.TryGetValue(resource.LogicalId, out var r) ? r.PhysicalResourceId : "", status, reason);
        return false;
    }

    /// <summary>Deletes the resources made (reverse creation order); a retained one is left (DELETE_SKIPPED).
    /// Returns the logical id whose deletion failed, or null.</summary>
    public string? DeleteAll(Func<TemplateResource?, bool> retain, Template template)
    {
        string? failed = null;
        foreach (var resource in scope.Resources.Values.Reverse().ToList())
        {
            if (resource.ResourceStatus is StackStatuses.DeleteComplete or StackStatuses.DeleteSkipped)
                continue;
            if (resource.ResourceStatus is StackStatuses.CreateFailed or StackStatuses.UpdateFailed || resource.Provisioned is null && !resource.Skipped)
            {
                Set(resource.LogicalResourceId, resource.ResourceType, resource.PhysicalResourceId, StackStatuses.DeleteComplete, null);
                continue;
            }
            if (retain(template.Resource(resource.LogicalResourceId)))
            {
                Set(resource.LogicalResourceId, resource.ResourceType, resource.PhysicalResourceId, StackStatuses.DeleteSkipped, null);
                continue;
            }
            failed ??= Delete(resource);
        }
        return failed;
    }

    private string? Delete(StackResource resource)
    {
        Set(resource.LogicalResourceId, resource.ResourceType, resource.PhysicalResourceId, StackStatuses.DeleteInProgress, null);
        try
        {
            if (!resource.Skipped)
                ResourceHandlers.For(resource.ResourceType)!.Delete(scope.Context(resource.LogicalResourceId), resource.Provisioned!);
        }
        catch (Ec2Exception e)
        {
            Set(resource.LogicalResourceId, resource.ResourceType, resource.PhysicalResourceId, StackStatuses.DeleteFailed, Ec2Reason(e));
            return resource.LogicalResourceId;
        }
        Set(resource.LogicalResourceId, resource.ResourceType, resource.PhysicalResourceId, StackStatuses.DeleteComplete, null);
        return null;
    }

    public void Set(TemplateResource resource, string physicalId, string status, string? reason) =>
        Set(resource.LogicalId, resource.Type, physicalId, status, reason);

    private void Set(string logicalId, string type, string physicalId, string status, string? reason)
    {
        var now = clock.GetUtcNow();
        var current = scope.Resources.GetValueOrDefault(logicalId);
        scope.Resources[logicalId] = current is null
            ? new StackResource(logicalId, type, physicalId, status, reason, now)
            : current with { PhysicalResourceId = physicalId, ResourceStatus = status, ResourceStatusReason = reason, LastUpdatedTimestamp = now };
        Event(logicalId, physicalId, type, status, reason, now);
    }

    private void Event(string logicalId, string physicalId, string type, string status, string? reason, DateTimeOffset at)
    {
        var id = type == StackStatuses.StackType
            ? DeterministicIds.Guid($"{_stack.StackId}/{_events.Count}").ToString()
            : $"{logicalId}-{status}-{at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)}-{_events.Count}";
        if (status is StackStatuses.CreateInProgress or StackStatuses.UpdateInProgress && type != StackStatuses.StackType && physicalId.Length == 0 && !scope.Resources.ContainsKey(logicalId))
            scope.Resources[logicalId] = new StackResource(logicalId, type, "", status, reason, at);
        _events.Add(new StackEvent(id, _stack.StackId, _stack.StackName, logicalId, physicalId, type, at, status, reason));
    }

    public static ImmutableArray<StackResource> Ordered(IEnumerable<StackResource> resources) => [.. resources];
}
