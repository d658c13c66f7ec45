using System.Collections.Immutable;
using VpcLab.Net;

namespace VpcLab.Model.Tests.Services;

public class AwsServiceCatalogTests
{
    private static readonly ImmutableArray<AvailabilityZone> UsEast1Zones =
        [new("us-east-1a", "use1-az1", "us-east-1"), new("us-east-1b", "use1-az2", "us-east-1")];
    private static readonly ImmutableArray<AvailabilityZone> UsWest2Zones = [new("us-west-2a", "usw2-az1", "us-west-2")];

    private static readonly AwsServiceCatalog Catalog =
        new([("us-east-1", UsEast1Zones), ("us-west-2", UsWest2Zones)], AwsIpRanges.Default);

    // AWS rule: S3 and DynamoDB take Gateway and Interface endpoints; the others listed take Interface only.
    [Theory]
    [InlineData("com.amazonaws.us-east-1.s3", "Gateway,Interface")]
    [InlineData("com.amazonaws.us-east-1.dynamodb", "Gateway,Interface")]
    [InlineData("com.amazonaws.us-east-1.sns", "Interface")]
    [InlineData("com.amazonaws.us-east-1.sqs", "Interface")]
    [InlineData("com.amazonaws.us-east-1.sts", "Interface")]
    [InlineData("com.amazonaws.us-east-1.kms", "Interface")]
    [InlineData("com.amazonaws.us-east-1.ec2", "Interface")]
    [InlineData("com.amazonaws.us-east-1.ssm", "Interface")]
    [InlineData("com.amazonaws.us-east-1.secretsmanager", "Interface")]
    [InlineData("com.amazonaws.us-west-2.logs", "Interface")]
    [InlineData("com.amazonaws.us-west-1.s3", "")]
    [InlineData("com.amazonaws.us-east-1.nosuch", "")]
    public void Endpoint_types_per_service(string serviceName, string types) =>
        Assert.Equal(types, string.Join(",", Catalog.Find(serviceName).Select(s => s.EndpointType)));

    // AWS rule: public name SERVICE.REGION.amazonaws.com, base endpoint SERVICE.REGION.vpce.amazonaws.com; private
    // DNS (the public name served privately) exists only for interface endpoints of services that support it.
    [Theory]
    [InlineData("com.amazonaws.us-east-1.sns", AwsServiceEndpointType.Interface, "sns.us-east-1.amazonaws.com", "sns.us-east-1.vpce.amazonaws.com", "sns.us-east-1.amazonaws.com")]
    [InlineData("com.amazonaws.us-east-1.s3", AwsServiceEndpointType.Gateway, "s3.us-east-1.amazonaws.com", "s3.us-east-1.vpce.amazonaws.com", null)]
    [InlineData("com.amazonaws.us-east-1.s3", AwsServiceEndpointType.Interface, "s3.us-east-1.amazonaws.com", "s3.us-east-1.vpce.amazonaws.com", null)]
    [InlineData("com.amazonaws.us-west-2.dynamodb", AwsServiceEndpointType.Gateway, "dynamodb.us-west-2.amazonaws.com", "dynamodb.us-west-2.vpce.amazonaws.com", null)]
    [InlineData("com.amazonaws.us-west-2.ec2", AwsServiceEndpointType.Interface, "ec2.us-west-2.amazonaws.com", "ec2.us-west-2.vpce.amazonaws.com", "ec2.us-west-2.amazonaws.com")]
    public void Dns_names(string serviceName, AwsServiceEndpointType type, string publicDns, string baseDns, string? privateDns)
    {
        var entry = Catalog.Find(serviceName).Single(s => s.EndpointType == type);
        Assert.Equal(publicDns, entry.PublicDnsName);
        Assert.Equal(baseDns, entry.BaseEndpointDnsName);
        Assert.Equal(privateDns, entry.PrivateDnsName);
    }

    [Fact]
    public void Every_service_is_offered_in_its_Regions_zones_and_owned_by_amazon()
    {
        foreach (var s in Catalog.Services)
        {
            var expected = s.Region == "us-east-1" ? UsEast1Zones : UsWest2Zones;
            Assert.Equal(expected, s.Zones);
            Assert.Equal("amazon", s.Owner);
            Assert.Equal($"com.amazonaws.{s.Region}.{s.ShortName}", s.ServiceName);
        }
        Assert.Equal(Catalog.Services.Length, Catalog.InRegion("us-east-1").Count() + Catalog.InRegion("us-west-2").Count());
    }

    // One table answers both directions: every address a service answers on is found back as that service.
    [Fact]
    public void Ranges_and_address_lookup_agree()
    {
        foreach (var s in Catalog.Services)
        {
            Assert.NotEmpty(s.PublicRanges);
            foreach (var cidr in s.PublicRanges)
            {
                var found = Catalog.FindByAddress(cidr.Network);
                Assert.NotNull(found);
                Assert.Equal((s.ShortName, s.Region), (found.ShortName, found.Region));
            }
        }
    }

    [Theory]
    [InlineData("52.216.8.12", "com.amazonaws.us-east-1.s3")]
    [InlineData("52.94.0.10", "com.amazonaws.us-east-1.dynamodb")]
    [InlineData("3.80.1.1", "com.amazonaws.us-east-1.ec2")]
    [InlineData("52.46.0.9", "com.amazonaws.us-east-1.sns")]
    [InlineData("52.46.22.9", "com.amazonaws.us-west-2.logs")]
    [InlineData("52.218.200.1", "com.amazonaws.us-west-2.s3")]
    [InlineData("52.219.0.1", null)] // eu-central-1 S3: that Region is not in this catalog
    [InlineData("10.0.0.1", null)]
    public void Which_service_owns_an_address(string address, string? serviceName) =>
        Assert.Equal(serviceName, Catalog.FindByAddress(IpAddress.Parse(address))?.ServiceName);

    [Fact]
    public void Simulated_interface_ranges_do_not_overlap_any_other_range()
    {
        var ranges = AwsIpRanges.Default.Ranges;
        foreach (var a in ranges.Where(r => r.Prefix.ToString().StartsWith("52.46.", StringComparison.Ordinal)))
            foreach (var b in ranges.Where(r => !ReferenceEquals(r, a)))
                Assert.False(a.Prefix.Overlaps(b.Prefix), $"{a} overlaps {b}");
    }
}
