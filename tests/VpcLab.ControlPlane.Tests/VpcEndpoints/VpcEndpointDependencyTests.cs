using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests.VpcEndpoints;

/// <summary>What endpoints keep alive, and what AWS lets go (docs/semantics.md#vpc-endpoints).</summary>
public sealed class VpcEndpointDependencyTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    // AWS rule: a VPC with an endpoint (gateway or interface), a subnet holding an endpoint interface, and a group
    // an endpoint uses cannot be deleted: DependencyViolation. After the endpoint goes, they can.
    [Theory]
    [InlineData("vpc with gateway endpoint")]
    [InlineData("subnet with endpoint interface")]
    [InlineData("group used by endpoint")]
    [InlineData("group used by endpoint without subnets")]
    public void Delete_ResourceUsedByEndpoint_DependencyViolation(string @case)
    {
        var lab = new TestLab();
        var vpc = lab.DnsVpc();
        bool gateway = @case == "vpc with gateway endpoint";
        var group = gateway ? lab.N.DefaultSecurityGroup(vpc.Id) : lab.Group(vpc);
        Subnet? subnet = gateway ? null : lab.Subnet(vpc);
        var endpoint = gateway ? lab.Gateway(vpc)
            : lab.Interface(vpc, EndpointLab.Sns, @case.EndsWith("without subnets", StringComparison.Ordinal) ? [] : [subnet!], groups: [group]);
        Func<object> delete = @case switch
        {
            "vpc with gateway endpoint" => () => lab.Cp.DeleteVpc(Ctx, new DeleteVpcRequest { VpcId = vpc.Id.Value }),
            "subnet with endpoint interface" => () => lab.Cp.DeleteSubnet(Ctx, new DeleteSubnetRequest { SubnetId = subnet!.Id.Value }),
            _ => () => lab.Cp.DeleteSecurityGroup(Ctx, new DeleteSecurityGroupRequest { GroupId = group.Id.Value }),
        };
        lab.Fails(Ec2Errors.DependencyViolationCode, delete);
        lab.Cp.DeleteVpcEndpoints(Ctx, new DeleteVpcEndpointsRequest { VpcEndpointIds = [endpoint.Id.Value] });
        delete();
    }

    // AWS rule: an endpoint's requester-managed interface cannot be deleted or changed by its owner (as for a NAT
    // gateway's interface).
    [Theory]
    [InlineData("delete", "InvalidNetworkInterface.InUse")]
    [InlineData("modify groups", "OperationNotPermitted")]
    public void EndpointInterface_RequesterManaged_Refused(string operation, string code)
    {
        var lab = new TestLab();
        var vpc = lab.DnsVpc();
        var group = lab.Group(vpc);
        var endpoint = lab.Interface(vpc, EndpointLab.Sns, [lab.Subnet(vpc)]);
        var eni = endpoint.NetworkInterfaceIds[0].Value;
        lab.FailsWith(code, () => operation == "delete"
            ? lab.Cp.DeleteNetworkInterface(Ctx, new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni })
            : lab.Cp.ModifyNetworkInterfaceAttribute(Ctx, new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = eni, Groups = [group.Id.Value] }));
    }

    // Choice (docs/semantics.md#vpc-endpoints): a route table holding an endpoint route may be deleted (once
    // it has no associations); the endpoint stops listing it.
    [Fact]
    public void DeleteRouteTable_WithEndpointRoute_EndpointForgetsTable()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var table = lab.NewTable(vpc);
        var endpoint = lab.Gateway(vpc, EndpointLab.S3, table, lab.MainTable(vpc));
        lab.Cp.DeleteRouteTable(Ctx, new DeleteRouteTableRequest { RouteTableId = table.Id.Value });
        Assert.Equal([lab.MainTable(vpc).Id], lab.Endpoint(endpoint).RouteTableIds);
        lab.Cp.DeleteVpcEndpoints(Ctx, new DeleteVpcEndpointsRequest { VpcEndpointIds = [endpoint.Id.Value] });
        Assert.Empty(lab.EndpointRoutes(lab.MainTable(vpc)));
    }

    // Deleting the endpoint deletes the flow logs of its interfaces (they go with the interface).
    [Fact]
    public void Delete_Interface_FlowLogsOfItsInterfacesGo()
    {
        var lab = new TestLab();
        var vpc = lab.DnsVpc();
        var endpoint = lab.Interface(vpc, EndpointLab.Sns, [lab.Subnet(vpc)]);
        lab.Cp.PutBucket(Ctx, "flow-bucket", null);
        lab.Cp.CreateFlowLogs(Ctx, new CreateFlowLogsRequest
        {
            ResourceType = "NetworkInterface", ResourceIds = [endpoint.NetworkInterfaceIds[0].Value], TrafficType = "ALL",
            LogDestinationType = "s3", LogDestination = "arn:aws:s3:::flow-bucket",
        });
        Assert.Single(lab.N.FlowLogs);
        lab.Cp.DeleteVpcEndpoints(Ctx, new DeleteVpcEndpointsRequest { VpcEndpointIds = [endpoint.Id.Value] });
        Assert.Empty(lab.N.FlowLogs);
    }
}
