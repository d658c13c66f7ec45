using VpcLab.ControlPlane.Errors;

namespace VpcLab.ControlPlane.Tests.VpcEndpointServices;

public sealed class DescribeVpcEndpointServicesTests
{
    private static readonly TestLab Lab = new();

    private static DescribeVpcEndpointServicesResult Describe(string region = "us-east-1", IReadOnlyList<string>? names = null,
        params Filter[] filters) =>
        Lab.Cp.DescribeVpcEndpointServices(RequestContext.For("111111111111", region),
            new DescribeVpcEndpointServicesRequest { ServiceNames = names, Filters = filters });

    // AWS rule: the caller sees its Region's services; S3 and DynamoDB have a Gateway and an Interface detail each.
    [Theory]
    [InlineData("us-east-1")]
    [InlineData("eu-west-1")]
    [InlineData("ap-northeast-1")]
    public void All_services_of_the_callers_Region(string region)
    {
        var result = Describe(region);
        Assert.Equal(10, result.ServiceNames.Count);
        Assert.Equal(12, result.ServiceDetails.Count);
        Assert.All(result.ServiceDetails, d => Assert.Equal(region, d.Region));
        Assert.Contains($"com.amazonaws.{region}.s3", result.ServiceNames);
        Assert.Equal(Lab.Cp.Regions[region].Zones, result.ServiceDetails[0].Zones);
        Assert.Equal(result.ServiceNames.Order(StringComparer.Ordinal), result.ServiceNames);
    }

    // AWS rule: filters are AND-ed across names, OR-ed across values, wildcards allowed.
    [Theory]
    [InlineData("service-type", "Gateway", "com.amazonaws.us-east-1.dynamodb,com.amazonaws.us-east-1.s3", 2)]
    [InlineData("service-type", "Interface", null, 10)]
    [InlineData("service-name", "com.amazonaws.us-east-1.s*", "com.amazonaws.us-east-1.s3,com.amazonaws.us-east-1.secretsmanager,com.amazonaws.us-east-1.sns,com.amazonaws.us-east-1.sqs,com.amazonaws.us-east-1.ssm,com.amazonaws.us-east-1.sts", 7)]
    [InlineData("owner", "amazon", null, 12)]
    [InlineData("owner", "123456789012", "", 0)]
    [InlineData("service-region", "us-west-2", "", 0)]
    public void Filters(string name, string value, string? expectedNames, int expectedDetails)
    {
        var result = Describe(filters: new Filter(name, value));
        Assert.Equal(expectedDetails, result.ServiceDetails.Count);
        if (expectedNames is not null)
            Assert.Equal(expectedNames, string.Join(",", result.ServiceNames));
    }

    [Fact]
    public void Named_services_only()
    {
        var result = Describe(names: ["com.amazonaws.us-east-1.sns", "com.amazonaws.us-east-1.s3"]);
        Assert.Equal(["com.amazonaws.us-east-1.s3", "com.amazonaws.us-east-1.sns"], result.ServiceNames);
        Assert.Equal(3, result.ServiceDetails.Count);
        var sns = result.ServiceDetails.Single(d => d.ShortName == "sns");
        Assert.Equal("sns.us-east-1.vpce.amazonaws.com", sns.BaseEndpointDnsName);
        Assert.Equal("sns.us-east-1.amazonaws.com", sns.PrivateDnsName);
    }

    // AWS rule: an unknown service name, or one of another Region, is InvalidServiceName.
    [Theory]
    [InlineData("com.amazonaws.us-east-1.nosuch")]
    [InlineData("com.amazonaws.us-west-2.s3")]
    [InlineData("s3")]
    public void Unknown_service_name_is_InvalidServiceName(string name)
    {
        var e = Assert.Throws<Ec2Exception>(() => Describe(names: [name]));
        Assert.Equal("InvalidServiceName", e.Code.Code);
        Assert.Equal(400, e.HttpStatus);
        Assert.Contains(name, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_filter_is_refused() =>
        Assert.Equal("InvalidParameterValue", Assert.Throws<Ec2Exception>(() => Describe(filters: new Filter("vpc-id", "x"))).Code.Code);

    [Fact]
    public void DryRun_is_checked() =>
        Assert.Equal("DryRunOperation", Assert.Throws<Ec2Exception>(() => Lab.Cp.DescribeVpcEndpointServices(TestLab.Ctx,
            new DescribeVpcEndpointServicesRequest { DryRun = true })).Code.Code);
}
