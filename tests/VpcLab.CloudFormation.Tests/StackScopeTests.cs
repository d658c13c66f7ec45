using VpcLab.CloudFormation.Stacks;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Tests;

/// <summary>Stacks and exports live per account and Region: the same stack name and the same export name in another
/// account or Region are other stacks and exports, and Fn::ImportValue sees only its own account and Region's exports
/// ("Exported output values must be unique within your account and Region" and cross-stack references work within one
/// Region: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-stack-exports.html).</summary>
public sealed class StackScopeTests
{
    private const string Exporter = """
        Resources:
          Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
        Outputs:
          VpcId: { Value: !Ref Vpc, Export: { Name: shared-vpc } }
        """;

    private const string Importer = "Resources:\n  Sg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: x, VpcId: !ImportValue shared-vpc } }\n";

    [Fact]
    public void SameNames_OtherAccountOrRegion_OtherStacksAndExports()
    {
        var stacks = new Stacks();
        RequestContext[] scopes = [RequestContext.Default, RequestContext.For("222222222222", "us-east-1"), RequestContext.For("111111111111", "eu-west-1")];
        var made = scopes.Select(c => stacks.Cfn.CreateStack(c, new CreateStackRequest("lab", Exporter))).ToList();
        Assert.All(made, s => Assert.Equal("CREATE_COMPLETE", s.StackStatus));
        Assert.Equal(3, made.Select(s => s.StackId).Distinct().Count());
        foreach (var (context, stack) in scopes.Zip(made))
        {
            Assert.Equal(stack.StackId, Assert.Single(stacks.Cfn.All(context)).StackId);
            Assert.Equal(stack.Outputs[0].OutputValue, Assert.Single(stacks.Cfn.Exports(context)).Value);
            Assert.StartsWith($"arn:aws:cloudformation:{context.Region}:{context.Account.Value}:stack/lab/", stack.StackId, StringComparison.Ordinal);
        }
        Assert.Contains("No export named shared-vpc found.", ImportFailure(stacks, RequestContext.For("333333333333", "us-east-1")), StringComparison.Ordinal);
        Assert.Equal("CREATE_COMPLETE", stacks.Cfn.CreateStack(RequestContext.For("222222222222", "us-east-1"), new CreateStackRequest("app", Importer)).StackStatus);
    }

    /// <summary>Why an importing stack could not be made: refused at the call, or its failed resource's reason.</summary>
    private static string ImportFailure(Stacks stacks, RequestContext context)
    {
        try
        {
            var stack = stacks.Cfn.CreateStack(context, new CreateStackRequest("app", Importer));
            Assert.Equal("ROLLBACK_COMPLETE", stack.StackStatus);
            return stack.Events.Single(e => e.ResourceStatus == "CREATE_FAILED").ResourceStatusReason ?? "";
        }
        catch (CloudFormationException e)
        {
            return e.Message;
        }
    }
}
