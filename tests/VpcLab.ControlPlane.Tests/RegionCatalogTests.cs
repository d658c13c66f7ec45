using VpcLab.ControlPlane;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Tests;

/// <summary>The account's Regions and zones as AWS lists them (docs/semantics.md#regions, #zones).</summary>
public sealed class RegionCatalogTests
{
    private static readonly Ec2ControlPlane Cp = new();

    private static RequestContext In(string region) => new(ControlPlaneOptions.DefaultAccount, region);

    // AWS Regions and Availability Zones (https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html):
    // every commercial Region; the 17 launched before March 2019 need no opt-in, the others are opt-in Regions, which a
    // new account has not enabled (DescribeRegions AllRegions lists them as not-opted-in).
    [Fact]
    public void DescribeRegions_AllRegions_EveryCommercialRegionWithItsOptInStatus()
    {
        var regions = Cp.DescribeRegions(RequestContext.Default, new DescribeRegionsRequest { AllRegions = true }).Regions;
        Assert.Equal(34, regions.Count);
        Assert.Equal(17, regions.Count(r => !r.Region.OptInRequired));
        Assert.All(regions, r => Assert.Equal(r.Region.OptInRequired ? "not-opted-in" : "opt-in-not-required", r.OptInStatus));
        Assert.Contains("af-south-1", regions.Where(r => r.Region.OptInRequired).Select(r => r.Region.Name));
        Assert.DoesNotContain("eu-west-3", regions.Where(r => r.Region.OptInRequired).Select(r => r.Region.Name));
    }

    // AZ names are the Region code plus a letter; AZ ids are the Region's short code, "-az" and a number, the same
    // physical zone in every account (https://docs.aws.amazon.com/global-infrastructure/latest/regions/az-ids.html).
    [Theory]
    [InlineData("us-east-1", "us-east-1a use1-az1|us-east-1b use1-az2|us-east-1c use1-az3|us-east-1d use1-az4|us-east-1e use1-az5|us-east-1f use1-az6")]
    [InlineData("eu-west-3", "eu-west-3a euw3-az1|eu-west-3b euw3-az2|eu-west-3c euw3-az3")]
    [InlineData("ap-northeast-1", "ap-northeast-1a apne1-az4|ap-northeast-1c apne1-az1|ap-northeast-1d apne1-az2")]
    [InlineData("ca-central-1", "ca-central-1a cac1-az1|ca-central-1b cac1-az2|ca-central-1d cac1-az4")]
    [InlineData("us-west-1", "us-west-1a usw1-az1|us-west-1c usw1-az3")]
    [InlineData("mx-central-1", "mx-central-1a mxc1-az1|mx-central-1b mxc1-az2|mx-central-1c mxc1-az3")]
    public void DescribeAvailabilityZones_Region_NamesAndZoneIds(string region, string expected)
    {
        var lab = new TestLab();
        var zones = lab.Cp.DescribeAvailabilityZones(lab.Enabled(In(region)), new DescribeAvailabilityZonesRequest()).AvailabilityZones;
        Assert.Equal(expected, string.Join('|', zones.Select(z => $"{z.Name} {z.ZoneId}")));
    }

    // AWS: a Region's zones all carry its name; zone ids are unique across Regions; the lab's address pools never
    // overlap, so an address names one Region.
    [Fact]
    public void Catalog_EveryRegion_ZonesAndPoolsDisjoint()
    {
        var catalog = RegionCatalog.Default;
        Assert.All(catalog, r => Assert.All(r.Zones, z => Assert.StartsWith(r.Name, z.Name, StringComparison.Ordinal)));
        Assert.All(catalog, r => Assert.True(r.Zones.Length >= 2, r.Name));
        var zoneIds = catalog.SelectMany(r => r.Zones.Select(z => z.ZoneId)).ToList();
        Assert.Equal(zoneIds.Count, zoneIds.Distinct().Count());
        // A global list (CloudFront, Ground Station) holds the same ranges in every Region: counted once.
        static bool IsGlobal(AwsManagedPrefixListInfo l) => l.Name.StartsWith("com.amazonaws.global.", StringComparison.Ordinal);
        var globalCidrs = catalog[0].ManagedPrefixLists.Where(IsGlobal).SelectMany(l => l.Cidrs);
        Assert.All(catalog, r => Assert.Equal(globalCidrs, r.ManagedPrefixLists.Where(IsGlobal).SelectMany(l => l.Cidrs)));
        AssertDisjoint(catalog.Select(r => r.PublicIpv4Pool).Concat(globalCidrs)
            .Concat(catalog.SelectMany(r => r.ManagedPrefixLists.Where(l => !IsGlobal(l)).SelectMany(l => l.Cidrs))).ToList());
        AssertDisjoint(catalog.Select(r => r.Ipv6Pool).ToList());
        var listIds = catalog.SelectMany(r => r.ManagedPrefixLists.Select(l => l.Id)).ToList();
        Assert.Equal(listIds.Count, listIds.Distinct().Count());
    }

    // AWS: every Region has a default VPC with one default subnet per AZ (https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html);
    // an opt-in Region works like any other once enabled.
    [Theory]
    [InlineData("eu-west-3")]
    [InlineData("il-central-1")]
    public void CreateDefaultVpc_NewlyListedRegion_SubnetPerZone(string region)
    {
        var lab = new TestLab();
        var cp = lab.Cp;
        var vpc = cp.CreateDefaultVpc(lab.Enabled(In(region)), new CreateDefaultVpcRequest()).Vpc;
        Assert.Equal(cp.Regions[region].Zones.Length, cp.Network.SubnetsOf(vpc.Id).Count());
        var eip = cp.AllocateAddress(In(region), new AllocateAddressRequest()).Address!;
        Assert.True(cp.Regions[region].PublicIpv4Pool.Contains(eip.PublicIp));
    }

    private static void AssertDisjoint(List<Cidr> cidrs)
    {
        for (var i = 0; i < cidrs.Count; i++)
            for (var j = i + 1; j < cidrs.Count; j++)
                Assert.False(cidrs[i].Overlaps(cidrs[j]), $"{cidrs[i]} overlaps {cidrs[j]}");
    }
}
