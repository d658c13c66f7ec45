using VpcLab.CloudFormation.Stacks;
using VpcLab.Model;

namespace VpcLab.CloudFormation.Tests;

/// <summary>Custom resources (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-custom-resources.html):
/// VpcLab stores Lambda functions and never runs them; a custom resource is skipped with an event saying so, unless it
/// is the documented subnet-attribute request VpcLab emulates (docs/cloudformation.md#custom-resources), which it
/// applies through ModifySubnetAttribute.</summary>
public sealed class CustomResourceTests
{
    private const string Network = """
          Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
          V6: { Type: AWS::EC2::VPCCidrBlock, Properties: { VpcId: !Ref Vpc, AmazonProvidedIpv6CidrBlock: true } }
          A:
            Type: AWS::EC2::Subnet
            DependsOn: V6
            Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, Ipv6CidrBlock: !Select [0, !Cidr [!Select [0, !GetAtt Vpc.Ipv6CidrBlocks], 2, 64]] }
          B:
            Type: AWS::EC2::Subnet
            DependsOn: V6
            Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, Ipv6CidrBlock: !Select [1, !Cidr [!Select [0, !GetAtt Vpc.Ipv6CidrBlocks], 2, 64]] }
          Role: { Type: AWS::IAM::Role, Properties: { AssumeRolePolicyDocument: { Statement: [] } } }
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: python3.12
              Handler: index.handler
              Role: !GetAtt Role.Arn
              Code: { ZipFile: "import boto3" }
        """;

    public static readonly TheoryData<string, string, string, bool, bool> Rows = new()
    {
        // the custom resource's properties, attribute checked, subnets, emulated, value
        { "{ ServiceToken: !GetAtt Fn.Arn, SubnetId: !Ref A, AssignIpv6AddressOnCreation: true }", "AssignIpv6AddressOnCreation", "A", true, true },
        { "{ ServiceToken: !GetAtt Fn.Arn, SubnetIds: [!Ref A, !Ref B], MapPublicIpOnLaunch: \"true\" }", "MapPublicIpOnLaunch", "A,B", true, true },
        { "{ ServiceToken: !GetAtt Fn.Arn, SubnetIds: [!Ref A], EnableDns64: true, AssignIpv6AddressOnCreation: true }", "EnableDns64", "A", true, true },
        // Not plain: another property, a non-boolean value, no subnet — skipped, the subnet untouched.
        { "{ ServiceToken: !GetAtt Fn.Arn, SubnetId: !Ref A, AssignIpv6AddressOnCreation: true, Mode: all }", "AssignIpv6AddressOnCreation", "A", false, false },
        { "{ ServiceToken: !GetAtt Fn.Arn, SubnetId: !Ref A, MapPublicIpOnLaunch: sometimes }", "MapPublicIpOnLaunch", "A", false, false },
        { "{ ServiceToken: !GetAtt Fn.Arn, BucketName: seed, MapPublicIpOnLaunch: true }", "MapPublicIpOnLaunch", "A", false, false },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void CustomResource_SubnetAttributes_EmulatedOnlyWhenIntentIsPlain(string properties, string attribute, string subnets, bool emulated, bool value)
    {
        var stacks = new Stacks();
        var stack = stacks.Create("lesson", $"Resources:\n{Network}\n  Ipv6Only:\n    Type: Custom::SubnetModify\n    Properties: {properties}\n");

        Assert.True(stack.StackStatus == "CREATE_COMPLETE", string.Join("\n", stack.Events.Select(e => $"{e.LogicalResourceId} {e.ResourceStatus} {e.ResourceStatusReason}")));
        var reason = stack.Events.Single(e => e.LogicalResourceId == "Ipv6Only" && e.ResourceStatus == "CREATE_COMPLETE").ResourceStatusReason!;
        Assert.StartsWith(emulated ? "Emulated by VpcLab: ModifySubnetAttribute" : "Skipped by VpcLab: custom resource Custom::SubnetModify", reason, StringComparison.Ordinal);
        foreach (var logical in subnets.Split(','))
        {
            var subnet = stacks.ControlPlane.Network.Subnets[new SubnetId(stacks.Physical(stack, logical))];
            Assert.Equal(value, attribute switch
            {
                "AssignIpv6AddressOnCreation" => subnet.AssignIpv6AddressOnCreation,
                "MapPublicIpOnLaunch" => subnet.MapPublicIpOnLaunch,
                _ => subnet.EnableDns64,
            });
        }
    }

    [Fact]
    public void CustomResource_EmulatedThenUpdated_AppliesTheNewValue()
    {
        var stacks = new Stacks();
        string Body(string value) => $"Resources:\n{Network}\n  Public:\n    Type: Custom::SubnetModify\n    Properties: {{ ServiceToken: !GetAtt Fn.Arn, SubnetId: !Ref B, MapPublicIpOnLaunch: {value} }}\n";
        var stack = stacks.Create("lesson", Body("true"));
        var subnet = new SubnetId(stacks.Physical(stack, "B"));
        Assert.True(stacks.ControlPlane.Network.Subnets[subnet].MapPublicIpOnLaunch);

        var updated = stacks.Cfn.UpdateStack(Stacks.Ctx, new CreateStackRequest("lesson", Body("false")));

        Assert.Equal("UPDATE_COMPLETE", updated.StackStatus);
        Assert.False(stacks.ControlPlane.Network.Subnets[subnet].MapPublicIpOnLaunch);
        Assert.StartsWith("Emulated by VpcLab", updated.Events.Last(e => e.LogicalResourceId == "Public").ResourceStatusReason, StringComparison.Ordinal);
    }

    [Fact]
    public void CustomResource_EmulatedOnAMissingSubnet_FailsWithEc2sErrorAndRollsBack()
    {
        var stacks = new Stacks();
        var stack = stacks.Create("lesson", $"Resources:\n{Network}\n  Bad:\n    Type: AWS::CloudFormation::CustomResource\n    Properties: {{ ServiceToken: !GetAtt Fn.Arn, SubnetId: subnet-0000000000000000f, MapPublicIpOnLaunch: true }}\n");

        Assert.Equal("ROLLBACK_COMPLETE", stack.StackStatus);
        Assert.Contains("InvalidSubnetID.NotFound", stack.Events.Single(e => e.ResourceStatus == "CREATE_FAILED").ResourceStatusReason, StringComparison.Ordinal);
        Assert.DoesNotContain(stacks.ControlPlane.Network.Subnets.Values, s => s.CidrBlock.ToString() is "10.0.1.0/24" or "10.0.2.0/24");
    }
}
