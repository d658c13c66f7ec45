using VpcLab.ControlPlane.Errors;

namespace VpcLab.ControlPlane.Tests;

public sealed class IdempotencyTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    // AWS: a retry with the same ClientToken and parameters returns the first result and creates nothing new
    // (botocore fills ClientToken automatically for these actions).
    [Fact]
    public void RunInstances_SameClientTokenTwice_OneLaunch()
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        var request = new RunInstancesRequest { SubnetId = subnet.Id.Value, MinCount = 1, MaxCount = 1, ClientToken = "token-1" };
        var first = lab.Cp.RunInstances(Ctx, request);
        var before = lab.N;
        var second = lab.Cp.RunInstances(Ctx, request with { });
        Assert.Same(first, second);
        Assert.Same(before, lab.N);
        Assert.Single(lab.N.Instances);
    }

    // AWS: the same token with different parameters is IdempotentParameterMismatch.
    [Fact]
    public void CreateRouteTable_SameTokenOtherParameters_IdempotentParameterMismatch()
    {
        var lab = new TestLab();
        var a = lab.Vpc();
        var b = lab.Vpc("10.1.0.0/16");
        lab.Cp.CreateRouteTable(Ctx, new CreateRouteTableRequest { VpcId = a.Id.Value, ClientToken = "t" });
        lab.Fails(Ec2Errors.IdempotentParameterMismatchCode, () => lab.Cp.CreateRouteTable(Ctx, new CreateRouteTableRequest { VpcId = b.Id.Value, ClientToken = "t" }));
    }

    // Tokens are scoped to account, Region and action; a failed call does not consume its token.
    [Fact]
    public void CreateNetworkAcl_TokenScopesAndFailures_Independent()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        Assert.Throws<Ec2Exception>(() => lab.Cp.CreateNetworkAcl(Ctx, new CreateNetworkAclRequest { VpcId = "vpc-0123456789abcdef0", ClientToken = "t" }));
        var first = lab.Cp.CreateNetworkAcl(Ctx, new CreateNetworkAclRequest { VpcId = vpc.Id.Value, ClientToken = "t" });
        var other = lab.Cp.CreateRouteTable(Ctx, new CreateRouteTableRequest { VpcId = vpc.Id.Value, ClientToken = "t" });
        Assert.NotEqual(first.NetworkAcl.Id.Value, other.RouteTable.Id.Value);
        Assert.Equal(2, lab.N.NetworkAcls.Count);
    }
}
