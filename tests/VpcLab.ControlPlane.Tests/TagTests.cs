using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests;

public sealed class TagTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    // TagSpecifications on Create* tag the new resource; a type that does not fit the operation is refused.
    [Fact]
    public void CreateVpc_TagSpecifications_Tagged()
    {
        var lab = new TestLab();
        var vpc = lab.Cp.CreateVpc(Ctx, new CreateVpcRequest { CidrBlock = "10.0.0.0/16", TagSpecifications = [new TagSpecification("vpc", new Tag("Name", "main"), new Tag("env", "test"))] }).Vpc;
        Assert.Equal("main", lab.N.TagsOf(vpc.Id.Value).Name);
        Assert.Equal("test", lab.N.TagsOf(vpc.Id.Value).Items["env"]);
    }

    public static TheoryData<string, TagSpecification> BadSpecifications => new()
    {
        { "wrong type", new TagSpecification("subnet", new Tag("Name", "x")) },
        { "no tags", new TagSpecification("vpc") },
        { "aws: prefix", new TagSpecification("vpc", new Tag("aws:owner", "x")) },
        { "long key", new TagSpecification("vpc", new Tag(new string('k', 129), "x")) },
        { "long value", new TagSpecification("vpc", new Tag("k", new string('v', 257))) },
    };

    [Theory]
    [MemberData(nameof(BadSpecifications))]
    public void CreateVpc_BadTagSpecification_InvalidParameterValue(string _, TagSpecification specification)
    {
        var lab = new TestLab();
        lab.Fails(Ec2Errors.InvalidParameterValueCode, () => lab.Cp.CreateVpc(Ctx, new CreateVpcRequest { CidrBlock = "10.0.0.0/16", TagSpecifications = [specification] }));
    }

    // AWS: CreateTags on an unknown id is InvalidID (also for another account's resource).
    [Theory]
    [InlineData("vpc-0123456789abcdef0")]
    [InlineData("banana")]
    [InlineData("OTHER")]
    public void CreateTags_UnknownResource_InvalidId(string id)
    {
        var lab = new TestLab();
        var foreign = lab.Vpc(ctx: new RequestContext(new AccountId("222222222222"), "us-east-1"));
        var resource = id == "OTHER" ? foreign.Id.Value : id;
        var error = lab.Fails(Ec2Errors.InvalidIdCode, () => lab.Cp.CreateTags(Ctx, new CreateTagsRequest { Resources = [resource], Tags = [new Tag("a", "b")] }));
        Assert.Equal($"The ID '{resource}' is not valid", error.Message);
    }

    // AWS: 50 tags per resource (TagLimitExceeded); overwriting an existing key does not count twice.
    [Fact]
    public void CreateTags_Over50_TagLimitExceeded()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        lab.Cp.CreateTags(Ctx, new CreateTagsRequest { Resources = [vpc.Id.Value], Tags = [.. Enumerable.Range(0, 50).Select(i => new Tag($"k{i}", "v"))] });
        lab.Cp.CreateTags(Ctx, new CreateTagsRequest { Resources = [vpc.Id.Value], Tags = [new Tag("k0", "changed")] });
        lab.Fails(Ec2Errors.TagLimitExceededCode, () => lab.Cp.CreateTags(Ctx, new CreateTagsRequest { Resources = [vpc.Id.Value], Tags = [new Tag("k50", "v")] }));
    }

    // AWS: DeleteTags with a value deletes only on a match; without, the key whatever its value.
    [Theory]
    [InlineData("prod", false)]
    [InlineData("test", true)]
    [InlineData(null, true)]
    public void DeleteTags_ValueMatchOrAbsent_Deleted(string? value, bool deleted)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        lab.Cp.CreateTags(Ctx, new CreateTagsRequest { Resources = [vpc.Id.Value], Tags = [new Tag("env", "test")] });
        lab.Cp.DeleteTags(Ctx, new DeleteTagsRequest { Resources = [vpc.Id.Value], Tags = [new Tag { Key = "env", Value = value }] });
        Assert.Equal(deleted, !lab.N.TagsOf(vpc.Id.Value).Items.ContainsKey("env"));
    }

    // Any taggable id works: subnets, groups, rules, interfaces, instances, Elastic IPs, prefix lists.
    [Fact]
    public void DescribeTags_SeveralResourceTypes_TypedRows()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var subnet = lab.Subnet(vpc);
        var group = lab.Group(vpc);
        var eip = lab.Eip();
        var ids = new[] { vpc.Id.Value, subnet.Id.Value, group.Id.Value, group.Rules[0].Id.Value, eip.AllocationId.Value };
        lab.Cp.CreateTags(Ctx, new CreateTagsRequest { Resources = ids, Tags = [new Tag("team", "net")] });
        var rows = lab.Cp.DescribeTags(Ctx, new DescribeTagsRequest { Filters = [new Filter("key", "team")] }).Tags;
        Assert.Equal(["elastic-ip", "security-group", "security-group-rule", "subnet", "vpc"], rows.Select(r => r.ResourceType).Order(StringComparer.Ordinal));
        var subnets = lab.Cp.DescribeTags(Ctx, new DescribeTagsRequest { Filters = [new Filter("resource-type", "subnet")] }).Tags;
        Assert.Equal(subnet.Id.Value, Assert.Single(subnets).ResourceId);
    }
}
