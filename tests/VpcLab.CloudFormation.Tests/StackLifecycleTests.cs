using VpcLab.Model;

namespace VpcLab.CloudFormation.Tests;

/// <summary>Stacks created, rolled back and deleted through the control plane, as CloudFormation's stack lifecycle
/// describes (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stack-failure-options.html,
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-deletionpolicy.html).</summary>
public sealed class StackLifecycleTests
{
    private const string PublicSubnet = """
        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            Properties: { CidrBlock: 10.0.0.0/16, EnableDnsHostnames: true }
          Igw: { Type: AWS::EC2::InternetGateway }
          Attach:
            Type: AWS::EC2::VPCGatewayAttachment
            Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw }
          Subnet:
            Type: AWS::EC2::Subnet
            Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: !Select [0, !GetAZs ''], MapPublicIpOnLaunch: true }
          Table:
            Type: AWS::EC2::RouteTable
            Properties: { VpcId: !Ref Vpc }
          Default:
            Type: AWS::EC2::Route
            DependsOn: Attach
            Properties: { RouteTableId: !Ref Table, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw }
          Assoc:
            Type: AWS::EC2::SubnetRouteTableAssociation
            Properties: { SubnetId: !Ref Subnet, RouteTableId: !Ref Table }
        """;

    [Fact]
    public void CreateStack_PublicSubnet_MakesTheWorldThroughEc2()
    {
        var stacks = new Stacks();
        var stack = stacks.Create("web", PublicSubnet);
        Assert.Equal("CREATE_COMPLETE", stack.StackStatus);
        var network = stacks.ControlPlane.Network;
        var vpc = network.Vpcs[new VpcId(stacks.Physical(stack, "Vpc"))];
        Assert.True(vpc.EnableDnsHostnames);
        var subnet = network.Subnets[new SubnetId(stacks.Physical(stack, "Subnet"))];
        Assert.True(subnet.MapPublicIpOnLaunch);
        Assert.Equal("us-east-1a", subnet.AvailabilityZone.Name);
        var table = network.RouteTables[new RouteTableId(stacks.Physical(stack, "Table"))];
        Assert.Contains(table.Routes, r => r.Destination.ToString() == "0.0.0.0/0");
        Assert.Contains(table.Associations, a => a.SubnetId == subnet.Id);
        Assert.Equal("CREATE_COMPLETE", stack.Events[^1].ResourceStatus);
        Assert.Equal("AWS::CloudFormation::Stack", stack.Events[^1].ResourceType);
    }

    [Fact]
    public void DeleteStack_DeletesInReverseOrder_LeavingNothing()
    {
        var stacks = new Stacks();
        var before = stacks.ControlPlane.Network;
        var stack = stacks.Create("web", PublicSubnet);
        var deleted = stacks.Cfn.DeleteStack(Stacks.Ctx, "web");
        Assert.Equal("DELETE_COMPLETE", deleted.StackStatus);
        var after = stacks.ControlPlane.Network;
        Assert.Equal(before.Vpcs.Count, after.Vpcs.Count);
        Assert.Equal(before.InternetGateways.Count, after.InternetGateways.Count);
        var deletes = deleted.Events.Where(e => e.ResourceStatus == "DELETE_COMPLETE" && e.ResourceType != "AWS::CloudFormation::Stack").Select(e => e.LogicalResourceId).ToList();
        Assert.Equal(["Assoc", "Default", "Table", "Subnet", "Attach", "Igw", "Vpc"], deletes);
        Assert.Null(stacks.Cfn.Find(Stacks.Ctx, "web"));
        Assert.NotNull(stacks.Cfn.Find(Stacks.Ctx, stack.StackId)); // a deleted stack is still found by its id
    }

