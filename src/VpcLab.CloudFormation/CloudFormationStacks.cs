using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VpcLab.CloudFormation.Intrinsics;
using VpcLab.CloudFormation.Parameters;
using VpcLab.CloudFormation.Resources;
using VpcLab.CloudFormation.Stacks;
using VpcLab.CloudFormation.Templates;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation;

/// <summary>CloudFormation over one control plane: the stacks of every account and Region, created, described and
/// deleted as the CloudFormation API does, their resources made through the control plane's operations (so every
/// EC2 rule applies). Operations run to completion before they return (a stack is CREATE_COMPLETE or
/// ROLLBACK_COMPLETE when CreateStack answers); ids and times come from the control plane's id counter and clock, so
/// replaying the same calls rebuilds the same stacks. docs/cloudformation.md</summary>
public sealed class CloudFormationStacks(Ec2ControlPlane controlPlane)
{
    private readonly Lock _lock = new();
    private readonly List<Stack> _stacks = [];

    public Ec2ControlPlane ControlPlane => controlPlane;

    /// <summary>The change sets of these stacks (CreateChangeSet … ExecuteChangeSet).</summary>
    public CloudFormationChangeSets ChangeSets => _changeSets ??= new CloudFormationChangeSets(this);

    private CloudFormationChangeSets? _changeSets;

    /// <summary>The one lock every stack and change-set operation holds (System.Threading.Lock is re-entrant, so
    /// executing a change set may create or update its stack under it).</summary>
    internal Lock Gate => _lock;
    public StoredResources Stored { get; } = new();

    internal TimeProvider Clock => controlPlane.Options.Clock;

    /// <summary>CloudFormation's stack name rule: a letter, then letters, digits and hyphens, 128 at most.</summary>
    private static readonly Regex StackName = new("^[a-zA-Z][-a-zA-Z0-9]{0,127}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public Stack CreateStack(RequestContext context, CreateStackRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        lock (_lock)
        {
            var (template, parameters, order) = Prepare(context, request.StackName, request.TemplateBody, request.Parameters);
            var stack = NewStack(context, request, template, parameters, StackStatuses.CreateInProgress);
            return Run(stack, template, order, request.SkipUnmodelled || request.Tags.Any(t => t.Key == CreateStackRequest.SkipTag && t.Value == "true"),
                request.OnFailure ?? (request.DisableRollback ? "DO_NOTHING" : "ROLLBACK"));
        }
    }

    internal (Template, IReadOnlyList<BoundParameter>, ImmutableArray<TemplateResource>) Prepare(
        RequestContext context, string stackName, string body, IReadOnlyDictionary<string, string> given)
    {
        if (!StackName.IsMatch(stackName ?? ""))
            throw CloudFormationException.Validation($"1 validation error detected: Value '{stackName}' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*");
        if (Live(context, stackName!) is { } existing && existing.StackStatus != StackStatuses.ReviewInProgress)
            throw new CloudFormationException(CloudFormationException.AlreadyExists, $"Stack [{stackName}] already exists");
        var template = Template.Parse(body);
        var order = DependencyOrder.Of(template);
        var parameters = ParameterBinder.Bind(template, given);
        return (template, parameters, order);
    }

    private Stack NewStack(RequestContext context, CreateStackRequest request, Template template, IReadOnlyList<BoundParameter> parameters, string status)
    {
        var now = Clock.GetUtcNow();
        var existing = Live(context, request.StackName);
        var id = existing?.StackId ?? $"arn:aws:cloudformation:{context.Region}:{context.Account}:stack/{request.StackName}/{DeterministicIds.Guid($"{context.Account}/{context.Region}/{request.StackName}/{_stacks.Count}/{controlPlane.IdCounter}")}";
        if (existing is not null)
            _stacks.Remove(existing);
        return new Stack(id, request.StackName, context, request.TemplateBody, template.Description, [.. parameters], [.. request.Tags],
            status, null, existing?.CreationTime ?? now, request.DisableRollback)
        {
            Capabilities = [.. request.Capabilities],
            Events = existing?.Events ?? [],
        };
    }

