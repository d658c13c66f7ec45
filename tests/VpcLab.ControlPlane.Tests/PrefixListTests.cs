using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Tests;

public sealed class PrefixListTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    private static ManagedPrefixList Create(TestLab lab, string name = "office", int max = 5, params string[] cidrs) =>
        lab.Cp.CreateManagedPrefixList(Ctx, new CreateManagedPrefixListRequest
        {
            PrefixListName = name, AddressFamily = "IPv4", MaxEntries = max,
            Entries = [.. cidrs.Select(c => new AddPrefixListEntry { Cidr = c })],
        }).PrefixList;

    // The AWS-managed S3 and DynamoDB lists are seeded in every Region, owner "AWS".
    [Theory]
    [InlineData("us-east-1", "com.amazonaws.us-east-1.s3")]
    [InlineData("us-east-1", "com.amazonaws.us-east-1.dynamodb")]
    [InlineData("eu-west-1", "com.amazonaws.eu-west-1.s3")]
    [InlineData("us-west-2", "com.amazonaws.us-west-2.dynamodb")]
    public void DescribeManagedPrefixLists_AwsManaged_SeededPerRegion(string region, string name)
    {
        var lab = new TestLab();
        var ctx = new RequestContext(new AccountId("999999999999"), region);
        var lists = lab.Cp.DescribeManagedPrefixLists(ctx, new DescribeManagedPrefixListsRequest { Filters = [new Filter("prefix-list-name", name)] }).PrefixLists;
        var list = Assert.Single(lists);
        Assert.Equal("AWS", list.OwnerId);
        Assert.NotEmpty(list.Entries);
        Assert.Matches("^pl-[0-9a-f]{8}$", list.Id.Value);
    }

    // A managed prefix list has one address family: S3's IPv6 ranges are the list com.amazonaws.REGION.ipv6.s3
    // (docs/semantics.md#gateway-endpoint-ipv6), its IPv4 ranges com.amazonaws.REGION.s3.
    [Theory]
    [InlineData("us-east-1", "s3", "S3", IpFamily.V4)]
    [InlineData("us-east-1", "dynamodb", "DYNAMODB", IpFamily.V4)]
    [InlineData("us-west-1", "s3", "S3", IpFamily.V4)]
    [InlineData("ap-northeast-1", "dynamodb", "DYNAMODB", IpFamily.V4)]
    [InlineData("us-east-1", "ipv6.s3", "S3", IpFamily.V6)]
    [InlineData("eu-west-3", "ipv6.s3", "S3", IpFamily.V6)]
    public void AwsManagedList_HoldsExactlyTheServiceRangesOfItsRegion(string region, string service, string code, IpFamily family)
    {
        var lab = new TestLab();
        var ctx = new RequestContext(new AccountId("999999999999"), region);
        var list = Assert.Single(lab.Cp.DescribeManagedPrefixLists(ctx, new DescribeManagedPrefixListsRequest
        {
            Filters = [new Filter("prefix-list-name", $"com.amazonaws.{region}.{service}")],
        }).PrefixLists);
        Assert.Equal(family, list.AddressFamily);
        Assert.Equal(AwsIpRanges.Default.PrefixesOf(region, code, family).Order(), list.Entries.Select(e => e.Cidr).Order());
        Assert.NotEmpty(list.Entries);
    }

    [Fact]
    public void CreateManagedPrefixList_Valid_Version1AndEntries()
    {
        var lab = new TestLab();
        var list = Create(lab, cidrs: ["192.0.2.0/24", "198.51.100.7/32"]);
        Assert.Equal(1, list.Version);
        Assert.Equal(lab.N.PrefixLists[list.Id], list);
        var entries = lab.Cp.GetManagedPrefixListEntries(Ctx, new GetManagedPrefixListEntriesRequest { PrefixListId = list.Id.Value }).Entries;
        Assert.Equal(["192.0.2.0/24", "198.51.100.7/32"], entries.Select(e => e.Cidr.ToString()));
    }

    public static TheoryData<string, int, string[], string> BadCreates => new()
    {
        { "com.amazonaws.mine", 5, [], "InvalidParameterValue" },
        { "ok", 0, [], "InvalidParameterValue" },
        { "ok", 1, ["10.0.0.0/8", "11.0.0.0/8"], "PrefixListMaxEntriesExceeded" },
        { "ok", 5, ["10.0.0.0/8", "10.0.0.0/8"], "InvalidParameterValue" },
        { "ok", 5, ["2001:db8::/32"], "InvalidParameterValue" },
    };

    [Theory]
    [MemberData(nameof(BadCreates))]
    public void CreateManagedPrefixList_Bad_Refused(string name, int max, string[] cidrs, string code)
    {
        var lab = new TestLab();
        var before = lab.N;
        lab.FailsWith(code, () => Create(lab, name, max, cidrs));
        Assert.Same(before, lab.N);
    }

    // AWS: each entry change bumps the version; CurrentVersion must match (PrefixListVersionMismatch).
    [Fact]
    public void ModifyManagedPrefixList_AddRemove_VersionBumpedAndChecked()
    {
        var lab = new TestLab();
        var list = Create(lab, cidrs: ["192.0.2.0/24"]);
        var modified = lab.Cp.ModifyManagedPrefixList(Ctx, new ModifyManagedPrefixListRequest
        {
            PrefixListId = list.Id.Value, CurrentVersion = 1,
            AddEntries = [new AddPrefixListEntry { Cidr = "203.0.113.0/24" }],
            RemoveEntries = [new RemovePrefixListEntry { Cidr = "192.0.2.0/24" }],
        }).PrefixList;
        Assert.Equal(2, modified.Version);
        Assert.Equal([Cidr.Parse("203.0.113.0/24")], modified.Entries.Select(e => e.Cidr));
        lab.Fails(PrefixListErrors.PrefixListVersionMismatchCode, () => lab.Cp.ModifyManagedPrefixList(Ctx, new ModifyManagedPrefixListRequest
        {
            PrefixListId = list.Id.Value, CurrentVersion = 1, AddEntries = [new AddPrefixListEntry { Cidr = "10.0.0.0/8" }],
        }));
    }

    [Fact]
    public void ModifyManagedPrefixList_AwsManaged_OperationNotPermitted()
    {
        var lab = new TestLab();
        lab.Fails(Ec2Errors.OperationNotPermittedCode, () => lab.Cp.ModifyManagedPrefixList(Ctx, new ModifyManagedPrefixListRequest
        {
            PrefixListId = "pl-63a5400a", AddEntries = [new AddPrefixListEntry { Cidr = "10.0.0.0/8" }],
        }));
    }

    // AWS: a list referenced by a route cannot be deleted.
    [Fact]
    public void DeleteManagedPrefixList_ReferencedByRoute_DependencyViolation()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var igw = lab.AttachedIgw(vpc);
        var list = Create(lab, cidrs: ["192.0.2.0/24"]);
        lab.Cp.CreateRoute(Ctx, new CreateRouteRequest { RouteTableId = lab.MainTable(vpc).Id.Value, DestinationPrefixListId = list.Id.Value, GatewayId = igw.Id.Value });
        lab.Fails(Ec2Errors.DependencyViolationCode, () => lab.Cp.DeleteManagedPrefixList(Ctx, new DeleteManagedPrefixListRequest { PrefixListId = list.Id.Value }));
    }

    [Fact]
    public void DeleteManagedPrefixList_Unused_Deleted()
    {
        var lab = new TestLab();
        var list = Create(lab);
        lab.Cp.DeleteManagedPrefixList(Ctx, new DeleteManagedPrefixListRequest { PrefixListId = list.Id.Value });
        lab.Fails(ResourceIdErrors.InvalidPrefixListIdNotFound, () => lab.Cp.GetManagedPrefixListEntries(Ctx, new GetManagedPrefixListEntriesRequest { PrefixListId = list.Id.Value }));
    }

    // Another account's customer-managed list is invisible.
    [Fact]
    public void DescribeManagedPrefixLists_OtherAccountsList_NotFound()
    {
        var lab = new TestLab();
        var list = Create(lab);
        var other = new RequestContext(new AccountId("222222222222"), "us-east-1");
        lab.FailsWith("InvalidPrefixListID.NotFound", () => lab.Cp.DescribeManagedPrefixLists(other, new DescribeManagedPrefixListsRequest { PrefixListIds = [list.Id.Value] }));
    }

    // DescribePrefixLists shows only the AWS-managed service lists of the Region: the IPv4 lists of the VPC User
    // Guide's "Available AWS-managed prefix lists" (working-with-aws-managed-prefix-lists), each with its weight.
    [Theory]
    [InlineData("us-east-1")]
    [InlineData("eu-west-3")]
    [InlineData("ap-east-1")] // an opt-in Region, once enabled
    public void DescribePrefixLists_Region_OnlyAwsManagedLists(string region)
    {
        var lab = new TestLab();
        Create(lab);
        var ctx = lab.Enabled(new RequestContext(Ctx.Account, region));
        var lists = lab.Cp.DescribePrefixLists(ctx, new DescribePrefixListsRequest()).PrefixLists;
        (string Name, int Weight)[] expected =
        [
            ($"com.amazonaws.{region}.dynamodb", 1), ($"com.amazonaws.{region}.ec2-instance-connect", 2),
            ($"com.amazonaws.{region}.ipv6.s3", 1),
            ($"com.amazonaws.{region}.route53-healthchecks", 25), ($"com.amazonaws.{region}.s3", 1),
            ($"com.amazonaws.{region}.s3express", 6), ($"com.amazonaws.{region}.vpc-lattice", 10),
            ("com.amazonaws.global.cloudfront.origin-facing", 55), ("com.amazonaws.global.groundstation", 5),
        ];
        Assert.Equal(expected.OrderBy(l => l.Name, StringComparer.Ordinal),
            lists.Select(l => (l.Name, QuotaUnits.PrefixListWeight(l))).OrderBy(l => l.Name, StringComparer.Ordinal));
        Assert.All(lists, l => Assert.NotEmpty(l.Entries));
        Assert.All(lists, l => Assert.Equal(region, l.Region));
        Assert.Equal(lists.Count, lists.Select(l => l.Id).Distinct().Count());
    }

    // The Region's own S3 list keeps AWS's id; the wildcard also matches S3's IPv6 list (simulated id).
    [Fact]
    public void DescribePrefixLists_S3ByName_AwsId()
    {
        var lab = new TestLab();
        var s3 = lab.Cp.DescribePrefixLists(Ctx, new DescribePrefixListsRequest { Filters = [new Filter("prefix-list-name", "*.s3")] }).PrefixLists;
        Assert.Equal(["pl-3ea54000", "pl-63a5400a"], s3.Select(l => l.Id.Value).Order(StringComparer.Ordinal));
    }
}
