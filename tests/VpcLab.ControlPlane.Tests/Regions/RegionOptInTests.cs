using System.Collections.Immutable;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Errors;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests.Regions;

/// <summary>Opt-in Regions as AWS has them (docs/semantics.md#regions): a new account has only the Regions enabled by
/// default; a call into an opt-in Region it has not enabled is refused; the Account Management API enables one.</summary>
public sealed class RegionOptInTests
{
    private static readonly AccountId Me = ControlPlaneOptions.DefaultAccount;
    private static readonly AccountId Other = new("222222222222");

    private static RequestContext In(string region, AccountId? account = null) => new(account ?? Me, region);

    private static RegionOptInRequest Named(string? region, string? account = null) => new() { RegionName = region, AccountId = account };

    // AWS: a call signed for an opt-in Region the account has not enabled fails like unverifiable credentials
    // (AuthFailure, 401), reads and writes alike; once enabled it works; disabled again it is refused again.
    // Rows: Region, the account's enabling steps (+enable, -disable), then the expected error (null: it works).
    [Theory]
    [InlineData("us-east-1", "", null)] // enabled by default
    [InlineData("eu-west-3", "", null)]
    [InlineData("ap-east-1", "", "AuthFailure")] // an opt-in Region a new account has not enabled
    [InlineData("me-south-1", "", "AuthFailure")]
    [InlineData("ap-east-1", "+ap-east-1", null)]
    [InlineData("ap-east-1", "+me-south-1", "AuthFailure")] // enabling one opt-in Region enables no other
    [InlineData("ap-east-1", "+ap-east-1 -ap-east-1", "AuthFailure")]
    [InlineData("ap-east-1", "+ap-east-1 -ap-east-1 +ap-east-1", null)]
    public void Call_OptInRegion_RefusedUntilEnabled(string region, string steps, string? error)
    {
        var lab = new TestLab();
        foreach (var step in steps.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (step[0] == '+')
                lab.Cp.RegionOptIns.EnableRegion(Me, Named(step[1..]));
            else
                lab.Cp.RegionOptIns.DisableRegion(Me, Named(step[1..]));
        }
        Func<object>[] calls =
        [
            () => lab.Cp.CreateVpc(In(region), new CreateVpcRequest { CidrBlock = "10.0.0.0/16" }),
            () => lab.Cp.DescribeVpcs(In(region), new DescribeVpcsRequest()),
            () => lab.Cp.DescribeAvailabilityZones(In(region), new DescribeAvailabilityZonesRequest()),
        ];
        foreach (var call in calls)
        {
            if (error is null)
            {
                call();
                continue;
            }
            var e = lab.FailsWith(error, call);
            Assert.Equal(401, e.Code.HttpStatus);
            Assert.Equal("AWS was not able to validate the provided access credentials", e.Message);
        }
    }

    // AWS: enabling is per account: another account's opt-in does not open the Region to this one.
    [Fact]
    public void EnableRegion_OtherAccount_StillRefusedHere()
    {
        var lab = new TestLab();
        lab.Cp.RegionOptIns.EnableRegion(Other, Named("af-south-1"));
        lab.Cp.CreateVpc(In("af-south-1", Other), new CreateVpcRequest { CidrBlock = "10.0.0.0/16" });
        lab.FailsWith("AuthFailure", () => lab.Cp.DescribeVpcs(In("af-south-1"), new DescribeVpcsRequest()));
    }

    // AWS DisableRegion: "will remove all IAM access to any resources that reside in that Region" — access, not the
    // resources: enabled again, the account finds its VPC as it left it.
    [Fact]
    public void DisableRegion_ThenEnable_ResourcesBack()
    {
        var lab = new TestLab();
        lab.Cp.RegionOptIns.EnableRegion(Me, Named("eu-south-1"));
        var vpc = lab.Cp.CreateVpc(In("eu-south-1"), new CreateVpcRequest { CidrBlock = "10.9.0.0/16" }).Vpc;
        lab.Cp.RegionOptIns.DisableRegion(Me, Named("eu-south-1"));
        lab.FailsWith("AuthFailure", () => lab.Cp.DescribeVpcs(In("eu-south-1"), new DescribeVpcsRequest()));
        Assert.True(lab.N.Vpcs.ContainsKey(vpc.Id));
        lab.Cp.RegionOptIns.EnableRegion(Me, Named("eu-south-1"));
        Assert.Equal(vpc.Id, Assert.Single(lab.Cp.DescribeVpcs(In("eu-south-1"), new DescribeVpcsRequest()).Vpcs).Id);
    }

