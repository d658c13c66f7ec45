using System.Collections.Immutable;
using VpcLab.CloudFormation.Parameters;
using VpcLab.CloudFormation.Stacks;
using VpcLab.CloudFormation.Templates;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation;

/// <summary>The change sets of one <see cref="CloudFormationStacks"/>: created (planned by <see cref="ChangeSetPlanner"/>),
/// described, listed, executed (the stack created or updated) and deleted as the CloudFormation API does, under the
/// stacks' lock. https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-changesets.html</summary>
public sealed class CloudFormationChangeSets
{
    private readonly CloudFormationStacks _stacks;
    private readonly List<ChangeSet> _changeSets = [];

    internal CloudFormationChangeSets(CloudFormationStacks stacks) => _stacks = stacks;

    /// <summary>CreateChangeSet: CREATE makes the stack in REVIEW_IN_PROGRESS (as AWS does), UPDATE plans against the
    /// live stack. A change set with no change is FAILED with AWS's reason, as <c>aws cloudformation deploy</c>
    /// expects.</summary>
    public ChangeSet CreateChangeSet(RequestContext context, CreateStackRequest request, string changeSetName, string? changeSetType)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        lock (_stacks.Gate)
        {
            var type = changeSetType ?? "UPDATE";
            var existing = _stacks.Live(context, request.StackName);
            if (type == "CREATE" && existing is not null && existing.StackStatus != StackStatuses.ReviewInProgress)
                throw new CloudFormationException(CloudFormationException.AlreadyExists, $"Stack [{request.StackName}] already exists and cannot be created again with the changeSet [{changeSetName}].");
            if (type == "UPDATE" && (existing is null || existing.StackStatus == StackStatuses.ReviewInProgress))
                throw CloudFormationException.Validation($"Stack [{request.StackName}] does not exist");
            if (type is not ("CREATE" or "UPDATE"))
                throw CloudFormationException.Validation($"VpcLab does not support ChangeSetType {type}");
            Template template;
            IReadOnlyList<BoundParameter> parameters;
            CreateStackRequest effective;
            if (type == "CREATE")
            {
                (template, parameters, _) = _stacks.Prepare(context, request.StackName, request.TemplateBody, request.Parameters);
                effective = request;
                existing ??= _stacks.Review(context, request, template, parameters);
            }
            else
            {
                (template, parameters, _, effective) = _stacks.PrepareUpdate(existing!, request);
            }
            var changes = ChangeSetPlanner.Changes(type == "CREATE" ? null : existing, template, parameters);
            var id = $"arn:aws:cloudformation:{context.Region}:{context.Account}:changeSet/{changeSetName}/{DeterministicIds.Guid($"{existing!.StackId}/{changeSetName}/{_changeSets.Count}")}";
            var empty = changes.IsEmpty;
            var changeSet = new ChangeSet(id, changeSetName, existing.StackId, existing.StackName, type,
                empty ? "FAILED" : "CREATE_COMPLETE",
                empty ? "The submitted information didn't contain changes. Submit different information to create a change set." : null,
                empty ? "UNAVAILABLE" : "AVAILABLE", _stacks.Clock.GetUtcNow(), changes, effective);
            _changeSets.Add(changeSet);
            return changeSet;
        }
    }

    /// <summary>A change set by ARN, or by name with its stack; AWS's ChangeSetNotFound otherwise.</summary>
    public ChangeSet DescribeChangeSet(RequestContext context, string changeSetNameOrId, string? stackName)
    {
        ArgumentNullException.ThrowIfNull(context);
        lock (_stacks.Gate)
        {
            var stackId = stackName is null ? null : _stacks.Find(context, stackName)?.StackId ?? stackName;
            return _changeSets.LastOrDefault(c => c.ChangeSetId == changeSetNameOrId
                    || (c.ChangeSetName == changeSetNameOrId && c.StackId == stackId && c.ChangeSetId.Contains($":{context.Region}:{context.Account}:", StringComparison.Ordinal)))
                ?? throw new CloudFormationException(CloudFormationException.ChangeSetNotFound, $"ChangeSet [{changeSetNameOrId}] does not exist");
        }
    }

    public IReadOnlyList<ChangeSet> ListChangeSets(RequestContext context, string stackName)
    {
        lock (_stacks.Gate)
        {
            var stack = _stacks.Get(context, stackName);
            return [.. _changeSets.Where(c => c.StackId == stack.StackId)];
        }
    }

    /// <summary>ExecuteChangeSet: a CREATE change set creates the stack, an UPDATE one updates it; the stack's other
    /// change sets go, as AWS deletes them.</summary>
    public Stack ExecuteChangeSet(RequestContext context, string changeSetNameOrId, string? stackName)
    {
        lock (_stacks.Gate)
        {
            var changeSet = DescribeChangeSet(context, changeSetNameOrId, stackName);
            if (changeSet.ExecutionStatus != "AVAILABLE")
                throw new CloudFormationException(CloudFormationException.InvalidChangeSetStatus, $"ChangeSet [{changeSet.ChangeSetId}] cannot be executed in its current status of [{changeSet.Status}]");
            _changeSets.RemoveAll(c => c.StackId == changeSet.StackId);
            return changeSet.ChangeSetType == "CREATE"
                ? _stacks.CreateStack(context, changeSet.Request)
                : _stacks.UpdateStackUnchecked(context, changeSet.Request);
        }
    }

    public void DeleteChangeSet(RequestContext context, string changeSetNameOrId, string? stackName)
    {
        lock (_stacks.Gate)
        {
            var changeSet = DescribeChangeSet(context, changeSetNameOrId, stackName);
            _changeSets.Remove(changeSet);
        }
    }
}
