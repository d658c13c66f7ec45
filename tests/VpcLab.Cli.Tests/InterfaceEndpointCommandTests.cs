using System.Text.Json;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Model;

namespace VpcLab.Cli.Tests;

/// <summary><c>vpclab resolve</c> and <c>vpclab trace</c> with interface endpoints: SNS through an endpoint with
/// private DNS (interfaces in zones a and b, none in c), SQS through one with private DNS off, no internet route.
/// Addresses are read back from the loaded scenario.</summary>
public class InterfaceEndpointCommandTests
{
    private const string Yaml = """
        name: endpoints
        region: us-east-1
        vpcs:
          - name: app-vpc
            cidr: 10.30.0.0/16
            enable-dns-hostnames: true
            subnets:
              - { name: app-a, az: us-east-1a, cidr: 10.30.0.0/24 }
              - { name: app-b, az: us-east-1b, cidr: 10.30.1.0/24 }
              - { name: app-c, az: us-east-1c, cidr: 10.30.2.0/24 }
            security-groups:
              - name: app-sg
                description: clients
              - name: endpoint-sg
                description: endpoint interfaces
                ingress:
                  - { protocol: tcp, ports: 443, source: app-sg }
            instances:
              - { name: app-1, subnet: app-a, security-groups: [app-sg] }
              - { name: app-3, subnet: app-c, security-groups: [app-sg] }
            endpoints:
              - { name: sns-endpoint, service: sns, subnets: [app-a, app-b], security-groups: [endpoint-sg] }
              - { name: sqs-endpoint, service: sqs, subnets: [app-a], security-groups: [endpoint-sg], private-dns: false }
        """;

    private static readonly Lazy<(string Path, Network Network)> Scenario = new(() =>
    {
        var path = CliRun.TempScenario(Yaml);
        return (path, ScenarioLoader.LoadFile(path).Network);
    });

    private static VpcEndpoint Endpoint(string name) =>
        Scenario.Value.Network.VpcEndpoints.Values.Single(e => Scenario.Value.Network.NameOf(e.Id.Value) == name);

    private static string EndpointIp(string name, string zone) =>
        Endpoint(name).NetworkInterfaceIds.Select(id => Scenario.Value.Network.NetworkInterfaces[id])
            .Single(n => n.AvailabilityZone == zone).PrimaryPrivateIp.ToString();

    private static JsonElement Json(CliRun run) => JsonDocument.Parse(run.Out).RootElement;

