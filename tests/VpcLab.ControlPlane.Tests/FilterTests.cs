using VpcLab.ControlPlane.Errors;

namespace VpcLab.ControlPlane.Tests;

public sealed class FilterTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    private static TestLab Three()
    {
        var lab = new TestLab();
        foreach (var (cidr, name, env) in new[] { ("10.0.0.0/16", "web", "prod"), ("10.1.0.0/16", "db", "prod"), ("172.16.0.0/16", "lab", "test") })
        {
            lab.Cp.CreateVpc(Ctx, new CreateVpcRequest
            {
                CidrBlock = cidr, TagSpecifications = [new TagSpecification("vpc", new Tag("Name", name), new Tag("env", env))],
            });
        }
        return lab;
    }

    // AWS: names AND-ed, values OR-ed; tag:<key>, tag-key, tag-value.
    [Theory]
    [InlineData(new[] { "cidr", "10.0.0.0/16" }, 1)]
    [InlineData(new[] { "cidr", "10.0.0.0/16", "10.1.0.0/16" }, 2)]
    [InlineData(new[] { "cidr", "10.*" }, 2)]
    [InlineData(new[] { "tag:env", "prod" }, 2)]
    [InlineData(new[] { "tag:env", "prod", "|", "tag:Name", "db" }, 1)]
    [InlineData(new[] { "tag-key", "env" }, 3)]
    [InlineData(new[] { "tag-value", "lab" }, 1)]
    [InlineData(new[] { "is-default", "false" }, 3)]
    [InlineData(new[] { "state", "available", "|", "cidr-block-association.cidr-block", "172.16.0.0/16" }, 1)]
    [InlineData(new[] { "tag:missing", "*" }, 0)]
    public void DescribeVpcs_Filters_AndOfOrs(string[] spec, int expected)
    {
        var lab = Three();
        var filters = new List<Filter>();
        var current = new List<string>();
        foreach (var token in spec.Append("|"))
        {
            if (token == "|")
            {
                filters.Add(new Filter(current[0], [.. current.Skip(1)]));
                current.Clear();
            }
            else
            {
                current.Add(token);
            }
        }
        Assert.Equal(expected, lab.Cp.DescribeVpcs(Ctx, new DescribeVpcsRequest { Filters = filters }).Vpcs.Count);
    }

    // Unknown filter names are InvalidParameterValue "The filter 'x' is invalid".
    [Fact]
    public void DescribeVpcs_UnknownFilter_InvalidParameterValue()
    {
        var lab = Three();
        var error = lab.Fails(Ec2Errors.InvalidParameterValueCode, () => lab.Cp.DescribeVpcs(Ctx, new DescribeVpcsRequest { Filters = [new Filter("colour", "blue")] }));
        Assert.Equal("The filter 'colour' is invalid", error.Message);
    }

    // Describe by ids: an unknown id fails the whole call; ids and filters combine.
    [Fact]
    public void DescribeVpcs_IdsAndFilters_Combined()
    {
        var lab = Three();
        var ids = lab.N.Vpcs.Keys.Select(k => k.Value).ToList();
        var result = lab.Cp.DescribeVpcs(Ctx, new DescribeVpcsRequest { VpcIds = ids, Filters = [new Filter("tag:env", "test")] });
        Assert.Single(result.Vpcs);
        lab.Fails(ResourceIdErrors.InvalidVpcIdNotFound, () => lab.Cp.DescribeVpcs(Ctx, new DescribeVpcsRequest { VpcIds = [ids[0], "vpc-0123456789abcdef0"] }));
    }

    // Common filters of the other describes.
    [Fact]
    public void DescribeSubnetsAndRouteTables_CommonFilters_Match()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var a = lab.Subnet(vpc, "10.0.1.0/24", "us-east-1a");
        lab.Subnet(vpc, "10.0.2.0/24", "us-east-1b");
        Assert.Equal(a.Id, Assert.Single(lab.Cp.DescribeSubnets(Ctx, new DescribeSubnetsRequest { Filters = [new Filter("availability-zone", "us-east-1a")] }).Subnets).Id);
        Assert.Equal(2, lab.Cp.DescribeSubnets(Ctx, new DescribeSubnetsRequest { Filters = [new Filter("vpc-id", vpc.Id.Value)] }).Subnets.Count);
        Assert.Single(lab.Cp.DescribeSubnets(Ctx, new DescribeSubnetsRequest { Filters = [new Filter("available-ip-address-count", "251"), new Filter("cidr-block", "10.0.2.0/24")] }).Subnets);
        var main = lab.Cp.DescribeRouteTables(Ctx, new DescribeRouteTablesRequest { Filters = [new Filter("association.main", "true"), new Filter("vpc-id", vpc.Id.Value)] });
        Assert.True(Assert.Single(main.RouteTables).IsMain);
        var igw = lab.AttachedIgw(vpc);
        var gateways = lab.Cp.DescribeInternetGateways(Ctx, new DescribeInternetGatewaysRequest { Filters = [new Filter("attachment.vpc-id", vpc.Id.Value)] });
        Assert.Equal(igw.Id, Assert.Single(gateways.InternetGateways).Id);
    }
}
