using VpcLab.ControlPlane.Errors;

namespace VpcLab.ControlPlane.Tests;

public sealed partial class RouteTableTests
{
    // AWS: a subnet uses its explicitly associated table, else the main table.
    [Fact]
    public void AssociateRouteTable_Subnet_SubnetUsesCustomTable()
    {
        var (lab, vpc, subnet, custom) = Setup();
        Assert.Equal(lab.MainTable(vpc).Id, lab.N.RouteTableFor(subnet.Id).Id);
        var result = lab.Cp.AssociateRouteTable(Ctx, new AssociateRouteTableRequest { RouteTableId = custom.Id.Value, SubnetId = subnet.Id.Value });
        Assert.StartsWith("rtbassoc-", result.AssociationId, StringComparison.Ordinal);
        Assert.Equal("associated", result.AssociationState.State);
        Assert.Equal(custom.Id, lab.N.RouteTableFor(subnet.Id).Id);
    }

    // AWS: a subnet has at most one explicit association (Resource.AlreadyAssociated).
    [Fact]
    public void AssociateRouteTable_SubnetAlreadyAssociated_ResourceAlreadyAssociated()
    {
        var (lab, vpc, subnet, custom) = Setup();
        lab.Cp.AssociateRouteTable(Ctx, new AssociateRouteTableRequest { RouteTableId = custom.Id.Value, SubnetId = subnet.Id.Value });
        var other = lab.Cp.CreateRouteTable(Ctx, new CreateRouteTableRequest { VpcId = vpc.Id.Value }).RouteTable;
        lab.Fails(Ec2Errors.ResourceAlreadyAssociatedCode, () => lab.Cp.AssociateRouteTable(Ctx,
            new AssociateRouteTableRequest { RouteTableId = other.Id.Value, SubnetId = subnet.Id.Value }));
    }

    [Fact]
    public void AssociateRouteTable_SubnetOfOtherVpc_InvalidParameterValue()
    {
        var (lab, _, _, custom) = Setup();
        var otherVpc = lab.Vpc("10.1.0.0/16");
        var foreign = lab.Subnet(otherVpc, "10.1.0.0/24");
        lab.Fails(Ec2Errors.InvalidParameterValueCode, () => lab.Cp.AssociateRouteTable(Ctx,
            new AssociateRouteTableRequest { RouteTableId = custom.Id.Value, SubnetId = foreign.Id.Value }));
    }

    [Fact]
    public void DisassociateRouteTable_Explicit_SubnetFallsBackToMain()
    {
        var (lab, vpc, subnet, custom) = Setup();
        var id = lab.Cp.AssociateRouteTable(Ctx, new AssociateRouteTableRequest { RouteTableId = custom.Id.Value, SubnetId = subnet.Id.Value }).AssociationId;
        lab.Cp.DisassociateRouteTable(Ctx, new DisassociateRouteTableRequest { AssociationId = id });
        Assert.Equal(lab.MainTable(vpc).Id, lab.N.RouteTableFor(subnet.Id).Id);
        lab.Fails(RouteTableErrors.InvalidAssociationIdNotFound, () => lab.Cp.DisassociateRouteTable(Ctx, new DisassociateRouteTableRequest { AssociationId = id }));
    }

    // AWS: the main association cannot be disassociated, only replaced.
    [Fact]
    public void DisassociateRouteTable_Main_InvalidParameterValue()
    {
        var (lab, vpc, _, _) = Setup();
        var main = lab.MainTable(vpc).Associations.Single(a => a.Main);
        lab.Fails(Ec2Errors.InvalidParameterValueCode, () => lab.Cp.DisassociateRouteTable(Ctx, new DisassociateRouteTableRequest { AssociationId = main.Id.Value }));
    }

    // AWS: ReplaceRouteTableAssociation on the main association makes another table main.
    [Fact]
    public void ReplaceRouteTableAssociation_Main_MovesMainMarker()
    {
        var (lab, vpc, subnet, custom) = Setup();
        var oldMain = lab.MainTable(vpc);
        var result = lab.Cp.ReplaceRouteTableAssociation(Ctx, new ReplaceRouteTableAssociationRequest
        {
            AssociationId = oldMain.Associations.Single(a => a.Main).Id.Value,
            RouteTableId = custom.Id.Value,
        });
        Assert.Equal(custom.Id, lab.MainTable(vpc).Id);
        Assert.False(lab.Table(oldMain.Id).IsMain);
        Assert.Equal(custom.Id, lab.N.RouteTableFor(subnet.Id).Id);
        Assert.StartsWith("rtbassoc-", result.NewAssociationId, StringComparison.Ordinal);
        // The old main table is now an ordinary custom table and can be deleted.
        lab.Cp.DeleteRouteTable(Ctx, new DeleteRouteTableRequest { RouteTableId = oldMain.Id.Value });
    }

    [Fact]
    public void ReplaceRouteTableAssociation_Subnet_MovesToNewTable()
    {
        var (lab, vpc, subnet, custom) = Setup();
        var id = lab.Cp.AssociateRouteTable(Ctx, new AssociateRouteTableRequest { RouteTableId = custom.Id.Value, SubnetId = subnet.Id.Value }).AssociationId;
        var other = lab.Cp.CreateRouteTable(Ctx, new CreateRouteTableRequest { VpcId = vpc.Id.Value }).RouteTable;
        lab.Cp.ReplaceRouteTableAssociation(Ctx, new ReplaceRouteTableAssociationRequest { AssociationId = id, RouteTableId = other.Id.Value });
        Assert.Equal(other.Id, lab.N.RouteTableFor(subnet.Id).Id);
        Assert.Empty(lab.Table(custom.Id).Associations);
    }

    // Edge association of an internet gateway needs it attached to the table's VPC.
    [Fact]
    public void AssociateRouteTable_DetachedGateway_GatewayNotAttached()
    {
        var (lab, _, _, custom) = Setup();
        var igw = lab.Cp.CreateInternetGateway(Ctx, new CreateInternetGatewayRequest()).InternetGateway;
        lab.Fails(RouteTableErrors.GatewayNotAttachedCode, () => lab.Cp.AssociateRouteTable(Ctx,
            new AssociateRouteTableRequest { RouteTableId = custom.Id.Value, GatewayId = igw.Id.Value }));
    }
}