    // AWS DescribeRegions: without AllRegions, "the Regions that are enabled for your account"; with it, every Region
    // with OptInStatus opt-in-not-required | opted-in | not-opted-in; RegionNames may name disabled Regions; the
    // region-name, endpoint and opt-in-status filters. The account has enabled ap-east-1 only.
    // Rows: AllRegions, RegionNames, filter name=value, expected "name status" lines (count when many).
    [Theory]
    [InlineData(false, "", "", 18, "ap-east-1 opted-in")]
    [InlineData(true, "", "", 34, "ap-east-1 opted-in|me-south-1 not-opted-in|us-east-1 opt-in-not-required")]
    [InlineData(false, "me-south-1 us-west-2", "", 2, "me-south-1 not-opted-in|us-west-2 opt-in-not-required")]
    [InlineData(true, "", "opt-in-status=not-opted-in", 16, "me-south-1 not-opted-in")]
    [InlineData(false, "", "opt-in-status=not-opted-in", 0, "")] // disabled Regions are not listed without AllRegions
    [InlineData(true, "", "opt-in-status=opted-in", 1, "ap-east-1 opted-in")]
    [InlineData(false, "", "opt-in-status=opt-in-not-required", 17, "eu-west-3 opt-in-not-required")]
    [InlineData(true, "", "region-name=me-*", 2, "me-central-1 not-opted-in|me-south-1 not-opted-in")]
    [InlineData(true, "", "endpoint=ec2.il-central-1.amazonaws.com", 1, "il-central-1 not-opted-in")]
    public void DescribeRegions_AllRegionsAndFilters_TheAccountsStatuses(bool all, string names, string filter, int count, string contains)
    {
        var lab = new TestLab();
        lab.Cp.RegionOptIns.EnableRegion(Me, Named("ap-east-1"));
        var request = new DescribeRegionsRequest
        {
            AllRegions = all,
            RegionNames = names.Length == 0 ? null : names.Split(' '),
            Filters = filter.Length == 0 ? null : [new Filter(filter[..filter.IndexOf('=', StringComparison.Ordinal)], filter[(filter.IndexOf('=', StringComparison.Ordinal) + 1)..])],
        };
        var listed = lab.Cp.DescribeRegions(In("us-east-1"), request).Regions.Select(r => $"{r.Region.Name} {r.OptInStatus}").ToList();
        Assert.Equal(count, listed.Count);
        foreach (var line in contains.Split('|', StringSplitOptions.RemoveEmptyEntries))
            Assert.Contains(line, listed);
    }

    // Account Management API: GetRegionOptStatus answers ENABLED_BY_DEFAULT | ENABLED | DISABLED (the lab never
    // shows ENABLING/DISABLING: it enables at once); a Region enabled by default cannot be enabled or disabled
    // (ValidationException); an unknown or missing Region is a ValidationException; AccountId may name only the
    // caller (no Organizations: AccessDeniedException, 403). Rows: operation, Region, AccountId, expected status or error.
    [Theory]
    [InlineData("get", "us-east-1", null, "ENABLED_BY_DEFAULT")]
    [InlineData("get", "ap-east-1", null, "DISABLED")]
    [InlineData("enable", "ap-east-1", null, "ENABLED")]
    [InlineData("enable", "ap-east-1", "111111111111", "ENABLED")] // the caller's own id
    [InlineData("disable", "ap-east-1", null, "DISABLED")]
    [InlineData("enable", "us-east-1", null, "ValidationException")]
    [InlineData("disable", "eu-west-1", null, "ValidationException")]
    [InlineData("enable", "mars-1", null, "ValidationException")]
    [InlineData("get", "mars-1", null, "ValidationException")]
    [InlineData("enable", "", null, "ValidationException")]
    [InlineData("enable", "ap-east-1", "222222222222", "AccessDeniedException")]
    public void AccountApi_RegionOptStatus_AwsStatusOrError(string operation, string region, string? account, string expected)
    {
        var lab = new TestLab();
        var optIns = lab.Cp.RegionOptIns;
        Func<object> run = operation switch
        {
            "enable" => () => optIns.EnableRegion(Me, Named(region, account)),
            "disable" => () => optIns.DisableRegion(Me, Named(region, account)),
            _ => () => optIns.GetRegionOptStatus(Me, Named(region, account)),
        };
        if (expected.EndsWith("Exception", StringComparison.Ordinal))
        {
            var e = lab.FailsWith(expected, run);
            Assert.Equal(expected == "AccessDeniedException" ? 403 : 400, e.Code.HttpStatus);
            return;
        }
        run();
        Assert.Equal(expected, optIns.GetRegionOptStatus(Me, Named(region)).RegionOptStatus);
    }

