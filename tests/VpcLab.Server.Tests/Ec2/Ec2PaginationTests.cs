using System.Text.Json.Nodes;
using VpcLab.Server.Protocol;
using static VpcLab.Server.Tests.Ec2.Ec2Harness;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>docs/semantics.md#pagination: MaxResults/NextToken on every Describe* the model pages.</summary>
public sealed class Ec2PaginationTests
{
    private readonly Ec2Harness _h = new();

    private List<string> CreateVpcs(int count) =>
        [.. Enumerable.Range(0, count).Select(i => _h.Vpc($"10.{i}.0.0/16"))];

    private static List<string> Ids(JsonObject page, string list, string idMember) =>
        [.. page[list]!.AsArray().Select(x => Str(x![idMember]))];

    [Fact]
    public void DescribeVpcs_NextTokenLoop_ReturnsEveryVpcOnceInIdOrder()
    {
        var created = CreateVpcs(12);
        var seen = new List<string>();
        string? token = null;
        int pages = 0;
        do
        {
            var page = _h.Ok("DescribeVpcs", token is null ? """{"MaxResults":5}""" : $$"""{"MaxResults":5,"NextToken":"{{token}}"}""");
            var ids = Ids(page, "Vpcs", "VpcId");
            Assert.True(ids.Count <= 5);
            seen.AddRange(ids);
            token = page["NextToken"]?.GetValue<string>();
            pages++;
        }
        while (token is not null);
        Assert.Equal(3, pages);
        Assert.Equal(created.Order(StringComparer.Ordinal), seen);
    }

    [Fact]
    public void DescribeVpcs_LastPageExactlyFull_HasNoNextToken()
    {
        CreateVpcs(5);
        var page = _h.Ok("DescribeVpcs", """{"MaxResults":5}""");
        Assert.Equal(5, page["Vpcs"]!.AsArray().Count);
        Assert.Null(page["NextToken"]);
    }

    [Fact]
    public void DescribeVpcs_WithoutMaxResults_ReturnsAllAndNoToken()
    {
        CreateVpcs(7);
        var page = _h.Ok("DescribeVpcs");
        Assert.Equal(7, page["Vpcs"]!.AsArray().Count);
        Assert.Null(page["NextToken"]);
    }

    [Fact]
    public void NextToken_IsACursor_ItemsDeletedBeforeItDoNotShiftThePage()
    {
        var created = CreateVpcs(10).Order(StringComparer.Ordinal).ToList();
        var first = _h.Ok("DescribeVpcs", """{"MaxResults":5}""");
        var token = Str(first["NextToken"]);
        _h.Run("DeleteVpc", $$"""{"VpcId":"{{created[0]}}"}""");
        var second = _h.Ok("DescribeVpcs", $$"""{"MaxResults":5,"NextToken":"{{token}}"}""");
        Assert.Equal(created.Skip(5), Ids(second, "Vpcs", "VpcId"));
    }

    [Fact]
    public void NextToken_MaxResultsChangedBetweenPages_StillPages()
    {
        var created = CreateVpcs(9).Order(StringComparer.Ordinal).ToList();
        var token = Str(_h.Ok("DescribeVpcs", """{"MaxResults":5}""")["NextToken"]);
        var rest = _h.Ok("DescribeVpcs", $$"""{"MaxResults":1000,"NextToken":"{{token}}"}""");
        Assert.Equal(created.Skip(5), Ids(rest, "Vpcs", "VpcId"));
        Assert.Null(rest["NextToken"]);
    }

