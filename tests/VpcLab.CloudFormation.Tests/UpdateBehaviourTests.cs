using VpcLab.CloudFormation.Stacks;
using VpcLab.Model;

namespace VpcLab.CloudFormation.Tests;

/// <summary>UpdateStack changes each resource as the "Update requires" line of the changed property says on the type's
/// page of the CloudFormation template reference: in place (the same physical id, UPDATE_IN_PROGRESS and
/// UPDATE_COMPLETE, the change made through the control plane) for No interruption / Some interruptions, and by
/// replacement (a new physical id, "Requested update requires the creation of a new physical resource; hence creating
/// one.", the old one deleted in cleanup) for Replacement; a change set's Replacement says the same beforehand.
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-update-behaviors.html</summary>
public sealed class UpdateBehaviourTests
{
    private const string Page = "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/";

    private const string Template = """
        Parameters:
          DnsHostnames: { Type: String, Default: "false" }
          MapPublic: { Type: String, Default: "false" }
          SubnetCidr: { Type: String, Default: 10.0.1.0/24 }
          Port: { Type: Number, Default: 22 }
          GroupDescription: { Type: String, Default: web }
          RouteEni: { Type: String, Default: "1" }
          RouteDestination: { Type: String, Default: 10.5.0.0/16 }
          AclAction: { Type: String, Default: allow }
          AclRule: { Type: Number, Default: 100 }
          EndpointAction: { Type: String, Default: "s3:GetObject" }
          InstanceType: { Type: String, Default: t3.micro }
          InstanceIp: { Type: String, Default: 10.0.3.50 }
        Conditions:
          SecondEni: !Equals [!Ref RouteEni, "2"]
        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            Properties: { CidrBlock: 10.0.0.0/16, EnableDnsSupport: true, EnableDnsHostnames: !Ref DnsHostnames }
          Subnet:
            Type: AWS::EC2::Subnet
            Properties: { VpcId: !Ref Vpc, CidrBlock: !Ref SubnetCidr, MapPublicIpOnLaunch: !Ref MapPublic, AvailabilityZone: !Select [0, !GetAZs ""] }
          Group:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: !Ref GroupDescription
              VpcId: !Ref Vpc
              SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: !Ref Port, ToPort: !Ref Port, CidrIp: 10.0.0.0/8 }]
          Eni1: { Type: AWS::EC2::NetworkInterface, Properties: { SubnetId: !Ref Subnet } }
          Eni2: { Type: AWS::EC2::NetworkInterface, Properties: { SubnetId: !Ref Subnet } }
          Table: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
          Route:
            Type: AWS::EC2::Route
            Properties: { RouteTableId: !Ref Table, DestinationCidrBlock: !Ref RouteDestination, NetworkInterfaceId: !If [SecondEni, !Ref Eni2, !Ref Eni1] }
          Acl: { Type: AWS::EC2::NetworkAcl, Properties: { VpcId: !Ref Vpc } }
          AclEntry:
            Type: AWS::EC2::NetworkAclEntry
            Properties: { NetworkAclId: !Ref Acl, RuleNumber: !Ref AclRule, Protocol: 6, RuleAction: !Ref AclAction, Egress: false, CidrBlock: 0.0.0.0/0, PortRange: { From: 22, To: 22 } }
          Endpoint:
            Type: AWS::EC2::VPCEndpoint
            Properties:
              VpcId: !Ref Vpc
              ServiceName: !Sub com.amazonaws.${AWS::Region}.s3
              RouteTableIds: [!Ref Table]
              PolicyDocument: { Statement: [{ Effect: Allow, Principal: "*", Action: !Ref EndpointAction, Resource: "*" }] }
          ServerSubnet: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.3.0/24 } }
          Server:
            Type: AWS::EC2::Instance
            Properties: { ImageId: ami-0fc50b841d13a3d05, InstanceType: !Ref InstanceType, SubnetId: !Ref ServerSubnet, PrivateIpAddress: !Ref InstanceIp, SecurityGroupIds: [!Ref Group] }
        """;