    // ListRegions: every Region with its status, RegionOptStatusContains filters, MaxResults 1–50 pages with NextToken.
    [Fact]
    public void ListRegions_FilterAndPages_EveryRegionOnce()
    {
        var lab = new TestLab();
        var optIns = lab.Cp.RegionOptIns;
        optIns.EnableRegion(Me, Named("il-central-1"));
        var all = optIns.ListRegions(Me, new ListRegionsRequest()).Regions;
        Assert.Equal(34, all.Count);
        Assert.Equal(17, all.Count(r => r.RegionOptStatus == "ENABLED_BY_DEFAULT"));
        Assert.Equal(["il-central-1"], optIns.ListRegions(Me, new ListRegionsRequest { RegionOptStatusContains = ["ENABLED"] }).Regions.Select(r => r.RegionName));
        Assert.Equal(17, optIns.ListRegions(Me, new ListRegionsRequest { RegionOptStatusContains = ["ENABLED", "DISABLED"] }).Regions.Count);

        var paged = new List<RegionOptStatusEntry>();
        string? token = null;
        do
        {
            var page = optIns.ListRegions(Me, new ListRegionsRequest { MaxResults = 10, NextToken = token });
            Assert.True(page.Regions.Count <= 10);
            paged.AddRange(page.Regions);
            token = page.NextToken;
        }
        while (token is not null);
        Assert.Equal(all, paged);

        lab.FailsWith("ValidationException", () => optIns.ListRegions(Me, new ListRegionsRequest { MaxResults = 51 }));
        lab.FailsWith("ValidationException", () => optIns.ListRegions(Me, new ListRegionsRequest { RegionOptStatusContains = ["ON"] }));
        lab.FailsWith("ValidationException", () => optIns.ListRegions(Me, new ListRegionsRequest { NextToken = "x" }));
    }

    // A log written when every Region took calls (before opt-in Regions): replayed, its calls in an opt-in Region are
    // not refused, and the account keeps that Region enabled (docs/semantics.md#regions).
    [Fact]
    public void Replay_CallInOptInRegion_EnablesIt()
    {
        var lab = new TestLab();
        lab.Cp.Replaying = true;
        lab.Cp.CreateVpc(In("ap-southeast-3"), new CreateVpcRequest { CidrBlock = "10.0.0.0/16" });
        lab.Cp.Replaying = false;
        Assert.Equal("ENABLED", lab.Cp.RegionOptIns.GetRegionOptStatus(Me, Named("ap-southeast-3")).RegionOptStatus);
        Assert.Single(lab.Cp.DescribeVpcs(In("ap-southeast-3"), new DescribeVpcsRequest()).Vpcs);
    }

    // An imported world (vpclab import): AWS showed the account's VPCs in an opt-in Region only because the account
    // had it enabled, so the lab's copy has it enabled too.
    [Fact]
    public void ImportedWorld_VpcInOptInRegion_RegionEnabledForItsOwner()
    {
        var source = new TestLab();
        source.Cp.RegionOptIns.EnableRegion(Other, Named("mx-central-1"));
        source.Cp.CreateVpc(In("mx-central-1", Other), new CreateVpcRequest { CidrBlock = "10.0.0.0/16" });
        var initial = source.N with { Accounts = source.N.Accounts.SetItem(Other, new Account(Other, "imported")) }; // as read from AWS: no opt-ins
        var imported = new Ec2ControlPlane(new ControlPlaneOptions { Initial = initial });
        Assert.Single(imported.DescribeVpcs(In("mx-central-1", Other), new DescribeVpcsRequest()).Vpcs);
        Assert.False(imported.RegionOptIns.IsEnabled(Me, "mx-central-1"));
    }

    // docs/scenarios.md#opt-in-regions: a scenario that declares resources in an opt-in Region enables it for the
    // accounts that own them (and its own Region for its first account); every other opt-in Region stays disabled.
    [Fact]
    public void Scenario_VpcsInOptInRegions_EnabledForTheirOwnersOnly()
    {
        const string Yaml = """
            name: opt-in
            region: ap-east-1
            accounts:
              - { name: hk, id: "444444444444" }
              - { name: bahrain, id: "555555555555" }
            vpcs:
              - { name: hk-vpc, account: hk, cidr: 10.1.0.0/16, subnets: [{ name: a, az: ap-east-1a, cidr: 10.1.1.0/24 }] }
              - { name: me-vpc, account: bahrain, region: me-south-1, cidr: 10.2.0.0/16 }
            """;
        var loaded = ScenarioLoader.Load(ScenarioParser.Parse(Yaml, "opt-in.yaml"), "opt-in.yaml");
        var optIns = loaded.ControlPlane.RegionOptIns;
        AccountId hk = new("444444444444"), bahrain = new("555555555555");
        Assert.True(optIns.IsEnabled(hk, "ap-east-1"));
        Assert.True(optIns.IsEnabled(bahrain, "me-south-1"));
        Assert.False(optIns.IsEnabled(bahrain, "ap-east-1"));
        Assert.False(optIns.IsEnabled(hk, "me-south-1"));
        Assert.False(optIns.IsEnabled(hk, "af-south-1"));
        Assert.Single(loaded.ControlPlane.DescribeVpcs(In("me-south-1", bahrain), new DescribeVpcsRequest()).Vpcs);
    }
}
