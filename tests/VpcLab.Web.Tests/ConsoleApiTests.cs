using System.Net;
using System.Text.Json;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Net;
using VpcLab.Server.Rendering;
using VpcLab.Server.WebConsole;
using VpcLab.TestWorlds;

namespace VpcLab.Web.Tests;

/// <summary>The console's JSON (<see cref="ConsoleEndpoints"/>) through a real server with a shipped scenario loaded:
/// what the map draws is the scenario's world, a trace is the engine's (the same JSON as <c>vpclab trace --json</c>),
/// and polling is cheap (ETag, 304).</summary>
public sealed class ConsoleApiTests
{
    private static string Ids(JsonElement array) =>
        string.Join(" ", array.EnumerateArray().Select(e => e.GetProperty("id").GetString()).Order(StringComparer.Ordinal));

    private static string Ids<T>(IEnumerable<T> ids) => string.Join(" ", ids.Select(i => i!.ToString()).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("seed")]
    [InlineData("peering")]
    [InlineData("gateway-endpoint")]
    [InlineData("interface-endpoint")]
    public async Task Topology_EachAccountAndRegion_ListsEveryVpcSubnetGatewayAndEndpointOfTheScenario(string scenario)
    {
        var ct = TestContext.Current.CancellationToken;
        var world = ScenarioLoader.LoadFile(ShippedScenarios.PathOf(scenario)).Network;
        await using var lab = await ConsoleLab.StartAsync(scenario, ct);
        foreach (var place in world.Vpcs.Values.GroupBy(v => (Account: v.OwnerId, v.Region)))
        {
            bool Here(AccountId owner, string region) => owner == place.Key.Account && region == place.Key.Region;
            var t = await lab.GetJsonAsync($"{ConsoleEndpoints.ApiPath}/topology?account={place.Key.Account}&region={place.Key.Region}", ct);
            var vpcs = place.Select(v => v.Id).ToHashSet();
            Assert.Equal(Ids(vpcs), Ids(t.GetProperty("vpcs")));
            Assert.Equal(Ids(world.Subnets.Values.Where(s => vpcs.Contains(s.VpcId)).Select(s => s.Id)), Ids(t.GetProperty("subnets")));
            Assert.Equal(Ids(world.InternetGateways.Values.Where(g => Here(g.OwnerId, g.Region)).Select(g => g.Id)), Ids(t.GetProperty("internetGateways")));
            Assert.Equal(Ids(world.NatGateways.Values.Where(g => vpcs.Contains(g.VpcId)).Select(g => g.Id)), Ids(t.GetProperty("natGateways")));
            Assert.Equal(Ids(world.EgressOnlyInternetGateways.Values.Where(g => vpcs.Contains(g.VpcId)).Select(g => g.Id)), Ids(t.GetProperty("egressOnlyInternetGateways")));
            Assert.Equal(Ids(world.VpcEndpoints.Values.Where(e => vpcs.Contains(e.VpcId)).Select(e => e.Id)), Ids(t.GetProperty("vpcEndpoints")));
            Assert.Equal(Ids(world.VpcPeeringConnections.Values.Where(p => vpcs.Contains(p.Requester.VpcId) || vpcs.Contains(p.Accepter.VpcId)).Select(p => p.Id)),
                Ids(t.GetProperty("peerings")));
        }
    }