    /// <summary>Runs a new stack's creation: parameters checked against the world, resources, outputs and exports; a
    /// failure rolls back (or deletes, or stays, as OnFailure says).</summary>
    private Stack Run(Stack stack, Template template, ImmutableArray<TemplateResource> order, bool skipUnmodelled, string onFailure)
    {
        var scope = new StackScope(template, stack.Parameters, stack.StackId, stack.StackName, stack.Context, controlPlane, Stored, name => Export(stack.Context, name)?.Value);
        var run = new StackRun(stack, scope, Clock);
        run.StackStatus(StackStatuses.CreateInProgress, "User Initiated");
        string? failure = null;
        ImmutableArray<StackOutput> outputs = [];
        try
        {
            var resolved = WorldParameterCheck.Resolve(stack, controlPlane);
            scope = new StackScope(template, resolved, stack.StackId, stack.StackName, stack.Context, controlPlane, Stored, name => Export(stack.Context, name)?.Value);
            run = new StackRun(run.Stack with { Parameters = [.. resolved] }, scope, Clock);
            var failed = run.CreateAll(order, skipUnmodelled);
            if (failed is not null)
                failure = $"The following resource(s) failed to create: [{failed}]. ";
            else
                outputs = StackOutputs(template, scope, stack);
        }
        catch (CloudFormationException e)
        {
            failure = e.Message.EndsWith('.') ? e.Message + " " : e.Message + ". ";
        }
        var result = failure is null ? Complete(run, outputs) : Fail(run, template, failure, onFailure);
        _stacks.Add(result with { Imports = [.. scope.Imports] });
        return _stacks[^1];
    }

    private static Stack Complete(StackRun run, ImmutableArray<StackOutput> outputs)
    {
        run.StackStatus(StackStatuses.CreateComplete);
        return run.Stack with { Outputs = outputs };
    }

    private static Stack Fail(StackRun run, Template template, string failure, string onFailure)
    {
        if (onFailure == "DO_NOTHING")
        {
            run.StackStatus(StackStatuses.CreateFailed, failure.TrimEnd());
            return run.Stack;
        }
        var delete = onFailure == "DELETE";
        run.StackStatus(delete ? StackStatuses.DeleteInProgress : StackStatuses.RollbackInProgress,
            delete ? failure.TrimEnd() : failure + "Rollback requested by user.");
        run.DeleteAll(r => r?.RetainOnRollback == true, template);
        run.StackStatus(delete ? StackStatuses.DeleteComplete : StackStatuses.RollbackComplete);
        return delete ? run.Stack with { DeletionTime = run.Stack.Events[^1].Timestamp } : run.Stack;
    }

    private ImmutableArray<StackOutput> StackOutputs(Template template, StackScope scope, Stack stack, string? except = null)
    {
        var outputs = ImmutableArray.CreateBuilder<StackOutput>();
        foreach (var (key, node) in template.Outputs)
        {
            if (node is not JsonObject output)
                throw CloudFormationException.Format($"[/Outputs/{key}] output definition is malformed");
            if (output["Condition"] is JsonValue c && !scope.Condition(IntrinsicEvaluator.ScalarText(c)))
                continue;
            var value = IntrinsicEvaluator.Evaluate(output["Value"], scope);
            var text = value is JsonArray list ? string.Join(",", list.Select(i => IntrinsicEvaluator.Text(i, "Outputs"))) : IntrinsicEvaluator.Text(value, "Outputs");
            string? exportName = null;
            if ((output["Export"] as JsonObject)?["Name"] is { } nameNode)
            {
                exportName = IntrinsicEvaluator.Text(IntrinsicEvaluator.Evaluate(nameNode, scope), "Export");
                if (Export(stack.Context, exportName) is { } taken && taken.ExportingStackId != except)
                    throw CloudFormationException.Validation($"Export with name {exportName} is already exported by stack {taken.ExportingStackId.Split('/')[1]}");
            }
            var description = output["Description"] is JsonValue d ? IntrinsicEvaluator.ScalarText(d) : null;
            outputs.Add(new StackOutput(key, text, description, exportName));
        }
        return outputs.ToImmutable();
    }

