using VpcLab.CloudFormation.Stacks;
using VpcLab.Model;

namespace VpcLab.CloudFormation.Tests;

/// <summary>Updates AWS documents as "No interruption": AWS::EC2::VPCEndpointService AcceptanceRequired
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcendpointservice.html) and
/// AWS::EC2::Subnet PrivateDnsNameOptionsOnLaunch
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ec2-subnet-privatednsnameoptionsonlaunch.html)
/// change the resource in place, keeping its physical id.</summary>
public sealed class PrivateLinkAndHostnameUpdateTests
{
    private const string Template = """
        Parameters:
          Acceptance: { Type: String, Default: "false" }
          HostnameType: { Type: String, Default: ip-name }
        Resources:
          Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
          V6: { Type: AWS::EC2::VPCCidrBlock, Properties: { VpcId: !Ref Vpc, AmazonProvidedIpv6CidrBlock: true } }
          Subnet: { Type: AWS::EC2::Subnet, DependsOn: V6, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1a, Ipv6CidrBlock: !Select [0, !Cidr [!Select [0, !GetAtt Vpc.Ipv6CidrBlocks], 1, 64]], PrivateDnsNameOptionsOnLaunch: { HostnameType: !Ref HostnameType, EnableResourceNameDnsAAAARecord: true } } }
          Nlb: { Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: { Type: network, Scheme: internal, Subnets: [!Ref Subnet] } }
          Service: { Type: AWS::EC2::VPCEndpointService, Properties: { NetworkLoadBalancerArns: [!Ref Nlb], AcceptanceRequired: !Ref Acceptance } }
        """;

    [Fact]
    public void UpdateStack_AcceptanceAndHostnameTypeChange_ModifiedInPlace()
    {
        var stacks = new Stacks();
        var before = stacks.Create("s", Template);
        Assert.Equal("CREATE_COMPLETE", before.StackStatus);
        var after = stacks.Cfn.UpdateStack(Stacks.Ctx, new CreateStackRequest("s", Template)
        {
            Parameters = new Dictionary<string, string> { ["Acceptance"] = "true", ["HostnameType"] = "resource-name" },
        });
        Assert.True(after.StackStatus == "UPDATE_COMPLETE", string.Join("\n", after.Events.Select(e => $"{e.LogicalResourceId} {e.ResourceStatus} {e.ResourceStatusReason}")));
        Assert.Equal(stacks.Physical(before, "Service"), stacks.Physical(after, "Service"));
        Assert.Equal(stacks.Physical(before, "Subnet"), stacks.Physical(after, "Subnet"));
        var network = stacks.ControlPlane.Network;
        Assert.True(network.VpcEndpointServiceConfigurations[new VpcEndpointServiceId(stacks.Physical(after, "Service"))].AcceptanceRequired);
        Assert.Equal(new PrivateDnsNameOptions(HostnameType.ResourceName, false, true),
            network.Subnets[new SubnetId(stacks.Physical(after, "Subnet"))].PrivateDnsNameOptionsOnLaunch);
    }
}
