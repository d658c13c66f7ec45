using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests;

public sealed class DryRunTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    private sealed record World(TestLab Lab, Vpc Vpc, Subnet Subnet, SecurityGroup Group, Instance Instance, NetworkAcl Acl, RouteTable Table,
        Vpc SpareVpc, Subnet SpareSubnet);

    private static World Make()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var subnet = lab.Subnet(vpc);
        var group = lab.Group(vpc);
        var instance = lab.Instance(subnet);
        var acl = lab.Cp.CreateNetworkAcl(Ctx, new CreateNetworkAclRequest { VpcId = vpc.Id.Value }).NetworkAcl;
        var table = lab.Cp.CreateRouteTable(Ctx, new CreateRouteTableRequest { VpcId = vpc.Id.Value }).RouteTable;
        return new World(lab, vpc, subnet, group, instance, acl, table, lab.Vpc("10.8.0.0/16"), lab.Subnet(vpc, "10.0.8.0/24"));
    }

    public static TheoryData<string> Operations =>
    [
        "CreateVpc", "DeleteVpc", "CreateSubnet", "DeleteSubnet", "CreateRouteTable", "DeleteRouteTable", "CreateRoute",
        "AssociateRouteTable", "CreateInternetGateway", "AllocateAddress", "CreateSecurityGroup", "DeleteSecurityGroup",
        "AuthorizeSecurityGroupIngress", "CreateNetworkAcl", "CreateNetworkAclEntry", "CreateNetworkInterface", "RunInstances",
        "StopInstances", "TerminateInstances", "CreateTags", "CreateManagedPrefixList", "DescribeVpcs",
    ];

    // AWS: DryRun=true validates, then answers DryRunOperation (HTTP 412) and changes nothing.
    [Theory]
    [MemberData(nameof(Operations))]
    public void Operation_DryRunValid_DryRunOperation412NothingChanged(string operation)
    {
        var w = Make();
        var cp = w.Lab.Cp;
        var error = w.Lab.Fails(Ec2Errors.DryRunOperationCode, () => Invoke(w, cp, operation, dryRun: true));
        Assert.Equal("Request would have succeeded, but DryRun flag is set.", error.Message);
        Assert.Equal(412, error.HttpStatus);
    }

    // DryRun does not hide a validation error: the real error comes first.
    [Fact]
    public void CreateVpc_DryRunInvalid_RealError()
    {
        var lab = new TestLab();
        lab.Fails(VpcErrors.InvalidVpcRange, () => lab.Cp.CreateVpc(Ctx, new CreateVpcRequest { CidrBlock = "10.0.0.0/8", DryRun = true }));
    }

    private static object Invoke(World w, Ec2ControlPlane cp, string operation, bool dryRun) => operation switch
    {
        "CreateVpc" => cp.CreateVpc(Ctx, new CreateVpcRequest { CidrBlock = "10.9.0.0/16", DryRun = dryRun }),
        "DeleteVpc" => cp.DeleteVpc(Ctx, new DeleteVpcRequest { VpcId = w.SpareVpc.Id.Value, DryRun = dryRun }),
        "CreateSubnet" => cp.CreateSubnet(Ctx, new CreateSubnetRequest { VpcId = w.Vpc.Id.Value, CidrBlock = "10.0.9.0/24", DryRun = dryRun }),
        "DeleteSubnet" => cp.DeleteSubnet(Ctx, new DeleteSubnetRequest { SubnetId = w.SpareSubnet.Id.Value, DryRun = dryRun }),
        "CreateRouteTable" => cp.CreateRouteTable(Ctx, new CreateRouteTableRequest { VpcId = w.Vpc.Id.Value, DryRun = dryRun }),
        "DeleteRouteTable" => cp.DeleteRouteTable(Ctx, new DeleteRouteTableRequest { RouteTableId = w.Table.Id.Value, DryRun = dryRun }),
        "CreateRoute" => cp.CreateRoute(Ctx, new CreateRouteRequest { RouteTableId = w.Table.Id.Value, DestinationCidrBlock = "0.0.0.0/0", InstanceId = w.Instance.Id.Value, DryRun = dryRun }),
        "AssociateRouteTable" => cp.AssociateRouteTable(Ctx, new AssociateRouteTableRequest { RouteTableId = w.Table.Id.Value, SubnetId = w.Subnet.Id.Value, DryRun = dryRun }),
        "CreateInternetGateway" => cp.CreateInternetGateway(Ctx, new CreateInternetGatewayRequest { DryRun = dryRun }),
        "AllocateAddress" => cp.AllocateAddress(Ctx, new AllocateAddressRequest { DryRun = dryRun }),
        "CreateSecurityGroup" => cp.CreateSecurityGroup(Ctx, new CreateSecurityGroupRequest { GroupName = "x", Description = "x", VpcId = w.Vpc.Id.Value, DryRun = dryRun }),
        "DeleteSecurityGroup" => cp.DeleteSecurityGroup(Ctx, new DeleteSecurityGroupRequest { GroupId = w.Group.Id.Value, DryRun = dryRun }),
        "AuthorizeSecurityGroupIngress" => cp.AuthorizeSecurityGroupIngress(Ctx, new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = w.Group.Id.Value, IpProtocol = "tcp", FromPort = 22, ToPort = 22, CidrIp = "10.0.0.0/8", DryRun = dryRun,
        }),
        "CreateNetworkAcl" => cp.CreateNetworkAcl(Ctx, new CreateNetworkAclRequest { VpcId = w.Vpc.Id.Value, DryRun = dryRun }),
        "CreateNetworkAclEntry" => cp.CreateNetworkAclEntry(Ctx, new CreateNetworkAclEntryRequest
        {
            NetworkAclId = w.Acl.Id.Value, RuleNumber = 1, Protocol = "-1", RuleAction = "allow", Egress = false, CidrBlock = "0.0.0.0/0", DryRun = dryRun,
        }),
        "CreateNetworkInterface" => cp.CreateNetworkInterface(Ctx, new CreateNetworkInterfaceRequest { SubnetId = w.Subnet.Id.Value, DryRun = dryRun }),
        "RunInstances" => cp.RunInstances(Ctx, new RunInstancesRequest { SubnetId = w.Subnet.Id.Value, MinCount = 1, MaxCount = 1, DryRun = dryRun }),
        "StopInstances" => cp.StopInstances(Ctx, new StopInstancesRequest { InstanceIds = [w.Instance.Id.Value], DryRun = dryRun }),
        "TerminateInstances" => cp.TerminateInstances(Ctx, new TerminateInstancesRequest { InstanceIds = [w.Instance.Id.Value], DryRun = dryRun }),
        "CreateTags" => cp.CreateTags(Ctx, new CreateTagsRequest { Resources = [w.Vpc.Id.Value], Tags = [new Tag("a", "b")], DryRun = dryRun }),
        "CreateManagedPrefixList" => cp.CreateManagedPrefixList(Ctx, new CreateManagedPrefixListRequest { PrefixListName = "p", AddressFamily = "IPv4", MaxEntries = 1, DryRun = dryRun }),
        _ => cp.DescribeVpcs(Ctx, new DescribeVpcsRequest { DryRun = dryRun }),
    };
}