    [Theory]
    // AWS: private DNS on (and both VPC DNS attributes on): the public name gives the endpoint's interfaces.
    [InlineData("app-vpc", "sns.us-east-1.amazonaws.com", "vpc-endpoint-private-dns", "sns-a,sns-b")]
    // AWS: private DNS off: public DNS, the service's public address.
    [InlineData("app-vpc", "sqs.us-east-1.amazonaws.com", "service-public-name", "52.46.1.10")]
    [InlineData("internet", "sns.us-east-1.amazonaws.com", "service-public-name", "52.46.0.10")]
    // AWS: the endpoint's regional name gives every interface; a zonal name its zone's only.
    [InlineData("internet", "regional", "vpc-endpoint-regional-name", "sns-a,sns-b")]
    [InlineData("app-vpc", "zonal-b", "vpc-endpoint-zonal-name", "sns-b")]
    public void Resolve_Json_EndpointAnswers(string vpc, string name, string rule, string addresses)
    {
        var sns = Endpoint("sns-endpoint");
        name = name switch
        {
            "regional" => VpcEndpointDnsNames.Regional(sns),
            "zonal-b" => VpcEndpointDnsNames.Zonal(sns, "us-east-1b"),
            _ => name,
        };
        var run = CliRun.Of("resolve", "-s", Scenario.Value.Path, "--vpc", vpc, name, "--json");
        Assert.True(run.ExitCode == 0, run.Out + run.Err);
        var json = Json(run);
        Assert.Equal(rule, json.GetProperty("rule").GetString());
        var expected = addresses.Split(',').Select(a => a switch
        {
            "sns-a" => EndpointIp("sns-endpoint", "us-east-1a"),
            "sns-b" => EndpointIp("sns-endpoint", "us-east-1b"),
            _ => a,
        });
        Assert.Equal(expected, json.GetProperty("addresses").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void Resolve_Table_NamesThePrivateHostedZoneOfTheEndpoint()
    {
        var run = CliRun.Of("resolve", "-s", Scenario.Value.Path, "--vpc", "app-vpc", "sns.us-east-1.amazonaws.com");
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("private hosted zone", run.Out, StringComparison.Ordinal);
        Assert.Contains(Endpoint("sns-endpoint").Id.Value, run.Out, StringComparison.Ordinal);
    }

    // The trace resolves the name from the client's VPC, picks the endpoint interface in the client's zone, and shows
    // the endpoint and the service.
    [Fact]
    public void Trace_ToServiceName_GoesThroughTheEndpointInTheClientsZone()
    {
        var run = CliRun.Of("trace", "-s", Scenario.Value.Path, "--from", "app-1", "--to", "sns.us-east-1.amazonaws.com", "--port", "443", "--json");
        Assert.True(run.ExitCode == 0, run.Out + run.Err);
        var json = Json(run);
        Assert.Equal(EndpointIp("sns-endpoint", "us-east-1a"), json.GetProperty("flow").GetProperty("destination").GetString());
        var kinds = json.GetProperty("forward").EnumerateArray().Select(h => h.GetProperty("component").GetProperty("kind").GetString()).ToList();
        Assert.Equal(["interface-endpoint", "aws-service"], kinds.TakeLast(2));
        var hop = json.GetProperty("forward").EnumerateArray().Single(h => h.GetProperty("component").GetProperty("kind").GetString() == "interface-endpoint");
        Assert.True(hop.GetProperty("endpointZone").GetProperty("sameZone").GetBoolean());
        Assert.Equal("vpc-endpoint-private-dns", Assert.Single(json.GetProperty("resolutions").EnumerateArray()).GetProperty("rule").GetString());
    }

    // AWS: a zone without an endpoint interface uses another zone's: the table says cross-AZ and why.
    [Fact]
    public void Trace_FromAZoneWithoutEndpointInterface_SaysCrossAz()
    {
        var run = CliRun.Of("trace", "-s", Scenario.Value.Path, "--from", "app-3", "--to", "sns.us-east-1.amazonaws.com", "--port", "443");
        Assert.True(run.ExitCode == 0, run.Out + run.Err);
        Assert.Contains("cross-AZ", run.Out, StringComparison.Ordinal);
        Assert.Contains("AVAILABILITY_ZONE_CROSSED", run.Out, StringComparison.Ordinal);
        Assert.Contains("interface endpoint", run.Out, StringComparison.Ordinal);
    }

    // AWS: private DNS off and no internet route: dropped at the route table, and the explanation says the name
    // resolved to the public address because private DNS is off.
    [Fact]
    public void Trace_PrivateDnsOff_DroppedAtRoutingWithThePublicAnswerExplained()
    {
        var run = CliRun.Of("trace", "-s", Scenario.Value.Path, "--from", "app-1", "--to", "sqs.us-east-1.amazonaws.com", "--port", "443", "--json");
        Assert.Equal(1, run.ExitCode);
        var codes = Json(run).GetProperty("explanations").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToList();
        Assert.Equal(["NO_ROUTE_TO_DESTINATION", "VPCLAB_SERVICE_NAME_RESOLVED_TO_PUBLIC_ADDRESS"], codes);
        var table = CliRun.Of("trace", "-s", Scenario.Value.Path, "--from", "app-1", "--to", "sqs.us-east-1.amazonaws.com", "--port", "443");
        Assert.Contains("private DNS is off", table.Out, StringComparison.Ordinal);
    }
}