    [Fact]
    public void CreateStack_Ec2RefusesMidway_RollsBackEverythingAndNamesTheError()
    {
        var stacks = new Stacks();
        var before = stacks.ControlPlane.Network;
        var body = PublicSubnet + "\n" + """
              Bad:
                Type: AWS::EC2::Subnet
                DependsOn: Assoc
                Properties: { VpcId: !Ref Vpc, CidrBlock: 10.9.0.0/24 }
            """;
        var stack = stacks.Create("web", body);
        Assert.Equal("ROLLBACK_COMPLETE", stack.StackStatus);
        var failed = stack.Events.Single(e => e.ResourceStatus == "CREATE_FAILED");
        Assert.Equal("Bad", failed.LogicalResourceId);
        Assert.Contains("InvalidSubnet.Range", failed.ResourceStatusReason, StringComparison.Ordinal);
        Assert.Contains(stack.Events, e => e.ResourceStatus == "ROLLBACK_IN_PROGRESS"
            && e.ResourceStatusReason == "The following resource(s) failed to create: [Bad]. Rollback requested by user.");
        var after = stacks.ControlPlane.Network;
        Assert.Equal(before.Vpcs.Count, after.Vpcs.Count);
        Assert.Equal(before.Subnets.Count, after.Subnets.Count);
        Assert.Equal(before.InternetGateways.Count, after.InternetGateways.Count);
        Assert.Equal(before.RouteTables.Count, after.RouteTables.Count);
    }

    [Fact]
    public void DeleteStack_DeletionPolicyRetain_KeepsTheResource()
    {
        var stacks = new Stacks();
        var stack = stacks.Create("keep", """
            Resources:
              Vpc:
                Type: AWS::EC2::VPC
                DeletionPolicy: Retain
                Properties: { CidrBlock: 10.0.0.0/16 }
            """);
        var deleted = stacks.Cfn.DeleteStack(Stacks.Ctx, "keep");
        Assert.Equal("DELETE_COMPLETE", deleted.StackStatus);
        Assert.Contains(deleted.Events, e => e.LogicalResourceId == "Vpc" && e.ResourceStatus == "DELETE_SKIPPED");
        Assert.True(stacks.ControlPlane.Network.Vpcs.ContainsKey(new VpcId(stacks.Physical(stack, "Vpc"))));
    }

    [Fact]
    public void ImportValue_AcrossStacks_ResolvesAndBlocksTheExportersDelete()
    {
        var stacks = new Stacks();
        var network = stacks.Create("net", """
            Resources:
              Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
            Outputs:
              VpcId: { Value: !Ref Vpc, Export: { Name: !Sub '${AWS::StackName}-VpcId' } }
            """);
        var app = stacks.Create("app", """
            Resources:
              Subnet:
                Type: AWS::EC2::Subnet
                Properties: { VpcId: !ImportValue net-VpcId, CidrBlock: 10.0.5.0/24 }
            """);
        Assert.Equal("CREATE_COMPLETE", app.StackStatus);
        Assert.Equal(stacks.Physical(network, "Vpc"), stacks.ControlPlane.Network.Subnets[new SubnetId(stacks.Physical(app, "Subnet"))].VpcId.Value);
        Assert.Single(stacks.Cfn.Exports(Stacks.Ctx), e => e.Name == "net-VpcId");
        var refused = stacks.Cfn.DeleteStack(Stacks.Ctx, "net");
        Assert.Equal("DELETE_FAILED", refused.StackStatus);
        Assert.Equal("Export net-VpcId cannot be deleted as it is in use by app", refused.StackStatusReason);
        Assert.True(stacks.ControlPlane.Network.Vpcs.ContainsKey(new VpcId(stacks.Physical(network, "Vpc"))));
    }

    [Fact]
    public void SecurityGroup_SelfReferenceThroughIngressResource_CreatesTheRule()
    {
        var stacks = new Stacks();
        var stack = stacks.Create("app", """
            Resources:
              Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
              Sg:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: app
                  VpcId: !Ref Vpc
                  SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.0.0.0/16 }]
                  SecurityGroupEgress: [{ IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }]
              Self:
                Type: AWS::EC2::SecurityGroupIngress
                Properties: { GroupId: !Ref Sg, IpProtocol: -1, SourceSecurityGroupId: !GetAtt Sg.GroupId }
            """);
        Assert.True(stack.StackStatus == "CREATE_COMPLETE", string.Join("\n", stack.Events.Select(e => e.ResourceStatusReason)));
        var group = stacks.ControlPlane.Network.SecurityGroups[new SecurityGroupId(stacks.Physical(stack, "Sg"))];
        Assert.Equal(2, group.Rules.Count(r => !r.IsEgress));
        Assert.Single(group.Rules, r => r.IsEgress); // the default allow-all egress was replaced
        Assert.StartsWith("sgr-", stacks.Physical(stack, "Self"), StringComparison.Ordinal);
    }

