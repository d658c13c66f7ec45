using VpcLab.Server.Protocol;

namespace VpcLab.Server.Tests.Protocol;

public class Ec2ServiceModelTests
{
    private static readonly Ec2ServiceModel Model = Ec2ServiceModel.Instance;

    [Fact]
    public void Instance_LoadsTheSubset_WithEveryImplementedOperation()
    {
        Assert.Equal("2016-11-15", Model.ApiVersion);
        Assert.Equal("http://ec2.amazonaws.com/doc/2016-11-15/", Model.XmlNamespace);
        Assert.Equal(162, Model.Operations.Count);
        Assert.Same(Model, Ec2ServiceModel.Instance);
        foreach (var op in Model.Operations)
            Assert.NotNull(op.Input);
    }

    [Fact]
    public void ServiceModel_CreateVpc_HasInputAndOutputShapes()
    {
        var op = Model.FindOperation("CreateVpc")!;
        Assert.Equal("CreateVpcRequest", op.Input!.Name);
        Assert.Equal("CreateVpcResult", op.Output!.Name);
        Assert.Same(op.Input, Model.InputShape("CreateVpc"));
        Assert.Same(op.Output, Model.OutputShape("CreateVpc"));
        Assert.Null(Model.FindOperation("CreateBucket"));
        Assert.Null(Model.OutputShape("DeleteVpc")); // AWS answers <return>true</return>
    }

    // botocore EC2Serializer: queryName, else locationName capitalised, else the member name.
    [Theory]
    [InlineData("DescribeVpcsRequest", "Filters", "Filter", "Filter")]
    [InlineData("DescribeVpcsRequest", "VpcIds", "VpcId", "VpcId")]
    [InlineData("DescribeVpcsRequest", "MaxResults", "MaxResults", "maxResults")]
    [InlineData("Filter", "Values", "Value", "Value")]
    [InlineData("CreateVpcRequest", "TagSpecifications", "TagSpecification", "TagSpecification")]
    [InlineData("TagSpecification", "Tags", "Tag", "Tag")]
    [InlineData("IpPermission", "IpRanges", "IpRanges", "ipRanges")]
    [InlineData("IpPermission", "UserIdGroupPairs", "Groups", "groups")]
    [InlineData("InstanceNetworkInterfaceSpecification", "Ipv6Addresses", "Ipv6Addresses", "ipv6AddressesSet")]
    [InlineData("DescribeVpcsResult", "Vpcs", "VpcSet", "vpcSet")]
    public void Members_CarryQueryAndXmlNames(string shape, string member, string queryName, string xmlName)
    {
        var m = Model.FindShape(shape)!.FindMember(member)!;
        Assert.Equal(queryName, m.QueryName);
        Assert.Equal(xmlName, m.XmlName);
        Assert.Same(m, Model.FindShape(shape)!.FindMemberByQueryName(queryName));
    }

    [Fact]
    public void ServiceModel_ListMembers_AreItems()
    {
        var list = Model.FindShape("VpcList")!;
        Assert.Equal(Ec2ShapeType.List, list.Type);
        Assert.Equal("item", list.ListMember!.XmlName);
        Assert.Equal("Vpc", list.ListMember.Shape.Name);
    }

    [Fact]
    public void ServiceModel_RequiredMembers_ComeFromTheModel()
    {
        var required = Model.InputShape("CreateSubnet")!.RequiredMembers.Select(m => m.Name);
        Assert.Contains("VpcId", required);
    }
}