    public static readonly TheoryData<string, string, string, string, bool> Rows = new()
    {
        // page (anchor = property), resource, parameter, new value, replaced
        { "aws-resource-ec2-vpc.html#cfn-ec2-vpc-enablednshostnames", "Vpc", "DnsHostnames", "true", false },
        { "aws-resource-ec2-subnet.html#cfn-ec2-subnet-mappubliciponlaunch", "Subnet", "MapPublic", "true", false },
        { "aws-resource-ec2-subnet.html#cfn-ec2-subnet-cidrblock", "Subnet", "SubnetCidr", "10.0.2.0/24", true },
        { "aws-resource-ec2-securitygroup.html#cfn-ec2-securitygroup-securitygroupingress", "Group", "Port", "443", false },
        { "aws-resource-ec2-securitygroup.html#cfn-ec2-securitygroup-groupdescription", "Group", "GroupDescription", "app", true },
        { "aws-resource-ec2-route.html#cfn-ec2-route-networkinterfaceid", "Route", "RouteEni", "2", false },
        { "aws-resource-ec2-route.html#cfn-ec2-route-destinationcidrblock", "Route", "RouteDestination", "10.6.0.0/16", true },
        { "aws-resource-ec2-networkaclentry.html#cfn-ec2-networkaclentry-ruleaction", "AclEntry", "AclAction", "deny", false },
        { "aws-resource-ec2-networkaclentry.html#cfn-ec2-networkaclentry-rulenumber", "AclEntry", "AclRule", "110", true },
        { "aws-resource-ec2-vpcendpoint.html#cfn-ec2-vpcendpoint-policydocument", "Endpoint", "EndpointAction", "s3:PutObject", false },
        { "aws-resource-ec2-instance.html#cfn-ec2-instance-instancetype", "Server", "InstanceType", "t3.small", false },
        { "aws-resource-ec2-instance.html#cfn-ec2-instance-privateipaddress", "Server", "InstanceIp", "10.0.3.60", true },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void UpdateStack_PropertyChanges_InPlaceOrReplacedAsThePageSays(string page, string resource, string parameter, string value, bool replaced)
    {
        var stacks = new Stacks();
        var before = stacks.Create("s", Template);
        Assert.True(before.StackStatus == "CREATE_COMPLETE", Events(before));
        var request = new CreateStackRequest("s", Template) { Parameters = new Dictionary<string, string> { [parameter] = value } };

        var changeSet = stacks.Cfn.ChangeSets.CreateChangeSet(Stacks.Ctx, request, "plan", "UPDATE");
        Assert.Equal(replaced ? "True" : "False", changeSet.Changes.Single(c => c.LogicalResourceId == resource).Replacement);
        var after = stacks.Cfn.UpdateStack(Stacks.Ctx, request);

        Assert.True(after.StackStatus == "UPDATE_COMPLETE", $"{Page}{page}\n{Events(after)}");
        var (oldId, newId) = (stacks.Physical(before, resource), stacks.Physical(after, resource));
        Assert.True(replaced ? oldId != newId : oldId == newId, $"{Page}{page}: {oldId} → {newId}");
        var started = after.Events.First(e => e.LogicalResourceId == resource && e.ResourceStatus == "UPDATE_IN_PROGRESS");
        Assert.Equal(replaced ? UpdateBehaviour.ReplacementReason : null, started.ResourceStatusReason);
        Assert.Equal(replaced, after.Events.Any(e => e.LogicalResourceId == resource && e.ResourceStatus == "DELETE_COMPLETE" && e.PhysicalResourceId == oldId));
        Assert.True(InTheWorld(stacks, after, parameter, value), $"{Page}{page}: the control plane does not show {parameter}={value}");
    }

    [Fact]
    public void UpdateStack_InPlaceChangeEc2Refuses_RolledBackToTheOldValue()
    {
        var stacks = new Stacks();
        var before = stacks.Create("s", Template);
        // Two ingress rules that are the same permission: EC2 refuses the second (InvalidPermission.Duplicate).
        var duplicate = Template.Replace(
            "SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: !Ref Port, ToPort: !Ref Port, CidrIp: 10.0.0.0/8 }]",
            "SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: !Ref Port, ToPort: !Ref Port, CidrIp: 10.0.0.0/8 }, { IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 10.0.0.0/8, Description: a }, { IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 10.0.0.0/8, Description: b }]",
            StringComparison.Ordinal);
        var after = stacks.Cfn.UpdateStack(Stacks.Ctx, new CreateStackRequest("s", duplicate) { Parameters = new Dictionary<string, string> { ["MapPublic"] = "true" } });

        Assert.Equal("UPDATE_ROLLBACK_COMPLETE", after.StackStatus);
        Assert.Contains(after.Events, e => e.LogicalResourceId == "Group" && e.ResourceStatus == "UPDATE_FAILED" && e.ResourceStatusReason!.Contains("InvalidPermission.Duplicate", StringComparison.Ordinal));
        var group = stacks.ControlPlane.Network.SecurityGroups[new SecurityGroupId(stacks.Physical(before, "Group"))];
        Assert.Equal([22], group.Rules.Where(r => !r.IsEgress).Select(r => r.FromPort));
        Assert.False(stacks.ControlPlane.Network.Subnets[new SubnetId(stacks.Physical(before, "Subnet"))].MapPublicIpOnLaunch);
    }

    private static bool InTheWorld(Stacks stacks, Stack stack, string parameter, string value)
    {
        var network = stacks.ControlPlane.Network;
        string Id(string logicalId) => stacks.Physical(stack, logicalId);
        return parameter switch
        {
            "DnsHostnames" => network.Vpcs[new VpcId(Id("Vpc"))].EnableDnsHostnames,
            "MapPublic" => network.Subnets[new SubnetId(Id("Subnet"))].MapPublicIpOnLaunch,
            "SubnetCidr" => network.Subnets[new SubnetId(Id("Subnet"))].CidrBlock.ToString() == value && network.Subnets.Count(s => s.Value.VpcId.Value == Id("Vpc")) == 2,
            "Port" => network.SecurityGroups[new SecurityGroupId(Id("Group"))].Rules.Where(r => !r.IsEgress).Select(r => r.FromPort).SequenceEqual([443]),
            "GroupDescription" => network.SecurityGroups[new SecurityGroupId(Id("Group"))].Description == value,
            "RouteEni" => Routes(stacks, stack).Single(r => r.Destination.Cidr?.ToString() == "10.5.0.0/16").Target.Id == Id("Eni2"),
            "RouteDestination" => Routes(stacks, stack).Count(r => !r.IsLocal && r.Destination.Cidr is not null) == 1 && Routes(stacks, stack).Any(r => r.Destination.Cidr?.ToString() == value),
            "AclAction" => Acl(stacks, stack).Entries.Single(e => e.RuleNumber == 100).Action == RuleAction.Deny,
            "AclRule" => Acl(stacks, stack).Entries.Where(e => !e.Egress && e.RuleNumber < 32767).Select(e => e.RuleNumber).SequenceEqual([110]),
            "EndpointAction" => network.VpcEndpoints[new VpcEndpointId(Id("Endpoint"))].PolicyDocument.Contains(value, StringComparison.Ordinal),
            "InstanceType" => network.Instances[new InstanceId(Id("Server"))] is { InstanceType: "t3.small", State: InstanceState.Running },
            "InstanceIp" => network.Instances[new InstanceId(Id("Server"))].State == InstanceState.Running,
            _ => throw new ArgumentOutOfRangeException(nameof(parameter)),
        };
    }

    private static System.Collections.Immutable.ImmutableArray<Route> Routes(Stacks stacks, Stack stack) =>
        stacks.ControlPlane.Network.RouteTables[new RouteTableId(stacks.Physical(stack, "Table"))].Routes;

    private static NetworkAcl Acl(Stacks stacks, Stack stack) =>
        stacks.ControlPlane.Network.NetworkAcls[new NetworkAclId(stacks.Physical(stack, "Acl"))];

    private static string Events(Stack stack) =>
        string.Join("\n", stack.Events.Select(e => $"{e.LogicalResourceId} {e.ResourceStatus} {e.ResourceStatusReason}"));
}