    public Stack DeleteStack(RequestContext context, string stackNameOrId)
    {
        ArgumentNullException.ThrowIfNull(context);
        lock (_lock)
        {
            var stack = Find(context, stackNameOrId);
            if (stack is null || stack.IsDeleted)
                return stack!; // AWS answers DeleteStack of an unknown or deleted stack with success
            var importer = stack.Outputs.Where(o => o.ExportName is not null)
                .SelectMany(o => _stacks.Where(s => !s.IsDeleted && s.Context == context && s.Imports.Contains(o.ExportName!)).Select(s => (o.ExportName, s.StackName)))
                .FirstOrDefault();
            var template = Template.Parse(stack.TemplateBody);
            var scope = new StackScope(template, stack.Parameters, stack.StackId, stack.StackName, stack.Context, controlPlane, Stored, _ => null);
            foreach (var resource in stack.Resources)
                scope.Resources[resource.LogicalResourceId] = resource;
            var run = new StackRun(stack, scope, Clock);
            run.StackStatus(StackStatuses.DeleteInProgress, "User Initiated");
            Stack result;
            if (importer.ExportName is not null)
            {
                run.StackStatus(StackStatuses.DeleteFailed, $"Export {importer.ExportName} cannot be deleted as it is in use by {importer.StackName}");
                result = run.Stack;
            }
            else if (run.DeleteAll(r => r?.RetainOnDelete == true, template) is { } failed)
            {
                run.StackStatus(StackStatuses.DeleteFailed, $"The following resource(s) failed to delete: [{failed}]. ");
                result = run.Stack;
            }
            else
            {
                run.StackStatus(StackStatuses.DeleteComplete);
                result = run.Stack with { DeletionTime = Clock.GetUtcNow(), Outputs = [] , Imports = [] };
            }
            _stacks[_stacks.IndexOf(stack)] = result;
            return result;
        }
    }

    /// <summary>UpdateStack: the stack updated to the new template and parameters (<see cref="StackUpdate"/>); AWS's
    /// ValidationError "No updates are to be performed." when nothing would change.</summary>
    public Stack UpdateStack(RequestContext context, CreateStackRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        lock (_lock)
        {
            var old = Get(context, request.StackName);
            if (old.StackStatus is not (StackStatuses.CreateComplete or StackStatuses.UpdateComplete or StackStatuses.UpdateRollbackComplete))
                throw CloudFormationException.Validation($"Stack:{old.StackId} is in {old.StackStatus} state and can not be updated.");
            var (template, parameters, order, effective) = PrepareUpdate(old, request);
            if (ChangeSetPlanner.Changes(old, template, parameters).IsEmpty)
                throw CloudFormationException.Validation("No updates are to be performed.");
            return Update(old, effective, template, parameters, order);
        }
    }

    internal (Template, IReadOnlyList<BoundParameter>, ImmutableArray<TemplateResource>, CreateStackRequest) PrepareUpdate(Stack old, CreateStackRequest request)
    {
        var body = request.UsePreviousTemplate ? old.TemplateBody : request.TemplateBody;
        var given = new Dictionary<string, string>(request.Parameters, StringComparer.Ordinal);
        foreach (var key in request.PreviousValues)
            given[key] = old.Parameters.FirstOrDefault(p => p.Key == key)?.Value ?? throw CloudFormationException.Validation($"Invalid input for parameter key {key}. Cannot specify usePreviousValue as true for a parameter key not in the previous template");
        var template = Template.Parse(body);
        var order = DependencyOrder.Of(template);
        var parameters = ParameterBinder.Bind(template, given);
        return (template, parameters, order, request with { TemplateBody = body, Parameters = given });
    }

    private Stack Update(Stack old, CreateStackRequest request, Template template, IReadOnlyList<BoundParameter> parameters, ImmutableArray<TemplateResource> order)
    {
        var stack = old with { TemplateBody = request.TemplateBody, Description = template.Description, Parameters = [.. parameters], Tags = [.. request.Tags] };
        var scope = new StackScope(template, parameters, stack.StackId, stack.StackName, stack.Context, controlPlane, Stored, name => Export(stack.Context, name)?.Value);
        foreach (var resource in old.Resources.Where(r => r.ResourceStatus is not (StackStatuses.DeleteComplete or StackStatuses.DeleteSkipped)))
            scope.Resources[resource.LogicalResourceId] = resource;
        var run = new StackRun(stack, scope, Clock);
        run.StackStatus(StackStatuses.UpdateInProgress, "User Initiated");
        var update = new StackUpdate(run, scope, old, template);
        string? failure;
        ImmutableArray<StackOutput> outputs = [];
        try
        {
            failure = update.Run(order, request.SkipUnmodelled || old.Tags.Any(t => t.Key == CreateStackRequest.SkipTag && t.Value == "true"));
            if (failure is null)
                outputs = StackOutputs(template, scope, stack, except: stack.StackId);
        }
        catch (CloudFormationException e)
        {
            failure = e.Message + " ";
        }
        Stack result;
        if (failure is null)
        {
            run.StackStatus(StackStatuses.UpdateCompleteCleanupInProgress);
            update.Cleanup();
            run.StackStatus(StackStatuses.UpdateComplete);
            result = run.Stack with { Outputs = outputs, LastUpdatedTime = Clock.GetUtcNow(), Imports = [.. scope.Imports] };
        }
        else
        {
            run.StackStatus(StackStatuses.UpdateRollbackInProgress, failure.TrimEnd());
            update.RollBack();
            run.StackStatus(StackStatuses.UpdateRollbackComplete);
            result = run.Stack with { TemplateBody = old.TemplateBody, Parameters = old.Parameters, Tags = old.Tags, Outputs = old.Outputs, Description = old.Description, LastUpdatedTime = Clock.GetUtcNow() };
        }
        _stacks[_stacks.IndexOf(old)] = result;
        return result;
    }