    // AWS: "Public subnet – The subnet has a direct route to an internet gateway."
    // https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html#subnet-types
    [Theory]
    [InlineData("public-a", true)]
    [InlineData("public-b", true)]
    [InlineData("app-a", false)] // 0.0.0.0/0 goes to the NAT gateway: private
    [InlineData("db-a", false)]
    [InlineData("batch-a", false)] // only an egress-only internet gateway
    public async Task Topology_SeedSubnet_PublicOnlyWithARouteToAnInternetGateway(string subnet, bool isPublic)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await ConsoleLab.StartAsync("seed", ct);
        var t = await lab.GetJsonAsync($"{ConsoleEndpoints.ApiPath}/topology", ct);
        var s = t.GetProperty("subnets").EnumerateArray().Single(x => x.GetProperty("name").GetString() == subnet);
        Assert.Equal(isPublic, s.GetProperty("public").GetBoolean());
    }

    [Fact]
    public async Task Topology_NetworkAclEntries_InRuleNumberOrderWithTheDefaultDenyLast()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await ConsoleLab.StartAsync("seed", ct);
        var t = await lab.GetJsonAsync($"{ConsoleEndpoints.ApiPath}/topology", ct);
        foreach (var acl in t.GetProperty("networkAcls").EnumerateArray())
        {
            foreach (var direction in new[] { "inbound", "outbound" })
            {
                var numbers = acl.GetProperty(direction).EnumerateArray().Select(e => e.GetProperty("ruleNumber").GetInt32()).ToList();
                Assert.Equal(numbers.Order(), numbers);
            }
        }
    }

    public static TheoryData<string, string, string, int> Flows() => new()
    {
        { "198.51.100.7", "web-1", "tcp", 443 },
        { "app-2", "db-1", "tcp", 5432 }, // dropped by db-acl on the return path
        { "db-1", "198.51.100.80", "tcp", 443 },
        { "app-1", "10.0.0.2", "udp", 53 },
    };

    [Theory]
    [MemberData(nameof(Flows))]
    public async Task Trace_SeedFlow_IsTheEngineTraceAsTraceJsonPrintsIt(string from, string to, string protocol, int port)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await ConsoleLab.StartAsync("seed", ct);
        var answer = await lab.Http.GetStringAsync($"{ConsoleEndpoints.ApiPath}/trace?from={from}&to={to}&protocol={protocol}&port={port}", ct);
        var network = lab.Server.State.ControlPlane.Network;
        var resolver = new EndpointResolver(network);
        var source = resolver.Resolve(from);
        var expected = CompiledNetwork.Compile(network).Trace(
            new TraceRequest(source, resolver.Resolve(to, source), IpProtocol.Parse(protocol), (ushort)port), resolver.Resolutions);
        Assert.Equal(LabJson.Serialize(expected), answer);
    }

    [Theory]
    [InlineData("from=nobody&to=web-1&protocol=tcp&port=443", "'nobody' is not an instance id")]
    [InlineData("from=web-1&to=app-1&protocol=tcp", "port: a destination port is required for tcp")]
    [InlineData("from=web-1&to=app-1&protocol=tcp&port=70000", "port: '70000' is not a number from 0 to 65535")]
    [InlineData("from=web-1&to=app-1&protocol=bogus&port=1", "protocol: 'bogus' is not tcp, udp, icmp, icmpv6")]
    public async Task Trace_BadInput_400WithAMessageNamingIt(string query, string message)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await ConsoleLab.StartAsync("seed", ct);
        using var response = await lab.Http.GetAsync($"{ConsoleEndpoints.ApiPath}/trace?{query}", ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement;
        Assert.Contains(message, body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Topology_Unchanged_304ForItsETag_ChangedAfterCreateSubnet()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await ConsoleLab.StartAsync("seed", ct);
        var path = $"{ConsoleEndpoints.ApiPath}/topology?account=111111111111&region=us-east-1";
        using var first = await lab.Http.GetAsync(path, ct);
        var etag = first.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { IfNoneMatch = { etag } } };
        using var notModified = await lab.Http.SendAsync(again, ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var ec2 = lab.Ec2();
        var vpc = lab.Server.State.ControlPlane.Network.Vpcs.Values.First(v => v.Region == "us-east-1");
        await ec2.CreateSubnetAsync(new Amazon.EC2.Model.CreateSubnetRequest { VpcId = vpc.Id.Value, CidrBlock = vpc.PrimaryCidr.ToString().Replace(".0.0/16", ".200.0/24", StringComparison.Ordinal) }, ct);
        using var changed = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { IfNoneMatch = { etag } } };
        using var response = await lab.Http.SendAsync(changed, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(etag, response.Headers.ETag);
    }

    public static TheoryData<string> Examples() => [.. VpcLab.Query.ExampleQueries.All.Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task FlowLogs_AfterTheSeedsTraffic_EachExampleAnswersAsVpclabQuery(string example)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await ConsoleLab.StartAsync("seed", ct);
        await lab.RunScenarioTrafficAsync("seed", "15m", ct);
        var answer = await lab.GetJsonAsync($"{ConsoleEndpoints.ApiPath}/flowlogs?example={example}", ct);
        using var query = VpcLab.Query.FlowLogQuery.Open(lab.Server.AwsServices.S3Root);
        var expected = JsonDocument.Parse(VpcLab.Query.QueryResultText.Json(query.Execute(VpcLab.Query.ExampleQueries.Find(example)!.Sql))).RootElement;
        Assert.Equal(expected.GetRawText().Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal),
            JsonSerializer.Serialize(answer.GetProperty("rows")).Replace(" ", "", StringComparison.Ordinal));
        Assert.True(answer.GetProperty("files").GetInt32() > 0);
    }

    [Fact]
    public async Task FlowLogs_BeforeAnyTraffic_NoFilesNoRows()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await ConsoleLab.StartAsync("seed", ct);
        var answer = await lab.GetJsonAsync($"{ConsoleEndpoints.ApiPath}/flowlogs?example=top-talkers", ct);
        Assert.Equal(0, answer.GetProperty("files").GetInt32());
        Assert.Equal(0, answer.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task FlowLogs_UnknownExample_404SayingSo()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await ConsoleLab.StartAsync("seed", ct);
        using var response = await lab.Http.GetAsync($"{ConsoleEndpoints.ApiPath}/flowlogs?example=no-such-query", ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no-such-query", JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Root_UnsignedGet_ServesTheConsole_AboutKeepsTheLandingPage()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await ConsoleLab.StartAsync("seed", ct);
        var page = await lab.Http.GetStringAsync("/", ct);
        Assert.Contains("<title>VpcLab console</title>", page, StringComparison.Ordinal);
        foreach (var asset in System.Text.RegularExpressions.Regex.Matches(page, "(?:src|href)=\"(/_vpclab/console/assets/[^\"]+)\"").Select(m => m.Groups[1].Value))
        {
            using var response = await lab.Http.GetAsync(asset, ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.DoesNotContain("http://", page.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal); // nothing from another host
        var about = await lab.Http.GetStringAsync("/_vpclab/about", ct);
        Assert.Contains("Endpoint URL", about, StringComparison.Ordinal);
    }
}