    [Fact]
    public void Ipv6Lesson_VpcCidrBlockAndSubnetsFromCidrOfGetAtt_Deploy()
    {
        var stacks = new Stacks();
        var stack = stacks.Create("v6", """
            Resources:
              Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
              V6:
                Type: AWS::EC2::VPCCidrBlock
                Properties: { VpcId: !Ref Vpc, AmazonProvidedIpv6CidrBlock: true }
              Subnet:
                Type: AWS::EC2::Subnet
                DependsOn: V6
                Properties:
                  VpcId: !Ref Vpc
                  CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]
                  Ipv6CidrBlock: !Select [2, !Cidr [!Select [0, !GetAtt Vpc.Ipv6CidrBlocks], 4, 64]]
                  AssignIpv6AddressOnCreation: true
              Eigw: { Type: AWS::EC2::EgressOnlyInternetGateway, Properties: { VpcId: !Ref Vpc } }
            """);
        Assert.True(stack.StackStatus == "CREATE_COMPLETE", stack.StackStatusReason);
        var vpc = stacks.ControlPlane.Network.Vpcs[new VpcId(stacks.Physical(stack, "Vpc"))];
        var subnet = stacks.ControlPlane.Network.Subnets[new SubnetId(stacks.Physical(stack, "Subnet"))];
        Assert.Equal("10.0.0.0/24", subnet.CidrBlock.ToString());
        Assert.Equal(vpc.Ipv6CidrBlocks[0].Cidr.Subnet(64, 2), subnet.Ipv6Cidr);
        Assert.True(subnet.AssignIpv6AddressOnCreation);
    }

    [Fact]
    public void UnmodelledType_FailsNamingIt_UnlessSkipped()
    {
        const string body = """
            Resources:
              Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
              Db: { Type: AWS::RDS::DBInstance, DependsOn: Vpc, Properties: { Engine: mysql } }
              Tweak: { Type: Custom::SubnetAttributes, Properties: { ServiceToken: arn:aws:lambda:us-east-1:111111111111:function:x } }
            """;
        var failed = new Stacks().Create("a", body);
        Assert.Equal("ROLLBACK_COMPLETE", failed.StackStatus);
        Assert.Contains("AWS::RDS::DBInstance", failed.Events.Single(e => e.ResourceStatus == "CREATE_FAILED").ResourceStatusReason, StringComparison.Ordinal);
        var skipped = new Stacks().Create("a", body, skip: true);
        Assert.Equal("CREATE_COMPLETE", skipped.StackStatus);
        Assert.Contains(skipped.Events, e => e.LogicalResourceId == "Db" && e.ResourceStatusReason?.StartsWith("Skipped by VpcLab", StringComparison.Ordinal) == true);
        Assert.Contains(skipped.Events, e => e.LogicalResourceId == "Tweak" && e.ResourceStatusReason?.Contains("custom resource", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void StoredTypes_IamAndSsm_ResolveReferences()
    {
        var stack = new Stacks().Create("iam", """
            Resources:
              Role: { Type: AWS::IAM::Role, Properties: { AssumeRolePolicyDocument: {} } }
              Profile: { Type: AWS::IAM::InstanceProfile, Properties: { Roles: [!Ref Role] } }
              Param: { Type: AWS::SSM::Parameter, Properties: { Name: /lab/x, Type: String, Value: hello } }
            Outputs:
              Arn: { Value: !GetAtt Profile.Arn }
              Value: { Value: !GetAtt Param.Value }
            """);
        Assert.Equal("CREATE_COMPLETE", stack.StackStatus);
        Assert.StartsWith("arn:aws:iam::111111111111:instance-profile/iam-Profile-", Stacks.Output(stack, "Arn"), StringComparison.Ordinal);
        Assert.Equal("hello", Stacks.Output(stack, "Value"));
    }

    [Fact]
    public void SsmParameterType_ResolvesThroughTheSeam()
    {
        var stack = new Stacks().Create("ami", """
            Parameters:
              Ami: { Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 }
            Resources:
              Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
            Outputs:
              Ami: { Value: !Ref Ami }
            """);
        Assert.Equal("CREATE_COMPLETE", stack.StackStatus);
        Assert.Matches("^ami-[0-9a-f]{17}$", Stacks.Output(stack, "Ami"));
        Assert.Equal(Stacks.Output(stack, "Ami"), stack.Parameters.Single().ResolvedValue);
    }
}
