using VpcLab.CloudFormation;
using VpcLab.CloudFormation.Stacks;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Server.Persistence;

namespace VpcLab.Server.CloudFormation;

/// <summary><c>vpclab serve --scenario TEMPLATE</c>: a CloudFormation template given where a scenario is expected is
/// deployed as a stack named after the file, in the default account and Region, through the logged CreateStack a
/// client's create-stack makes — so the server holds the stack (describe-stacks, delete-stack) and a restart replays
/// it. A state that already holds that stack complete is left as it is (docs/cloudformation.md#serve).</summary>
public static class CloudFormationScenario
{
    /// <summary>Deploys the template unless its stack is already there; true when it deployed now. A template
    /// CloudFormation refuses, or a stack that rolls back, is a <see cref="ScenarioException"/> naming the failure.</summary>
    public static bool Load(ServerState state, string body, string file)
    {
        ArgumentNullException.ThrowIfNull(state);
        var context = RequestContext.Default;
        var name = TemplateScenario.StackName(file);
        var stack = CloudFormationServices.For(state.ControlPlane).Find(context, name);
        var loaded = stack is null;
        if (loaded)
        {
            try
            {
                state.MutateAsync(context, CloudFormationLogOperations.CreateStack,
                    CloudFormationLogOperations.Parameters(new CreateStackRequest(name, body))).AsTask().GetAwaiter().GetResult();
            }
            catch (CloudFormationException e)
            {
                throw new ScenarioException($"{file}: {e.Code}: {e.Message}");
            }
            stack = CloudFormationServices.For(state.ControlPlane).Get(context, name);
        }
        if (stack!.StackStatus is not (StackStatuses.CreateComplete or StackStatuses.UpdateComplete))
            throw new ScenarioException($"{file}: {TemplateScenario.Failure(stack)}");
        return loaded;
    }
}
