using System.CommandLine;
using Spectre.Console;
using VpcLab.CloudFormation;
using VpcLab.CloudFormation.Stacks;
using VpcLab.Cli.Rendering;
using VpcLab.ControlPlane;
using VpcLab.Server.CloudFormation;
using VpcLab.Server.Hosting;
using VpcLab.Server.Persistence;

namespace VpcLab.Cli.Commands;

/// <summary><c>vpclab apply TEMPLATE [--param K=V …] [--stack NAME]</c>: deploys a CloudFormation template as a stack
/// into the local state — the data directory <c>vpclab serve</c> uses — through the same logged operation as the API's
/// CreateStack (UpdateStack when the stack exists), so the server then serves it. Prints the stack's status and
/// resources; exit 1 when the stack failed (rolled back), with the failed resource and EC2's error.</summary>
public static class ApplyCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var template = new Argument<string>("template") { Description = "A CloudFormation template (JSON or YAML)" };
        var parameters = new Option<string[]>("--param") { Description = "A parameter value, KEY=VALUE (repeatable)", AllowMultipleArgumentsPerToken = false };
        var stackName = new Option<string?>("--stack") { Description = "The stack's name (default: the file's name)" };
        var data = new Option<string>("--data") { Description = "The state directory (as vpclab serve --data)", DefaultValueFactory = _ => ServerOptions.DefaultDataDirectory };
        var skip = new Option<bool>("--skip-unmodelled") { Description = "Skip resource types VpcLab does not model instead of failing the stack" };
        var json = ScenarioOptions.Json();
        var command = new Command("apply", "Deploy a CloudFormation template as a stack into the local state (what vpclab serve serves)")
        {
            template, parameters, stackName, data, skip, json,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(template)!;
            if (!File.Exists(path))
                throw new UsageException($"template '{path}' not found");
            var request = new CreateStackRequest(parse.GetValue(stackName) ?? TemplateScenario.StackName(path), File.ReadAllText(path))
            {
                Parameters = ParseParameters(parse.GetValue(parameters) ?? []),
                Tags = parse.GetValue(skip) ? [new(CreateStackRequest.SkipTag, "true")] : [],
            };
            var stack = Apply(DirectoryOptions.CheckWritable(parse.GetValue(data)!, "--data"), request);
            Render(console, stack, parse.GetValue(json));
            return stack.StackStatus is StackStatuses.CreateComplete or StackStatuses.UpdateComplete ? ExitCodes.Ok : ExitCodes.Dropped;
        });
        return command;
    }

    private static Stack Apply(string dataDirectory, CreateStackRequest request)
    {
        using var state = ServerState.Open(dataDirectory);
        var context = RequestContext.Default;
        var exists = CloudFormationServices.For(state.ControlPlane).Find(context, request.StackName) is { StackStatus: not StackStatuses.ReviewInProgress };
        try
        {
            state.MutateAsync(context, exists ? CloudFormationLogOperations.UpdateStack : CloudFormationLogOperations.CreateStack,
                CloudFormationLogOperations.Parameters(request)).AsTask().GetAwaiter().GetResult();
        }
        catch (CloudFormationException e)
        {
            throw new UsageException($"{e.Code}: {e.Message}");
        }
        return CloudFormationServices.For(state.ControlPlane).Get(context, request.StackName);
    }

    private static Dictionary<string, string> ParseParameters(IEnumerable<string> pairs)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
                throw new UsageException($"--param '{pair}' must be KEY=VALUE");
            result[pair[..eq]] = pair[(eq + 1)..];
        }
        return result;
    }

    private static void Render(IAnsiConsole console, Stack stack, bool json)
    {
        if (json)
        {
            console.Profile.Out.Writer.WriteLine(JsonOutput.Serialize(new
            {
                stack.StackId, stack.StackName, stack.StackStatus, stack.StackStatusReason,
                Resources = stack.Resources.Select(r => new { r.LogicalResourceId, r.ResourceType, r.PhysicalResourceId, r.ResourceStatus, r.ResourceStatusReason }),
                Outputs = stack.Outputs.Select(o => new { o.OutputKey, o.OutputValue, o.ExportName }),
            }));
            return;
        }
        var ok = stack.StackStatus is StackStatuses.CreateComplete or StackStatuses.UpdateComplete;
        console.MarkupLine($"{(ok ? "[green]✓[/]" : "[red]✗[/]")} stack {Markup.Escape(stack.StackName)}: {stack.StackStatus}");
        if (!ok)
            console.MarkupLine($"  {Markup.Escape(TemplateScenario.Failure(stack))}");
        var table = new Table().AddColumns("logical id", "type", "physical id", "status");
        foreach (var r in stack.Resources)
            table.AddRow(Markup.Escape(r.LogicalResourceId), Markup.Escape(r.ResourceType), Markup.Escape(r.PhysicalResourceId), r.ResourceStatus);
        console.Write(table);
        foreach (var o in stack.Outputs)
            console.MarkupLine($"  output {Markup.Escape(o.OutputKey)} = {Markup.Escape(o.OutputValue)}");
    }
}
