using VpcLab.ControlPlane.Scenarios;
using VpcLab.Server.Hosting;

namespace VpcLab.Cli.Tests.Serve;

/// <summary><c>vpclab trace|show|resolve --endpoint-url</c> answer exactly what the same commands answer with
/// <c>--scenario</c> for the same world: each shipped scenario is served (<c>serve --scenario</c>, in process) and a
/// table of flows (every ordered pair of its instances on TCP 443 and ICMP, each instance to and from the internet,
/// and the README's S3, DNS-name, IPv6 and NAT64 examples) is traced both ways; JSON, exit code and errors must be
/// equal (docs/semantics.md#endpoint-url).</summary>
public sealed class EndpointUrlTraceTests
{
    public static TheoryData<string> Scenarios() => [.. ScenarioFiles.Shipped()];

    /// <summary>Flows beyond the generated ones: the README's examples of each scenario.</summary>
    private static readonly Dictionary<string, string[][]> Examples = new(StringComparer.Ordinal)
    {
        ["seed"] =
        [
            ["--from", "2001:db8::7", "--to", "web-1", "--protocol", "tcp", "--port", "443", "--ipv6"],
            ["--from", "app-2", "--to", "db-1", "--protocol", "tcp", "--port", "5432"],
        ],
        ["gateway-endpoint"] =
        [
            ["--from", "worker-1", "--to", "s3://acme-reports/q3.csv"],
            ["--from", "bastion", "--to", "s3://acme-reports/q3.csv"],
            ["--from", "worker-1", "--to", "s3://partner-dropbox/x", "--action", "s3:PutObject"],
        ],
        ["interface-endpoint"] =
        [
            ["--from", "app-3", "--to", "sns.us-east-1.amazonaws.com", "--protocol", "tcp", "--port", "443"],
            ["--from", "app-1", "--to", "sqs.us-east-1.amazonaws.com", "--protocol", "tcp", "--port", "443"],
        ],
        ["nat64-dns64"] =
        [
            ["--from", "app-1", "--to", "ip-10-0-2-10.ec2.internal", "--protocol", "tcp", "--port", "443"],
            ["--from", "app-1", "--to", "64:ff9b::203.0.113.80", "--protocol", "tcp", "--port", "443"],
            ["--from", "no-such-instance", "--to", "app-1", "--protocol", "tcp", "--port", "443"],
        ],
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task TraceJson_EndpointUrlOfServedScenario_EqualsScenarioTrace(string scenario)
    {
        var path = ScenarioFiles.Resolve(scenario);
        var network = ScenarioLoader.LoadFile(path).Network;
        await using var server = await Serve(path);
        var names = network.Instances.Keys.Select(i => network.NameOf(i.Value)).Order(StringComparer.Ordinal).ToList();
        // An instance of an IPv6-only subnet has no IPv4 address: its internet flows are IPv6 (docs/semantics.md#ipv6-only-subnets).
        var ipv6Only = network.Instances.Values
            .Where(i => network.NetworkInterfaces[i.PrimaryNetworkInterface].PrimaryPrivateIpv4 is null)
            .Select(i => network.NameOf(i.Id.Value)).ToHashSet(StringComparer.Ordinal);
        var flows = new List<string[]>();
        foreach (var from in names)
        {
            var (internetTo, internetFrom) = ipv6Only.Contains(from) ? ("2001:db8::8", "2001:db8::7") : ("8.8.8.8", "198.51.100.7");
            foreach (var to in names.Where(n => n != from))
            {
                flows.Add(["--from", from, "--to", to, "--protocol", "tcp", "--port", "443"]);
                flows.Add(["--from", from, "--to", to, "--protocol", "icmp"]);
            }
            flows.Add(["--from", from, "--to", internetTo, "--protocol", "tcp", "--port", "443"]);
            flows.Add(["--from", internetFrom, "--to", from, "--protocol", "tcp", "--port", "22"]);
        }
        flows.AddRange(Examples.GetValueOrDefault(scenario, []));
        Assert.NotEmpty(flows);
        foreach (var flow in flows)
        {
            var local = CliRun.Of(["trace", "--scenario", path, .. flow, "--json"]);
            var remote = CliRun.Of(["trace", "--endpoint-url", server.Url.ToString(), "--region", "us-east-1", .. flow, "--json"]);
            Assert.True(local.ExitCode != ExitCodes.BadInput || flow[1] == "no-such-instance", $"{string.Join(' ', flow)}: {local.Err}");
            Assert.Equal((local.ExitCode, local.Out, local.Err), (remote.ExitCode, remote.Out, remote.Err));
        }
    }

    [Theory]
    [InlineData("interface-endpoint", "app-vpc", "sns.us-east-1.amazonaws.com")]
    [InlineData("nat64-dns64", "app", "ip-10-0-2-10.ec2.internal")]
    [InlineData("seed", "internet", "example.com")]
    public async Task ResolveJson_EndpointUrlOfServedScenario_EqualsScenarioAnswer(string scenario, string vpc, string name)
    {
        var path = ScenarioFiles.Resolve(scenario);
        await using var server = await Serve(path);
        var local = CliRun.Of("resolve", "--scenario", path, "--vpc", vpc, name, "--json");
        var remote = CliRun.Of("resolve", "--endpoint-url", server.Url.ToString(), "--region", "us-east-1", "--vpc", vpc, name, "--json");
        Assert.Equal((local.ExitCode, local.Out, local.Err), (remote.ExitCode, remote.Out, remote.Err));
    }

    // seed has one account and one Region: the caller's view is the whole scenario. Only the times differ: the server
    // built it at its clock's time (docs/semantics.md#serve-scenario).
    [Fact]
    public async Task ShowJson_EndpointUrlOfServedSeed_EqualsScenarioShowButForTimes()
    {
        var path = ScenarioFiles.Resolve("seed");
        await using var server = await Serve(path);
        var local = CliRun.Of("show", path, "--json");
        var remote = CliRun.Of("show", "--endpoint-url", server.Url.ToString(), "--region", "us-east-1", "--json");
        Assert.Equal(ExitCodes.Ok, remote.ExitCode);
        Assert.Contains("\"createTime\"", local.Out, StringComparison.Ordinal);
        Assert.Equal(WithoutTimes(local.Out), WithoutTimes(remote.Out));
    }

    private static string WithoutTimes(string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, @"""\d{4}-\d\d-\d\dT[0-9:.]+\+00:00""", "\"TIME\"");

    [Fact]
    public async Task Show_EndpointUrlAfterAwsCalls_ListsWhatTheCallsBuilt()
    {
        await using var server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = null }, TestContext.Current.CancellationToken);
        server.State.Execute(new VpcLab.ControlPlane.RequestContext(new VpcLab.Model.AccountId("111111111111"), "eu-west-1"), "CreateVpc",
            new System.Text.Json.Nodes.JsonObject { ["CidrBlock"] = "10.42.0.0/16" });
        var run = CliRun.At(200, "show", "--endpoint-url", server.Url.ToString(), "--region", "eu-west-1");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("Account 111111111111, Region eu-west-1", run.Out, StringComparison.Ordinal);
        Assert.Contains("10.42.0.0/16", run.Out, StringComparison.Ordinal);
        Assert.Contains("172.31.0.0/16", run.Out, StringComparison.Ordinal); // the default VPC of the first call there
    }

    private static Task<VpcLabServer> Serve(string path)
    {
        // The caller without credentials is the server's default account: make it the scenario's first.
        var account = ScenarioParser.ParseFile(path).Accounts[0].Id;
        return VpcLabServer.StartAsync(
            new ServerOptions { Port = 0, DataDirectory = null, ScenarioFile = path, DefaultAccount = new VpcLab.Model.AccountId(account) },
            TestContext.Current.CancellationToken);
    }
}