    /// <summary>Updates a stack from an executed change set (its changes were planned when the change set was made).</summary>
    internal Stack UpdateStackUnchecked(RequestContext context, CreateStackRequest request)
    {
        var old = Get(context, request.StackName);
        var (template, parameters, order, effective) = PrepareUpdate(old, request);
        return Update(old, effective, template, parameters, order);
    }

    /// <summary>The stack a CREATE change set makes: REVIEW_IN_PROGRESS, no resources, as AWS shows it.</summary>
    internal Stack Review(RequestContext context, CreateStackRequest request, Template template, IReadOnlyList<BoundParameter> parameters)
    {
        var review = NewStack(context, request, template, parameters, StackStatuses.ReviewInProgress);
        var run = new StackRun(review, new StackScope(template, parameters, review.StackId, review.StackName, context, controlPlane, Stored, _ => null), Clock);
        run.StackStatus(StackStatuses.ReviewInProgress, "User Initiated");
        _stacks.Add(run.Stack);
        return run.Stack;
    }

    /// <summary>A stack by name (the live one) or by id (deleted ones too), as DescribeStacks finds them.</summary>
    public Stack? Find(RequestContext context, string stackNameOrId)
    {
        ArgumentNullException.ThrowIfNull(context);
        lock (_lock)
        {
            return stackNameOrId.StartsWith("arn:", StringComparison.Ordinal)
                ? _stacks.LastOrDefault(s => s.StackId == stackNameOrId && s.Context == context)
                : Live(context, stackNameOrId);
        }
    }

    /// <summary>The stack DescribeStacks answers for, or AWS's ValidationError "Stack with id X does not exist".</summary>
    public Stack Get(RequestContext context, string stackNameOrId) =>
        Find(context, stackNameOrId) ?? throw CloudFormationException.Validation($"Stack with id {stackNameOrId} does not exist");

    internal Stack? Live(RequestContext context, string name) =>
        _stacks.LastOrDefault(s => s.StackName == name && s.Context == context && !s.IsDeleted);

    /// <summary>Every stack of the account and Region, deleted ones included (ListStacks), newest first.</summary>
    public IReadOnlyList<Stack> All(RequestContext context)
    {
        lock (_lock)
        {
            return [.. _stacks.Where(s => s.Context == context).Reverse()];
        }
    }

    public IReadOnlyList<StackExport> Exports(RequestContext context)
    {
        lock (_lock)
        {
            return [.. _stacks.Where(s => s.Context == context && !s.IsDeleted)
                .SelectMany(s => s.Outputs.Where(o => o.ExportName is not null).Select(o => new StackExport(o.ExportName!, o.OutputValue, s.StackId)))];
        }
    }

    private StackExport? Export(RequestContext context, string name) => Exports(context).FirstOrDefault(e => e.Name == name);

    /// <summary>The Metadata attribute the stack's template declares for a resource (cfn-init's
    /// AWS::CloudFormation::Init among it) as JSON, kept and never run; null when it declares none
    /// (DescribeStackResource's Metadata).</summary>
    public static string? ResourceMetadata(Stack stack, string logicalId)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return Template.Parse(stack.TemplateBody).Resource(logicalId)?.Metadata?.ToJsonString();
    }

    /// <summary>The distinct resource types of a template, in template order (GetTemplateSummary).</summary>
    public static IReadOnlyList<string> ResourceTypes(string body) =>
        [.. Template.Parse(body).Resources.Select(r => r.Type).Distinct(StringComparer.Ordinal)];

    /// <summary>ValidateTemplate: the template checked (structure, references, dependency cycle) without a stack;
    /// returns its description and parameters.</summary>
    public static (string? Description, JsonObject Parameters) ValidateTemplate(string body)
    {
        var template = Template.Parse(body);
        DependencyOrder.Of(template);
        return (template.Description, template.Parameters);
    }
}
