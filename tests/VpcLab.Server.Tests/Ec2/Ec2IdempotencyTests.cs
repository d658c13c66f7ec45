using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Errors;
using VpcLab.Server.Protocol;
using static VpcLab.Server.Tests.Ec2.Ec2Harness;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>docs/semantics.md#idempotency: ClientToken on the actions whose model input has one.</summary>
public sealed class Ec2IdempotencyTests
{
    private readonly Ec2Harness _h = new();

    [Fact]
    public void CreateRouteTable_SameTokenSameParameters_AnswersTheFirstResponseWithoutASecondTable()
    {
        var vpc = _h.Vpc();
        var json = $$"""{"VpcId":"{{vpc}}","ClientToken":"token-1"}""";
        var first = _h.Ok("CreateRouteTable", json);
        var second = _h.Ok("CreateRouteTable", json);
        Assert.Equal(Str(first["RouteTable"]!["RouteTableId"]), Str(second["RouteTable"]!["RouteTableId"]));
        Assert.Equal("token-1", Str(second["ClientToken"]));
        Assert.Equal(2, _h.ControlPlane.Network.RouteTables.Count); // main + one
    }

    [Fact]
    public void SameToken_DifferentParameters_IsIdempotentParameterMismatch()
    {
        var vpc = _h.Vpc();
        var other = _h.Vpc("10.1.0.0/16");
        _h.Ok("CreateRouteTable", $$"""{"VpcId":"{{vpc}}","ClientToken":"t"}""");
        var e = Assert.Throws<Ec2ProtocolException>(() => _h.Run("CreateRouteTable", $$"""{"VpcId":"{{other}}","ClientToken":"t"}"""));
        Assert.Equal("IdempotentParameterMismatch", e.Code);
        Assert.Equal(400, e.HttpStatus);
    }

    [Fact]
    public void SameToken_AnotherAction_IsIdempotentParameterMismatch()
    {
        var vpc = _h.Vpc();
        _h.Ok("CreateRouteTable", $$"""{"VpcId":"{{vpc}}","ClientToken":"t"}""");
        var e = Assert.Throws<Ec2ProtocolException>(() => _h.Run("CreateNetworkAcl", $$"""{"VpcId":"{{vpc}}","ClientToken":"t"}"""));
        Assert.Equal("IdempotentParameterMismatch", e.Code);
    }

    [Fact]
    public void SameToken_ParametersInAnotherOrder_AnswersTheSameNetworkAcl()
    {
        var vpc = _h.Vpc();
        var first = _h.Ok("CreateNetworkAcl", $$"""{"VpcId":"{{vpc}}","ClientToken":"t"}""");
        var second = _h.Ok("CreateNetworkAcl", $$"""{"ClientToken":"t","VpcId":"{{vpc}}"}""");
        Assert.Equal(Str(first["NetworkAcl"]!["NetworkAclId"]), Str(second["NetworkAcl"]!["NetworkAclId"]));
    }

    [Fact]
    public void SameToken_OtherAccount_IsIndependent()
    {
        var vpc = _h.Vpc();
        _h.Ok("CreateRouteTable", $$"""{"VpcId":"{{vpc}}","ClientToken":"t"}""");
        _h.Context = RequestContext.For("222222222222");
        var otherVpc = _h.Vpc();
        var created = _h.Ok("CreateRouteTable", $$"""{"VpcId":"{{otherVpc}}","ClientToken":"t"}""");
        Assert.Equal(otherVpc, Str(created["RouteTable"]!["VpcId"]));
    }

    [Fact]
    public void RunInstances_SameToken_SameReservationAndNoNewInstances()
    {
        var vpc = _h.Vpc();
        var subnet = _h.Subnet(vpc);
        var json = $$"""{"ImageId":"ami-0fc50b841d13a3d05","InstanceType":"t3.micro","MinCount":2,"MaxCount":2,"SubnetId":"{{subnet}}","ClientToken":"launch-1"}""";
        var first = _h.Ok("RunInstances", json);
        var second = _h.Ok("RunInstances", json);
        Assert.Equal(Str(first["ReservationId"]), Str(second["ReservationId"]));
        Assert.Equal(2, _h.ControlPlane.Network.Instances.Count);
    }

    [Fact]
    public void FailedCall_IsNotRemembered_ARetryRunsAgain()
    {
        var json = """{"VpcId":"vpc-0123456789abcdef0","ClientToken":"t"}""";
        Assert.Throws<Ec2Exception>(() => _h.Run("CreateRouteTable", json));
        var e = Assert.Throws<Ec2Exception>(() => _h.Run("CreateRouteTable", json));
        Assert.Equal("InvalidVpcID.NotFound", e.Code.Code);
    }

    [Fact]
    public void CachedResponse_IsACopy_MutatingAnAnswerDoesNotChangeTheNext()
    {
        var vpc = _h.Vpc();
        var json = $$"""{"VpcId":"{{vpc}}","ClientToken":"t"}""";
        var first = _h.Ok("CreateRouteTable", json);
        first["RouteTable"]!.AsObject()["RouteTableId"] = "changed";
        Assert.NotEqual("changed", Str(_h.Ok("CreateRouteTable", json)["RouteTable"]!["RouteTableId"]));
    }

    [Fact]
    public void ClientToken_LongerThan64_IsInvalidParameterValue()
    {
        var vpc = _h.Vpc();
        var e = Assert.Throws<Ec2ProtocolException>(() => _h.Run("CreateRouteTable", $$"""{"VpcId":"{{vpc}}","ClientToken":"{{new string('x', 65)}}"}"""));
        Assert.Equal("InvalidParameterValue", e.Code);
    }

    [Fact]
    public void CreateVpc_ClientTokenNotInTheModel_IgnoredAndCreatesTwoVpcs()
    {
        // CreateVpc has no ClientToken: two calls make two VPCs.
        _h.Ok("CreateVpc", """{"CidrBlock":"10.0.0.0/16","ClientToken":"t"}""");
        _h.Ok("CreateVpc", """{"CidrBlock":"10.0.0.0/16","ClientToken":"t"}""");
        Assert.Equal(2, _h.ControlPlane.Network.Vpcs.Count);
    }
}
