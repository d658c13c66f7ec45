using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests;

/// <summary>What AWS resolves in the account's default VPC when a request names no VPC or subnet
/// (docs/semantics.md#default-vpc-fallback).</summary>
public sealed class DefaultVpcFallbackTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    private static (TestLab Lab, Vpc DefaultVpc) WithDefaultVpc()
    {
        var lab = new TestLab();
        return (lab, lab.Cp.CreateDefaultVpc(Ctx, new CreateDefaultVpcRequest()).Vpc);
    }

    private static RunInstancesRequest Launch(string? zone = null, IReadOnlyList<string>? groupNames = null, string? subnet = null) => new()
    {
        MinCount = 1,
        MaxCount = 1,
        Placement = zone is null ? null : new InstancePlacement { AvailabilityZone = zone },
        SecurityGroups = groupNames,
        SubnetId = subnet,
    };

    // AWS RunInstances SubnetId: "If you don't specify a subnet ID, we choose a default subnet from your default VPC
    // for you" (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html); Placement's zone
    // picks that zone's default subnet. Without a zone the lab's choice is the Region's first zone.
    [Theory]
    [InlineData(null, "us-east-1a")]
    [InlineData("us-east-1c", "us-east-1c")]
    [InlineData("us-east-1f", "us-east-1f")]
    public void RunInstances_NoSubnet_LaunchesIntoDefaultSubnetOfZone(string? zone, string expectedZone)
    {
        var (lab, vpc) = WithDefaultVpc();
        var instance = Assert.Single(lab.Cp.RunInstances(Ctx, Launch(zone)).Instances);

        var subnet = lab.N.Subnets[instance.SubnetId];
        Assert.Equal(vpc.Id, instance.VpcId);
        Assert.True(subnet.DefaultForAz);
        Assert.Equal(expectedZone, subnet.AvailabilityZone.Name);
        var eni = lab.N.NetworkInterfaces[instance.NetworkInterfaces[0]];
        Assert.Equal([lab.N.DefaultSecurityGroup(vpc.Id).Id], eni.Groups);
        // AWS: default subnets map public IPv4 addresses on launch.
        Assert.NotNull(eni.PrivateIpAddresses[0].AutoAssignedPublicIp);
    }

    // AWS RunInstances SecurityGroup.N: "[Default VPC] The names of the security groups"; the default group otherwise.
    [Fact]
    public void RunInstances_GroupNames_ResolvedInDefaultVpc()
    {
        var (lab, vpc) = WithDefaultVpc();
        var web = lab.Cp.CreateSecurityGroup(Ctx, new CreateSecurityGroupRequest { GroupName = "web", Description = "d" }).GroupId;

        var instance = Assert.Single(lab.Cp.RunInstances(Ctx, Launch(groupNames: ["web"])).Instances);

        Assert.Equal([new SecurityGroupId(web)], lab.N.NetworkInterfaces[instance.NetworkInterfaces[0]].Groups);
        Assert.Equal(vpc.Id, lab.N.SecurityGroups[new SecurityGroupId(web)].VpcId);
    }

    public static TheoryData<string, string> WithoutDefaultVpc => new()
    {
        // AWS: "VPCIdNotSpecified: No default VPC for this user" (RunInstances without subnet, CreateSecurityGroup
        // without VpcId); GroupName alone is "only supported for EC2-Classic and default VPC"
        // (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html).
        { "RunInstances", "No default VPC for this user" },
        { "CreateSecurityGroup", "No default VPC for this user" },
        { "AuthorizeSecurityGroupIngress", "GroupName is only supported for EC2-Classic and default VPC" },
        { "RevokeSecurityGroupIngress", "GroupName is only supported for EC2-Classic and default VPC" },
        { "DeleteSecurityGroup", "GroupName is only supported for EC2-Classic and default VPC" },
        { "DescribeSecurityGroups", "GroupName is only supported for EC2-Classic and default VPC" },
        { "RunInstances with names", "No default VPC for this user" },
    };

    [Theory]
    [MemberData(nameof(WithoutDefaultVpc))]
    public void DefaultVpcFallback_NoDefaultVpc_VpcIdNotSpecified(string operation, string message)
    {
        var lab = new TestLab();
        lab.Vpc();
        var error = lab.Fails(InstanceErrors.VpcIdNotSpecifiedCode, () => Call(lab, operation, "web"));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> ByName => ["AuthorizeSecurityGroupIngress", "RevokeSecurityGroupIngress", "DeleteSecurityGroup", "DescribeSecurityGroups", "RunInstances with names"];

    // AWS: a name alone is looked up in the default VPC only; a group of that name in another VPC does not count
    // ("The security group 'x' does not exist in default VPC 'vpc-…'", InvalidGroup.NotFound).
    [Theory]
    [MemberData(nameof(ByName))]
    public void DefaultVpcFallback_NameOnlyInOtherVpc_InvalidGroupNotFound(string operation)
    {
        var (lab, vpc) = WithDefaultVpc();
        lab.Group(lab.Vpc(), "web");
        var error = lab.Fails(ResourceIdErrors.InvalidGroupNotFound, () => Call(lab, operation, "web"));
        Assert.Equal($"The security group 'web' does not exist in default VPC '{vpc.Id}'", error.Message);
    }

    // AWS CreateSecurityGroup VpcId: "[Default VPC]" when omitted; Authorize/Revoke/Delete/Describe by GroupName
    // and SourceSecurityGroupName then address it
    // (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html).
    [Fact]
    public void CreateSecurityGroup_NoVpcId_DefaultVpcAndAddressableByName()
    {
        var (lab, vpc) = WithDefaultVpc();
        var web = lab.Cp.CreateSecurityGroup(Ctx, new CreateSecurityGroupRequest { GroupName = "web", Description = "d" }).SecurityGroup!;
        lab.Cp.CreateSecurityGroup(Ctx, new CreateSecurityGroupRequest { GroupName = "lb", Description = "d" });
        Assert.Equal(vpc.Id, web.VpcId);

        lab.Cp.AuthorizeSecurityGroupIngress(Ctx, new AuthorizeSecurityGroupIngressRequest { GroupName = "web", SourceSecurityGroupName = "lb" });
        var rule = Assert.Single(lab.N.SecurityGroups[web.Id].Rules, r => !r.IsEgress);
        Assert.Equal(lab.N.SecurityGroups.Values.Single(g => g.GroupName == "lb").Id, Assert.IsType<SecurityGroupPeer>(rule.Peer).GroupId);
        var described = lab.Cp.DescribeSecurityGroups(Ctx, new DescribeSecurityGroupsRequest { GroupNames = ["web", "default"] }).SecurityGroups;
        Assert.Equal(2, described.Count);
        Assert.All(described, g => Assert.Equal(vpc.Id, g.VpcId));

        lab.Cp.RevokeSecurityGroupIngress(Ctx, new RevokeSecurityGroupIngressRequest { GroupName = "web", SourceSecurityGroupName = "lb" });
        lab.Cp.DeleteSecurityGroup(Ctx, new DeleteSecurityGroupRequest { GroupName = "web" });
        Assert.False(lab.N.SecurityGroups.ContainsKey(web.Id));
    }

    public static TheoryData<string, string> BadDefaultLaunches => new()
    {
        // AWS: a zone that is not one of the Region's is InvalidParameterValue "Invalid availability zone".
        { "unknown zone", "InvalidParameterValue" },
        // AWS: "MissingInput: No subnets found for the default VPC 'vpc-…'. Please specify a subnet."
        { "no default subnets", "MissingInput" },
        // AWS: "No default subnet for availability zone" when that zone's default subnet was deleted.
        { "zone without default subnet", "MissingInput" },
        // AWS: "The parameter groupName cannot be used with the parameter subnet".
        { "names with subnet", "InvalidParameterCombination" },
    };

    [Theory]
    [MemberData(nameof(BadDefaultLaunches))]
    public void RunInstances_BadDefaultLaunch_Refused(string kind, string code)
    {
        var (lab, vpc) = WithDefaultVpc();
        var defaults = lab.N.SubnetsOf(vpc.Id).ToList();
        foreach (var subnet in kind switch { "no default subnets" => defaults, "zone without default subnet" => defaults.Where(s => s.AvailabilityZone.Name == "us-east-1b"), _ => [] })
            lab.Cp.DeleteSubnet(Ctx, new DeleteSubnetRequest { SubnetId = subnet.Id.Value });
        var request = kind switch
        {
            "unknown zone" => Launch("us-east-1z"),
            "zone without default subnet" => Launch("us-east-1b"),
            "names with subnet" => Launch(groupNames: ["default"], subnet: defaults[0].Id.Value),
            _ => Launch(),
        };
        lab.FailsWith(code, () => lab.Cp.RunInstances(Ctx, request));
    }

    private static object Call(TestLab lab, string operation, string name) => operation switch
    {
        "RunInstances" => lab.Cp.RunInstances(Ctx, Launch()),
        "RunInstances with names" => lab.Cp.RunInstances(Ctx, Launch(groupNames: [name])),
        "CreateSecurityGroup" => lab.Cp.CreateSecurityGroup(Ctx, new CreateSecurityGroupRequest { GroupName = name, Description = "d" }),
        "AuthorizeSecurityGroupIngress" => lab.Cp.AuthorizeSecurityGroupIngress(Ctx,
            new AuthorizeSecurityGroupIngressRequest { GroupName = name, IpProtocol = "tcp", FromPort = 22, ToPort = 22, CidrIp = "10.0.0.0/8" }),
        "RevokeSecurityGroupIngress" => lab.Cp.RevokeSecurityGroupIngress(Ctx,
            new RevokeSecurityGroupIngressRequest { GroupName = name, IpProtocol = "tcp", FromPort = 22, ToPort = 22, CidrIp = "10.0.0.0/8" }),
        "DeleteSecurityGroup" => lab.Cp.DeleteSecurityGroup(Ctx, new DeleteSecurityGroupRequest { GroupName = name }),
        "DescribeSecurityGroups" => lab.Cp.DescribeSecurityGroups(Ctx, new DescribeSecurityGroupsRequest { GroupNames = [name] }),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };
}
