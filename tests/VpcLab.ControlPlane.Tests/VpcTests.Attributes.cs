using VpcLab.ControlPlane.Errors;

namespace VpcLab.ControlPlane.Tests;

public sealed partial class VpcTests
{
    // AWS defaults for a non-default VPC: enableDnsSupport true, enableDnsHostnames false.
    [Theory]
    [InlineData("enableDnsSupport", true)]
    [InlineData("enableDnsHostnames", false)]
    public void DescribeVpcAttribute_NewVpc_AwsDefaults(string attribute, bool expected)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var result = lab.Cp.DescribeVpcAttribute(TestLab.Ctx, new DescribeVpcAttributeRequest { VpcId = vpc.Id.Value, Attribute = attribute });
        Assert.Equal(expected, (result.EnableDnsSupport ?? result.EnableDnsHostnames)!.Value);
    }

    [Fact]
    public void ModifyVpcAttribute_OneAttribute_Changed()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        lab.Cp.ModifyVpcAttribute(TestLab.Ctx, new ModifyVpcAttributeRequest { VpcId = vpc.Id.Value, EnableDnsHostnames = true });
        Assert.True(lab.N.Vpcs[vpc.Id].EnableDnsHostnames);
        lab.Cp.ModifyVpcAttribute(TestLab.Ctx, new ModifyVpcAttributeRequest { VpcId = vpc.Id.Value, EnableDnsSupport = false });
        Assert.False(lab.N.Vpcs[vpc.Id].EnableDnsSupport);
    }

    // AWS: ModifyVpcAttribute changes one attribute per call.
    [Fact]
    public void ModifyVpcAttribute_TwoAttributes_InvalidParameterCombination()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        lab.Fails(Ec2Errors.InvalidParameterCombinationCode, () => lab.Cp.ModifyVpcAttribute(TestLab.Ctx,
            new ModifyVpcAttributeRequest { VpcId = vpc.Id.Value, EnableDnsHostnames = true, EnableDnsSupport = true }));
    }

    [Fact]
    public void DescribeVpcAttribute_UnknownAttribute_InvalidParameterValue()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        lab.Fails(Ec2Errors.InvalidParameterValueCode, () => lab.Cp.DescribeVpcAttribute(TestLab.Ctx,
            new DescribeVpcAttributeRequest { VpcId = vpc.Id.Value, Attribute = "enableEverything" }));
    }
}
