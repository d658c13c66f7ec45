using VpcLab.Net;

namespace VpcLab.Model.Tests;

public class RouteTests
{
    [Fact]
    public void RouteDestination_Cidr_PrintsTheBlock() =>
        Assert.Equal("10.0.0.0/16", RouteDestination.To(Cidr.Parse("10.0.0.0/16")).ToString());

    [Fact]
    public void RouteDestination_PrefixList_PrintsItsId() =>
        Assert.Equal("pl-63a5400a", RouteDestination.To(new PrefixListId("pl-63a5400a")).ToString());

    [Fact]
    public void Route_LocalTarget_IsLocal()
    {
        Assert.True(new Route(RouteDestination.To(Cidr.Parse("10.0.0.0/16")), RouteTarget.Local, RouteOrigin.CreateRouteTable).IsLocal);
        Assert.False(ModelFactory.Route("0.0.0.0/0", RouteTargetKind.InternetGateway, "igw-1").IsLocal);
        Assert.Equal("local", RouteTarget.Local.ToString());
    }

    [Theory]
    [InlineData("us-east-1a", "use1-az1")]
    [InlineData("use1-az2", "use1-az2")]
    public void Region_Zone_FoundByNameOrZoneId(string nameOrId, string zoneId)
    {
        var region = new Region("us-east-1", [ModelFactory.Zone, new AvailabilityZone("us-east-1b", "use1-az2", "us-east-1")]);

        Assert.Equal(zoneId, region.Zone(nameOrId)?.ZoneId);
        Assert.Null(region.Zone("eu-west-1a"));
    }
}
