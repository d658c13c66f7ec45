using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests;

public sealed partial class GatewayTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    // AWS: an internet gateway attaches to one VPC; attaching twice is Resource.AlreadyAssociated.
    [Fact]
    public void AttachInternetGateway_Twice_ResourceAlreadyAssociated()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var igw = lab.AttachedIgw(vpc);
        Assert.Equal(vpc.Id, igw.AttachedVpcId);
        var other = lab.Vpc("10.1.0.0/16");
        var error = lab.Fails(Ec2Errors.ResourceAlreadyAssociatedCode, () => lab.Cp.AttachInternetGateway(Ctx,
            new AttachInternetGatewayRequest { InternetGatewayId = igw.Id.Value, VpcId = other.Id.Value }));
        Assert.Equal($"Resource {igw.Id} is already associated.", error.Message);
    }

    // AWS: one internet gateway per VPC.
    [Fact]
    public void AttachInternetGateway_VpcAlreadyHasOne_ResourceAlreadyAssociated()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        lab.AttachedIgw(vpc);
        var second = lab.Cp.CreateInternetGateway(Ctx, new CreateInternetGatewayRequest()).InternetGateway;
        lab.Fails(Ec2Errors.ResourceAlreadyAssociatedCode, () => lab.Cp.AttachInternetGateway(Ctx,
            new AttachInternetGatewayRequest { InternetGatewayId = second.Id.Value, VpcId = vpc.Id.Value }));
    }

    // AWS: detaching a gateway that is not attached to that VPC is Gateway.NotAttached.
    [Fact]
    public void DetachInternetGateway_NotAttached_GatewayNotAttached()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var igw = lab.Cp.CreateInternetGateway(Ctx, new CreateInternetGatewayRequest()).InternetGateway;
        var error = lab.Fails(RouteTableErrors.GatewayNotAttachedCode, () => lab.Cp.DetachInternetGateway(Ctx,
            new DetachInternetGatewayRequest { InternetGatewayId = igw.Id.Value, VpcId = vpc.Id.Value }));
        Assert.Equal($"Gateway {igw.Id} is not attached to {vpc.Id}", error.Message);
    }

    // AWS: detaching while public addresses are mapped in the VPC is DependencyViolation.
    [Fact]
    public void DetachInternetGateway_PublicAddressMapped_DependencyViolation()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var igw = lab.AttachedIgw(vpc);
        lab.Instance(lab.Subnet(vpc), publicIp: true);
        lab.Fails(Ec2Errors.DependencyViolationCode, () => lab.Cp.DetachInternetGateway(Ctx,
            new DetachInternetGatewayRequest { InternetGatewayId = igw.Id.Value, VpcId = vpc.Id.Value }));
    }

    // AWS: deleting an attached gateway is DependencyViolation; detached, it goes and routes to it blackhole.
    [Fact]
    public void DeleteInternetGateway_Attached_DependencyViolationThenDeletedAfterDetach()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var igw = lab.AttachedIgw(vpc);
        var main = lab.MainTable(vpc);
        lab.Cp.CreateRoute(Ctx, new CreateRouteRequest { RouteTableId = main.Id.Value, DestinationCidrBlock = "0.0.0.0/0", GatewayId = igw.Id.Value });
        lab.Fails(Ec2Errors.DependencyViolationCode, () => lab.Cp.DeleteInternetGateway(Ctx, new DeleteInternetGatewayRequest { InternetGatewayId = igw.Id.Value }));
        lab.Cp.DetachInternetGateway(Ctx, new DetachInternetGatewayRequest { InternetGatewayId = igw.Id.Value, VpcId = vpc.Id.Value });
        var table = lab.Table(main.Id);
        Assert.Equal(RouteState.Blackhole, lab.N.RouteState(table, table.Routes.Single(r => !r.IsLocal)));
        lab.Cp.DeleteInternetGateway(Ctx, new DeleteInternetGatewayRequest { InternetGatewayId = igw.Id.Value });
        Assert.Empty(lab.N.InternetGateways);
    }

    [Theory]
    [InlineData("igw-1", "InvalidInternetGatewayId.Malformed")]
    [InlineData("igw-0123456789abcdef0", "InvalidInternetGatewayID.NotFound")]
    public void DeleteInternetGateway_BadId_MalformedOrNotFound(string id, string code)
    {
        var lab = new TestLab();
        lab.FailsWith(code, () => lab.Cp.DeleteInternetGateway(Ctx, new DeleteInternetGatewayRequest { InternetGatewayId = id }));
    }

    // AWS: 5 internet gateways per Region by default.
    [Fact]
    public void CreateInternetGateway_QuotaReached_InternetGatewayLimitExceeded()
    {
        var lab = new TestLab();
        for (int i = 0; i < 5; i++)
            lab.Cp.CreateInternetGateway(Ctx, new CreateInternetGatewayRequest());
        lab.Fails(GatewayErrors.InternetGatewayLimitExceededCode, () => lab.Cp.CreateInternetGateway(Ctx, new CreateInternetGatewayRequest()));
    }

    // AWS: an egress-only internet gateway is created attached to its VPC; one per VPC.
    [Fact]
    public void CreateEgressOnlyInternetGateway_Vpc_AttachedAndOnePerVpc()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc(ipv6: true);
        var eigw = lab.Cp.CreateEgressOnlyInternetGateway(Ctx, new CreateEgressOnlyInternetGatewayRequest { VpcId = vpc.Id.Value }).EgressOnlyInternetGateway;
        Assert.Equal(vpc.Id, eigw.VpcId);
        Assert.Matches("^eigw-0[0-9a-f]{16}$", eigw.Id.Value);
        lab.Fails(GatewayErrors.EgressOnlyInternetGatewayLimitExceededCode, () => lab.Cp.CreateEgressOnlyInternetGateway(Ctx,
            new CreateEgressOnlyInternetGatewayRequest { VpcId = vpc.Id.Value }));
        var filtered = lab.Cp.DescribeEgressOnlyInternetGateways(Ctx, new DescribeEgressOnlyInternetGatewaysRequest { Filters = [new Filter("attachment.vpc-id", vpc.Id.Value)] });
        Assert.Single(filtered.EgressOnlyInternetGateways);
    }

    [Theory]
    [InlineData("eigw-xyz", "InvalidEgressOnlyInternetGatewayId.Malformed")]
    [InlineData("eigw-0123456789abcdef0", "InvalidEgressOnlyInternetGatewayId.NotFound")]
    public void DeleteEgressOnlyInternetGateway_BadId_MalformedOrNotFound(string id, string code)
    {
        var lab = new TestLab();
        var error = Assert.Throws<Ec2Exception>(() => lab.Cp.DeleteEgressOnlyInternetGateway(Ctx,
            new DeleteEgressOnlyInternetGatewayRequest { EgressOnlyInternetGatewayId = id }));
        Assert.Equal(code, error.Code.Code);
    }
}
