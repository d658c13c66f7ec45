using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests;

public sealed partial class RouteTableTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    private static (TestLab Lab, Vpc Vpc, Subnet Subnet, RouteTable Custom) Setup(bool ipv6 = false)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc(ipv6: ipv6);
        var subnet = lab.Subnet(vpc, ipv6: ipv6 ? TestLab.Ipv6Subnet(vpc, 0) : null);
        var custom = lab.Cp.CreateRouteTable(Ctx, new CreateRouteTableRequest { VpcId = vpc.Id.Value }).RouteTable;
        return (lab, lab.N.Vpcs[vpc.Id], subnet, custom);
    }

    // AWS: a custom table starts with the local route(s) only and no associations.
    [Fact]
    public void CreateRouteTable_Ipv6Vpc_LocalRoutesForBothFamilies()
    {
        var (lab, vpc, _, custom) = Setup(ipv6: true);
        Assert.Equal(2, custom.Routes.Length);
        Assert.All(custom.Routes, r => Assert.True(r.IsLocal));
        Assert.Empty(custom.Associations);
        Assert.False(custom.IsMain);
        Assert.Matches("^rtb-0[0-9a-f]{16}$", custom.Id.Value);
        Assert.Equal(vpc.AssociatedCidrs.Order(), custom.Routes.Select(r => r.Destination.Cidr!.Value).Order());
        Assert.NotNull(lab);
    }

    // AWS: the main table can never be deleted, a custom table only without associations.
    [Fact]
    public void DeleteRouteTable_Main_DependencyViolation()
    {
        var (lab, vpc, _, _) = Setup();
        lab.Fails(Ec2Errors.DependencyViolationCode, () => lab.Cp.DeleteRouteTable(Ctx, new DeleteRouteTableRequest { RouteTableId = lab.MainTable(vpc).Id.Value }));
    }

    [Fact]
    public void DeleteRouteTable_Associated_DependencyViolation()
    {
        var (lab, _, subnet, custom) = Setup();
        lab.Cp.AssociateRouteTable(Ctx, new AssociateRouteTableRequest { RouteTableId = custom.Id.Value, SubnetId = subnet.Id.Value });
        lab.Fails(Ec2Errors.DependencyViolationCode, () => lab.Cp.DeleteRouteTable(Ctx, new DeleteRouteTableRequest { RouteTableId = custom.Id.Value }));
    }

    [Fact]
    public void DeleteRouteTable_Unassociated_Deleted()
    {
        var (lab, _, _, custom) = Setup();
        lab.Cp.DeleteRouteTable(Ctx, new DeleteRouteTableRequest { RouteTableId = custom.Id.Value });
        Assert.False(lab.N.RouteTables.ContainsKey(custom.Id));
    }

    [Theory]
    [InlineData("rtb-zz", "InvalidRouteTableId.Malformed")]
    [InlineData("rtb-0123456789abcdef0", "InvalidRouteTableID.NotFound")]
    public void DeleteRouteTable_BadId_MalformedOrNotFound(string id, string code)
    {
        var (lab, _, _, _) = Setup();
        lab.FailsWith(code, () => lab.Cp.DeleteRouteTable(Ctx, new DeleteRouteTableRequest { RouteTableId = id }));
    }
}
