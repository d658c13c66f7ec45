using CsCheck;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests.Regions;

/// <summary>Each account's zone names (docs/semantics.md#zones): AWS maps AZ names to zone ids independently per account
/// in the Regions introduced before November 2012, and alike everywhere else; zone ids are the same physical zone in
/// every account (https://docs.aws.amazon.com/global-infrastructure/latest/regions/az-ids.html).</summary>
public sealed class ZoneNameMappingTests
{
    private static readonly Ec2ControlPlane Cp = new();

    // Rows: account, Region, the zones DescribeAvailabilityZones lists (name zone-id). The default account keeps the
    // catalog's mapping; 123456789013 (digit sum 49) is rotated by one in the independently mapped Regions only.
    [Theory]
    [InlineData("111111111111", "us-east-1", "us-east-1a use1-az1|us-east-1b use1-az2|us-east-1c use1-az3|us-east-1d use1-az4|us-east-1e use1-az5|us-east-1f use1-az6")]
    [InlineData("123456789013", "us-east-1", "us-east-1a use1-az2|us-east-1b use1-az3|us-east-1c use1-az4|us-east-1d use1-az5|us-east-1e use1-az6|us-east-1f use1-az1")]
    [InlineData("123456789013", "ap-northeast-1", "ap-northeast-1a apne1-az1|ap-northeast-1c apne1-az2|ap-northeast-1d apne1-az4")]
    [InlineData("123456789013", "us-west-1", "us-west-1a usw1-az3|us-west-1c usw1-az1")]
    [InlineData("123456789013", "us-east-2", "us-east-2a use2-az1|us-east-2b use2-az2|us-east-2c use2-az3")] // launched 2016: uniform
    [InlineData("123456789013", "eu-west-3", "eu-west-3a euw3-az1|eu-west-3b euw3-az2|eu-west-3c euw3-az3")] // launched 2017: uniform
    public void DescribeAvailabilityZones_Account_ItsOwnNamesForTheSameZoneIds(string account, string region, string expected)
    {
        var zones = Cp.DescribeAvailabilityZones(RequestContext.For(account, region), new DescribeAvailabilityZonesRequest()).AvailabilityZones;
        Assert.Equal(expected, string.Join('|', zones.Select(z => $"{z.Name} {z.ZoneId}")));
    }

    // A subnet created by name lands in the zone id the creator's name means, and by zone id in the same physical zone
    // for everyone: the AZ IDs page's shared-subnet example, one physical zone, two names.
    [Theory]
    [InlineData("111111111111", "us-east-1a", "use1-az1")]
    [InlineData("123456789013", "us-east-1a", "use1-az2")]
    [InlineData("123456789013", "use1-az1", "use1-az1")]
    public void CreateSubnet_ZoneOfTheCaller_ZoneIdItNames(string account, string zone, string zoneId)
    {
        var lab = new TestLab();
        var ctx = RequestContext.For(account);
        var vpc = lab.Vpc(ctx: ctx);
        bool byId = zone.Contains("-az", StringComparison.Ordinal);
        var subnet = lab.Cp.CreateSubnet(ctx, new CreateSubnetRequest
        {
            VpcId = vpc.Id.Value, CidrBlock = "10.0.1.0/24", AvailabilityZone = byId ? null : zone, AvailabilityZoneId = byId ? zone : null,
        }).Subnet;
        Assert.Equal(zoneId, subnet.AvailabilityZone.ZoneId);
        Assert.Equal(ZoneNameMapping.ByZoneId(new AccountId(account), "us-east-1", RegionCatalog.Default[0].Zones, zoneId)!.Name, subnet.AvailabilityZone.Name);
    }

    // Property: in every Region and for any account, the account's names are the catalog's names and name each zone id
    // exactly once (a mapping, never two names for one zone); Regions launched after November 2012 map alike.
    [Fact]
    public void Mapping_AnyAccountAnyRegion_BijectionOntoTheZoneIds()
    {
        var accounts = Gen.Long[0, 999_999_999_999L].Select(n => new AccountId(n.ToString("D12", System.Globalization.CultureInfo.InvariantCulture)));
        Gen.Select(accounts, Gen.Int[0, RegionCatalog.Default.Length - 1]).Sample((account, r) =>
        {
            var region = RegionCatalog.Default[r];
            var mine = ZoneNameMapping.For(account, region.Name, region.Zones);
            Assert.Equal(region.Zones.Select(z => z.Name), mine.Select(z => z.Name));
            Assert.Equal(region.Zones.Select(z => z.ZoneId).Order(StringComparer.Ordinal), mine.Select(z => z.ZoneId).Order(StringComparer.Ordinal));
            if (!ZoneNameMapping.IndependentlyMappedRegions.Contains(region.Name))
                Assert.Equal(region.Zones, mine);
        }, iter: 200);
    }
}
