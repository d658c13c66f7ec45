using VpcLab.CloudFormation.Stacks;
using VpcLab.ControlPlane.Errors;

namespace VpcLab.CloudFormation.Tests;

/// <summary>CloudFormation tags the EC2 resources it creates with aws:cloudformation:stack-name, stack-id and
/// logical-id, and with the stack's own tags (a resource's tag of the same key wins); users cannot set or remove
/// aws: keys. https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-resource-tags.html</summary>
public sealed class StackTagTests
{
    private const string Template = """
        Resources:
          Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16, Tags: [{ Key: team, Value: network }] } }
          Subnet: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24 } }
          Ip: { Type: AWS::EC2::EIP, Properties: { Domain: vpc } }
          Table: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
          Default: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref Table, DestinationCidrBlock: 0.0.0.0/0, NetworkInterfaceId: !Ref Eni } }
          Eni: { Type: AWS::EC2::NetworkInterface, Properties: { SubnetId: !Ref Subnet } }
        """;

    [Theory]
    [InlineData("Vpc")]
    [InlineData("Subnet")]
    [InlineData("Table")]
    [InlineData("Eni")]
    public void CreateStack_Ec2Resource_CarriesTheSystemTagsAndTheStacksTags(string logicalId)
    {
        var stacks = new Stacks();
        var stack = stacks.Cfn.CreateStack(Stacks.Ctx, new CreateStackRequest("tagged", Template) { Tags = [KeyValuePair.Create("team", "platform"), KeyValuePair.Create("cost", "lab")] });

        var tags = stacks.ControlPlane.Network.Tags[stacks.Physical(stack, logicalId)].Items;
        Assert.Equal("tagged", tags["aws:cloudformation:stack-name"]);
        Assert.Equal(stack.StackId, tags["aws:cloudformation:stack-id"]);
        Assert.Equal(logicalId, tags["aws:cloudformation:logical-id"]);
        Assert.Equal("lab", tags["cost"]);
        Assert.Equal(logicalId == "Vpc" ? "network" : "platform", tags["team"]);
    }

    [Fact]
    public void CreateStack_Eip_TagsGoOnTheAllocation()
    {
        var stacks = new Stacks();
        var stack = stacks.Create("tagged", Template);
        var allocation = stacks.ControlPlane.Network.ElasticIps.Values.Single(a => a.PublicIp.ToString() == stacks.Physical(stack, "Ip")).AllocationId;
        Assert.Equal("Ip", stacks.ControlPlane.Network.Tags[allocation.Value].Items["aws:cloudformation:logical-id"]);
    }

    [Fact]
    public void CreateTags_AwsPrefix_RefusedForUsers()
    {
        var stacks = new Stacks();
        var stack = stacks.Create("tagged", Template);
        var error = Assert.Throws<Ec2Exception>(() => stacks.ControlPlane.CreateTags(Stacks.Ctx, new ControlPlane.CreateTagsRequest
        {
            Resources = [stacks.Physical(stack, "Vpc")],
            Tags = [new ControlPlane.Tag("aws:cloudformation:stack-name", "other")],
        }));
        Assert.Contains("aws:", error.Message, StringComparison.Ordinal);
    }
}
