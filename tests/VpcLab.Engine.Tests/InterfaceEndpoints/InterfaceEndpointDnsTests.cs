using VpcLab.Engine.Dns;
using VpcLab.Net;

namespace VpcLab.Engine.Tests.InterfaceEndpoints;

/// <summary>The DNS names of interface endpoints and of the services behind them (spec gateways-endpoints-peering.md
/// §e; docs/semantics.md#interface-endpoints). "ep-a"/"ep-b" stand for the endpoint's interface addresses in us-east-1a/b; "public" for
/// the service's public address (52.46.0.10, the tenth address of SNS's first us-east-1 range).</summary>
public class InterfaceEndpointDnsTests
{
    private static IpAddress[] Expected(EndpointWorld w, string addresses) =>
        [.. addresses.Split(',').Select(a => a switch
        {
            "ep-a" => w.EndpointIp("us-east-1a"),
            "ep-b" => w.EndpointIp("us-east-1b"),
            "public" => IpAddress.Parse("52.46.0.10"),
            _ => IpAddress.Parse(a),
        })];

    [Theory]
    // AWS: with private DNS on, and the VPC's enableDnsSupport and enableDnsHostnames on, the service's public name
    // resolves inside the VPC to the endpoint's interfaces (a private hosted zone of the endpoint).
    [InlineData(EndpointVariant.None, "app", DnsRule.VpcEndpointPrivateDns, "ep-a,ep-b")]
    // AWS: private DNS off: the public name keeps its public answer.
    [InlineData(EndpointVariant.PrivateDnsOff, "app", DnsRule.ServicePublicName, "public")]
    // AWS: private DNS needs both VPC DNS attributes: with enableDnsHostnames off the private zone is not used.
    [InlineData(EndpointVariant.HostnamesOff, "app", DnsRule.ServicePublicName, "public")]
    // AWS: the private hosted zone is associated with the endpoint's VPC only: another VPC and the internet get
    // public DNS.
    [InlineData(EndpointVariant.None, "other", DnsRule.ServicePublicName, "public")]
    [InlineData(EndpointVariant.None, "internet", DnsRule.ServicePublicName, "public")]
    // Choice: only an available endpoint has records; a pending one leaves the public answer.
    [InlineData(EndpointVariant.EndpointPending, "app", DnsRule.ServicePublicName, "public")]
    public void ServicePublicName_ResolvesToTheEndpointOnlyWithPrivateDnsAndBothVpcAttributes(
        EndpointVariant variant, string from, DnsRule rule, string addresses)
    {
        var w = new EndpointWorld(variant);
        var answer = w.Resolve(from, EndpointWorld.SnsName);
        Assert.Equal(DnsStatus.Resolved, answer.Status);
        Assert.Equal(rule, answer.Rule);
        Assert.Equal(Expected(w, addresses), answer.Addresses);
    }

    [Theory]
    [InlineData(EndpointVariant.None, "private hosted zone of endpoint vpce-")]
    [InlineData(EndpointVariant.PrivateDnsOff, "private DNS is off on vpce-")]
    [InlineData(EndpointVariant.HostnamesOff, "enableDnsHostnames off")]
    public void ServicePublicName_AnswerSaysWhichRuleDecided(EndpointVariant variant, string expected)
    {
        var w = new EndpointWorld(variant);
        var answer = w.Resolve("app", EndpointWorld.SnsName);
        Assert.Contains(expected, answer.Explanation, StringComparison.Ordinal);
        Assert.Equal(w.SnsEndpoint.Id.Value, answer.ResourceId);
    }

    // AWS: a VPC with enableDnsSupport off has no Amazon resolver at all.
    [Fact]
    public void ServicePublicName_DnsSupportOff_NoResolverAnswers()
    {
        var answer = new EndpointWorld(EndpointVariant.DnsSupportOff).Resolve("app", EndpointWorld.SnsName);
        Assert.Equal(DnsStatus.NoResolver, answer.Status);
    }

    [Theory]
    // AWS: the regional name gives every interface of the endpoint, the zonal name that zone's only. Both are
    // public DNS records (private addresses), so they resolve the same from anywhere.
    [InlineData("regional", "app", DnsRule.VpcEndpointRegionalName, "ep-a,ep-b")]
    [InlineData("regional", "other", DnsRule.VpcEndpointRegionalName, "ep-a,ep-b")]
    [InlineData("regional", "internet", DnsRule.VpcEndpointRegionalName, "ep-a,ep-b")]
    [InlineData("us-east-1a", "app", DnsRule.VpcEndpointZonalName, "ep-a")]
    [InlineData("us-east-1b", "app", DnsRule.VpcEndpointZonalName, "ep-b")]
    [InlineData("us-east-1b", "internet", DnsRule.VpcEndpointZonalName, "ep-b")]
    public void VpceNames_RegionalGivesEveryInterface_ZonalOnlyItsZone(string which, string from, DnsRule rule, string addresses)
    {
        var w = new EndpointWorld(EndpointVariant.PrivateDnsOff); // the vpce names do not depend on private DNS
        var name = which == "regional" ? w.RegionalName : w.ZonalName(which);
        var answer = w.Resolve(from, name);
        Assert.Equal(rule, answer.Rule);
        Assert.Equal(Expected(w, addresses), answer.Addresses);
    }

    [Fact]
    public void VpceNames_RegionalAndZonal_MatchAwsVpceDnsFormat()
    {
        var w = new EndpointWorld();
        Assert.Matches(@"^vpce-[0-9a-f]{17}-29p5708s\.sns\.us-east-1\.vpce\.amazonaws\.com$", w.RegionalName);
        Assert.Matches(@"^vpce-[0-9a-f]{17}-29p5708s-us-east-1b\.sns\.us-east-1\.vpce\.amazonaws\.com$", w.ZonalName("us-east-1b"));
    }

    // A zone the endpoint has no interface in has no zonal name.
    [Fact]
    public void ZonalName_OfAZoneWithoutInterface_IsUnknown()
    {
        var w = new EndpointWorld();
        Assert.Equal(DnsStatus.NxDomain, w.Resolve("app", w.ZonalName("us-east-1c")).Status);
    }

    // Choice: public names of the catalogued services resolve to a stable address of their first range (for S3 in
    // us-east-1, 3.5.0.10, inside the S3 prefix list a gateway endpoint routes).
    [Theory]
    [InlineData("sns.us-east-1.amazonaws.com", "52.46.0.10")]
    [InlineData("sqs.us-east-1.amazonaws.com", "52.46.1.10")]
    [InlineData("s3.us-east-1.amazonaws.com", "3.5.0.10")]
    [InlineData("sns.eu-west-1.amazonaws.com", "52.46.32.10")]
    public void ServicePublicName_FromTheInternet_IsAStableAddressOfTheServiceRange(string name, string address)
    {
        var answer = new EndpointWorld().Resolve("internet", name);
        Assert.Equal([IpAddress.Parse(address)], answer.Addresses);
    }
}
