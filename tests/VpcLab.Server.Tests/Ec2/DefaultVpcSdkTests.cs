using Amazon.EC2;
using Amazon.EC2.Model;
using VpcLab.Server.Tests.Logs;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>The account's default VPC through the AWS SDK for .NET and the AWS CLI v2: the server creates it on an
/// account's first call in a Region, and requests that name no VPC or subnet land in it
/// (docs/semantics.md#default-vpc-fallback).</summary>
public sealed class DefaultVpcSdkTests : IAsyncLifetime
{
    private LoopbackEc2 _lab = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _lab = await LoopbackEc2.StartAsync(Ct);

    public async ValueTask DisposeAsync() => await _lab.DisposeAsync();

    private async Task<Vpc> DefaultVpcAsync() =>
        Assert.Single((await _lab.Client.DescribeVpcsAsync(new DescribeVpcsRequest
        {
            Filters = [new Filter("is-default", ["true"])],
        }, Ct)).Vpcs);

    // AWS RunInstances SubnetId: "If you don't specify a subnet ID, we choose a default subnet from your default VPC
    // for you" (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html); SecurityGroup.N
    // names groups of the default VPC; CreateSecurityGroup without VpcId uses the default VPC
    // (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html).
    [Fact]
    public async Task RunInstances_NoSubnetWithGroupName_DefaultSubnetOfZone()
    {
        var group = await _lab.Client.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "web", Description = "web" }, Ct);
        await _lab.Client.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupName = "web",
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 22, ToPort = 22, Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] }],
        }, Ct);
        var vpc = await DefaultVpcAsync();

        var instance = Assert.Single((await _lab.Client.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0fc50b841d13a3d05",
            InstanceType = InstanceType.T3Micro,
            MinCount = 1,
            MaxCount = 1,
            SecurityGroups = ["web"],
            Placement = new Placement { AvailabilityZone = "us-east-1b" },
        }, Ct)).Reservation.Instances);

        Assert.Equal(vpc.VpcId, instance.VpcId);
        Assert.Equal("us-east-1b", instance.Placement.AvailabilityZone);
        Assert.Equal(group.GroupId, Assert.Single(instance.SecurityGroups).GroupId);
        var subnet = Assert.Single((await _lab.Client.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [instance.SubnetId] }, Ct)).Subnets);
        Assert.True(subnet.DefaultForAz);
    }

    // AWS: without a default VPC, RunInstances without a subnet is VPCIdNotSpecified "No default VPC for this user".
    [Fact]
    public async Task RunInstances_DefaultVpcDeleted_VpcIdNotSpecified()
    {
        var vpc = await DefaultVpcAsync();
        foreach (var subnet in (await _lab.Client.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("vpc-id", [vpc.VpcId])] }, Ct)).Subnets)
            await _lab.Client.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = subnet.SubnetId }, Ct);
        var igw = Assert.Single((await _lab.Client.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest(), Ct)).InternetGateways);
        await _lab.Client.DetachInternetGatewayAsync(new DetachInternetGatewayRequest { InternetGatewayId = igw.InternetGatewayId, VpcId = vpc.VpcId }, Ct);
        await _lab.Client.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc.VpcId }, Ct);

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _lab.Client.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0fc50b841d13a3d05",
            MinCount = 1,
            MaxCount = 1,
        }, Ct));
        Assert.Equal("VPCIdNotSpecified", error.ErrorCode);
        Assert.StartsWith("No default VPC for this user", error.Message, StringComparison.Ordinal);
    }

    // The first command of many tutorials: `aws ec2 run-instances --image-id … --instance-type t3.micro`, no subnet.
    [Fact]
    public async Task AwsCliRunInstances_NoSubnet_LaunchesInDefaultVpc()
    {
        Assert.SkipUnless(AwsCli.Available, "AWS CLI v2 (/usr/bin/aws) is not installed.");
        var result = await AwsCli.RunAsync(_lab.Server.Url, "ec2", "run-instances", "--image-id", "ami-0fc50b841d13a3d05", "--instance-type", "t3.micro");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var vpc = await DefaultVpcAsync();
        var instance = result.Json["Instances"]![0]!;
        Assert.Equal(vpc.VpcId, (string?)instance["VpcId"]);
        Assert.Equal("us-east-1a", (string?)instance["Placement"]!["AvailabilityZone"]);
    }
}