    [Theory]
    [InlineData("DescribeVpcs", 4)]
    [InlineData("DescribeVpcs", 1001)]
    [InlineData("DescribeRouteTables", 101)]
    [InlineData("DescribeEgressOnlyInternetGateways", 256)]
    [InlineData("DescribeManagedPrefixLists", 0)]
    [InlineData("DescribeInstances", 4)]
    [InlineData("DescribeTags", 1001)]
    public void MaxResults_OutsideTheActionsRange_IsInvalidParameterValue(string operation, int maxResults)
    {
        var e = Assert.Throws<Ec2ProtocolException>(() => _h.Run(operation, $$"""{"MaxResults":{{maxResults}}}"""));
        Assert.Equal("InvalidParameterValue", e.Code);
        Assert.Contains("maxResults", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DescribeVpcs", 5)]
    [InlineData("DescribeVpcs", 1000)]
    [InlineData("DescribeRouteTables", 100)]
    [InlineData("DescribeManagedPrefixLists", 1)]
    [InlineData("DescribeSecurityGroupRules", 5)]
    public void MaxResults_AtTheRangeEnds_IsAccepted(string operation, int maxResults) =>
        Assert.NotNull(_h.Run(operation, $$"""{"MaxResults":{{maxResults}}}"""));

    [Theory]
    [InlineData("not base64 !!")]
    [InlineData("aGVsbG8")] // "hello": base64 but not ours
    public void NextToken_Garbage_IsInvalidParameterValue(string token)
    {
        var e = Assert.Throws<Ec2ProtocolException>(() => _h.Run("DescribeVpcs", $$"""{"NextToken":"{{token}}"}"""));
        Assert.Equal("InvalidParameterValue", e.Code);
        Assert.Contains("parameter NextToken is invalid", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NextToken_FromAnotherRequest_IsInvalidPaginationToken()
    {
        CreateVpcs(7);
        var token = Str(_h.Ok("DescribeVpcs", """{"MaxResults":5}""")["NextToken"]);
        var otherFilters = Assert.Throws<Ec2ProtocolException>(() =>
            _h.Run("DescribeVpcs", $$"""{"MaxResults":5,"NextToken":"{{token}}","Filters":[{"Name":"state","Values":["available"]}]}"""));
        Assert.Equal("InvalidPaginationToken", otherFilters.Code);
        var otherAction = Assert.Throws<Ec2ProtocolException>(() => _h.Run("DescribeSubnets", $$"""{"NextToken":"{{token}}"}"""));
        Assert.Equal("InvalidPaginationToken", otherAction.Code);
        _h.Context = VpcLab.ControlPlane.RequestContext.For("222222222222");
        var otherAccount = Assert.Throws<Ec2ProtocolException>(() => _h.Run("DescribeVpcs", $$"""{"NextToken":"{{token}}"}"""));
        Assert.Equal("InvalidPaginationToken", otherAccount.Code);
    }

    [Fact]
    public void NextToken_Empty_MeansFirstPage() =>
        Assert.NotNull(_h.Run("DescribeVpcs", """{"NextToken":""}"""));

    // AWS: "The parameter instancesSet cannot be used with the parameter maxResults" (observed, moto#6282).
    [Theory]
    [InlineData("DescribeInstances", """{"InstanceIds":["i-0123456789abcdef0"],"MaxResults":5}""", "instancesSet")]
    [InlineData("DescribeNetworkInterfaces", """{"NetworkInterfaceIds":["eni-0123456789abcdef0"],"MaxResults":5}""", "networkInterfaceIdSet")]
    public void MaxResults_WithExplicitIds_IsInvalidParameterCombinationWhereAwsRefusesIt(string operation, string json, string wireName)
    {
        var e = Assert.Throws<Ec2ProtocolException>(() => _h.Run(operation, json));
        Assert.Equal("InvalidParameterCombination", e.Code);
        Assert.Contains(wireName, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxResults_WithExplicitIds_IsAllowedForVpcs()
    {
        var ids = CreateVpcs(6).Order(StringComparer.Ordinal).ToList();
        var page = _h.Ok("DescribeVpcs", $$"""{"VpcIds":["{{ids[0]}}","{{ids[1]}}","{{ids[2]}}","{{ids[3]}}","{{ids[4]}}","{{ids[5]}}"],"MaxResults":5}""");
        Assert.Equal(5, page["Vpcs"]!.AsArray().Count);
        Assert.NotNull(page["NextToken"]);
    }

    [Fact]
    public void GetManagedPrefixListEntries_PagesByPosition_InTheControlPlanesOrder()
    {
        var entries = string.Join(",", Enumerable.Range(0, 7).Select(i => $$"""{"Cidr":"10.{{i}}.0.0/16"}"""));
        var id = Str(_h.Ok("CreateManagedPrefixList", $$"""{"PrefixListName":"p","MaxEntries":10,"AddressFamily":"IPv4","Entries":[{{entries}}]}""")["PrefixList"]!["PrefixListId"]);
        var cidrs = new List<string>();
        string? token = null;
        do
        {
            var page = _h.Ok("GetManagedPrefixListEntries", token is null
                ? $$"""{"PrefixListId":"{{id}}","MaxResults":3}"""
                : $$"""{"PrefixListId":"{{id}}","MaxResults":3,"NextToken":"{{token}}"}""");
            cidrs.AddRange(page["Entries"]!.AsArray().Select(e => Str(e!["Cidr"])));
            token = page["NextToken"]?.GetValue<string>();
        }
        while (token is not null);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"10.{i}.0.0/16"), cidrs);
    }

    [Fact]
    public void DescribeTags_ManyResourcesAndKeys_PagesAcrossThem()
    {
        var vpc = _h.Vpc();
        var keys = string.Join(",", Enumerable.Range(0, 8).Select(i => $$"""{"Key":"k{{i}}","Value":"v"}"""));
        _h.Run("CreateTags", $$"""{"Resources":["{{vpc}}"],"Tags":[{{keys}}]}""");
        var first = _h.Ok("DescribeTags", """{"MaxResults":5}""");
        var second = _h.Ok("DescribeTags", $$"""{"MaxResults":5,"NextToken":"{{Str(first["NextToken"])}}"}""");
        var all = first["Tags"]!.AsArray().Concat(second["Tags"]!.AsArray()).Select(t => Str(t!["Key"])).ToList();
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"k{i}"), all);
        Assert.Null(second["NextToken"]);
    }
}
