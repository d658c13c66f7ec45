using VpcLab.CloudFormation.Stacks;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Tests;

/// <summary>A fresh control plane with CloudFormation over it, and the stack calls the tests make.</summary>
internal sealed class Stacks
{
    public static readonly RequestContext Ctx = RequestContext.Default;

    public Ec2ControlPlane ControlPlane { get; } = new();

    public CloudFormationStacks Cfn { get; }

    public Stacks()
    {
        Cfn = new CloudFormationStacks(ControlPlane);
    }

    public Stack Create(string name, string body, IReadOnlyDictionary<string, string>? parameters = null, bool skip = false) =>
        Cfn.CreateStack(Ctx, new CreateStackRequest(name, body) { Parameters = parameters ?? new Dictionary<string, string>(), SkipUnmodelled = skip });

    public static string Output(Stack stack, string key) => stack.Outputs.Single(o => o.OutputKey == key).OutputValue;

    public string Physical(Stack stack, string logicalId) => stack.Resources.Single(r => r.LogicalResourceId == logicalId).PhysicalResourceId;
}
