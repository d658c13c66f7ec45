using System.Collections.Immutable;
using VpcLab.CloudFormation.Stacks;
using VpcLab.CloudFormation.Templates;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Scenarios;

namespace VpcLab.CloudFormation;

/// <summary>A CloudFormation template used where a scenario is expected (<c>--scenario</c>): deployed as one stack
/// into a fresh control plane with the scenarios' id seed, its logical ids standing for the physical ids (so
/// <c>trace --from Web</c> names the template's resource). A file is a template when it has a top-level Resources
/// map and no scenario <c>vpcs:</c> (docs/cloudformation.md#cli).</summary>
public static class TemplateScenario
{
    public static bool IsTemplate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var root = TemplateReader.Read(text);
            return root.ContainsKey("Resources") && !root.ContainsKey("vpcs");
        }
        catch (CloudFormationException)
        {
            return false;
        }
    }

    /// <summary>Deploys the template; a stack that does not reach CREATE_COMPLETE is a <see cref="ScenarioException"/>
    /// naming the failed resource and the reason its event gives.</summary>
    public static LoadedScenario Load(string path, IReadOnlyDictionary<string, string>? parameters = null, ControlPlaneOptions? options = null,
        bool skipUnmodelled = false)
    {
        var controlPlane = new Ec2ControlPlane(options ?? new ControlPlaneOptions { IdSeed = ScenarioLoader.ScenarioIdSeed });
        var stacks = new CloudFormationStacks(controlPlane);
        var name = StackName(path);
        Stack stack;
        try
        {
            stack = stacks.CreateStack(RequestContext.Default, new CreateStackRequest(name, File.ReadAllText(path))
            {
                Parameters = parameters ?? new Dictionary<string, string>(),
                SkipUnmodelled = skipUnmodelled,
            });
        }
        catch (CloudFormationException e)
        {
            throw new ScenarioException($"{path}: {e.Code}: {e.Message}");
        }
        if (stack.StackStatus != StackStatuses.CreateComplete)
            throw new ScenarioException($"{path}: {Failure(stack)}");
        var ids = stack.Resources.Where(r => !r.Skipped && r.PhysicalResourceId.Length > 0)
            .ToImmutableDictionary(r => r.LogicalResourceId, r => r.PhysicalResourceId, StringComparer.Ordinal);
        var document = new ScenarioDocument(name, stack.Description, RequestContext.Default.Region, [], []);
        return new LoadedScenario(document, path, controlPlane, ids);
    }

    /// <summary>The first failure of a stack as one line: the resource and its reason, else the stack's reason.</summary>
    public static string Failure(Stack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var failed = stack.Events.FirstOrDefault(e => e.ResourceStatus.EndsWith("_FAILED", StringComparison.Ordinal) && e.ResourceType != StackStatuses.StackType);
        return failed is not null
            ? $"resource {failed.LogicalResourceId} ({failed.ResourceType}): {failed.ResourceStatusReason}"
            : $"stack {stack.StackName} is {stack.StackStatus}: {stack.StackStatusReason}";
    }

    /// <summary>A stack name from a file name: letters, digits and hyphens, starting with a letter.</summary>
    public static string StackName(string path)
    {
        var chars = Path.GetFileNameWithoutExtension(path).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var name = new string(chars).Trim('-');
        return name.Length > 0 && char.IsAsciiLetter(name[0]) ? name[..Math.Min(name.Length, 128)] : "stack-" + name;
    }
}
