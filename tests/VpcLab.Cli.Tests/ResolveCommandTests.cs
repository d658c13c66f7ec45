using System.Text.Json;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Engine.Dns;

namespace VpcLab.Cli.Tests;

/// <summary><c>vpclab resolve</c> and DNS names in <c>vpclab trace</c>: one VPC with DNS hostnames on and a web
/// server with a public IPv4 (addresses read back from the loaded scenario, not assumed).</summary>
public class ResolveCommandTests
{
    private const string Yaml = """
        name: dns
        region: us-east-1
        vpcs:
          - name: vpc-web
            cidr: 10.0.0.0/16
            enable-dns-hostnames: true
            internet-gateway: igw-web
            subnets:
              - { name: public, az: us-east-1a, cidr: 10.0.1.0/24, map-public-ip-on-launch: true }
            route-tables:
              - name: public-rt
                subnets: [public]
                routes:
                  - { destination: 0.0.0.0/0, target: igw-web }
            security-groups:
              - name: web-sg
                description: web
                ingress:
                  - { protocol: tcp, ports: 443, source: 0.0.0.0/0 }
            instances:
              - { name: web, subnet: public, security-groups: [web-sg] }
              - { name: client, subnet: public, security-groups: [web-sg] }
        """;

    private static readonly Lazy<(string Path, string Private, string Public)> Scenario = new(() =>
    {
        var path = CliRun.TempScenario(Yaml);
        var network = ScenarioLoader.LoadFile(path).Network;
        var web = network.Instances.Values.Single(i => network.TagsOf(i.Id.Value).Name == "web");
        var ip = network.NetworkInterfaces[web.PrimaryNetworkInterface].PrivateIpAddresses[0];
        return (path, ip.Address.ToString(), ip.AutoAssignedPublicIp!.Value.ToString());
    });

    private static JsonElement Json(CliRun run) => JsonDocument.Parse(run.Out).RootElement;

    public static TheoryData<string, string, int, string, string> Cases => new()
    {
        // AWS: the private hostname resolves inside the VPC only.
        { "vpc-web", "private", 0, "private-hostname", "private" },
        { "internet", "private", 1, "private-hostname-outside-its-vpc", "" },
        // AWS: the public hostname is the private IP inside the VPC, the public IP outside.
        { "vpc-web", "public", 0, "public-hostname-inside-vpc", "private" },
        { "internet", "public", 0, "public-hostname-to-public-address", "public" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolve_Json_AnswersWithTheRule(string vpc, string nameKind, int exitCode, string rule, string address)
    {
        var (path, privateIp, publicIp) = Scenario.Value;
        var name = nameKind == "private"
            ? Ec2Hostnames.Private(Net.IpAddress.Parse(privateIp), "us-east-1")
            : Ec2Hostnames.Public(Net.IpAddress.Parse(publicIp), "us-east-1");
        var run = CliRun.Of("resolve", "--scenario", path, "--vpc", vpc, name, "--json");
        Assert.True(exitCode == run.ExitCode, run.Out + run.Err);
        var json = Json(run);
        Assert.Equal(rule, json.GetProperty("rule").GetString());
        var addresses = json.GetProperty("addresses").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Equal(address switch { "private" => [privateIp], "public" => [publicIp], _ => [] }, addresses);
    }

    [Fact]
    public void Resolve_Table_ShowsAnswerAndWhy()
    {
        var (path, privateIp, _) = Scenario.Value;
        var run = CliRun.Of("resolve", "-s", path, "--vpc", "vpc-web", $"ip-{privateIp.Replace('.', '-')}.ec2.internal");
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains(privateIp, run.Out, StringComparison.Ordinal);
        Assert.Contains("private hostname", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vpc-none", "ip-10-0-1-4.ec2.internal", "vpc-none")]
    [InlineData("vpc-web", "not..a.name", "not..a.name")]
    public void Resolve_BadInput_IsAOneLineError(string vpc, string name, string named)
    {
        var run = CliRun.Of("resolve", "-s", Scenario.Value.Path, "--vpc", vpc, name);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error:", run.Err, StringComparison.Ordinal);
        Assert.Contains(named, run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveCommand_Help_DescribesTheCommand()
    {
        var run = CliRun.Of("resolve", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
        Assert.Contains("--vpc", run.Out, StringComparison.Ordinal);
    }

    // A destination given by name is resolved from the source's VPC: the public hostname gives the private IP, and
    // the trace shows the answer.
    [Fact]
    public void Trace_ToAPublicHostname_ResolvesFromTheSourceVpc()
    {
        var (path, privateIp, publicIp) = Scenario.Value;
        var name = Ec2Hostnames.Public(Net.IpAddress.Parse(publicIp), "us-east-1");
        var run = CliRun.Of("trace", "-s", path, "--from", "client", "--to", name, "--port", "443", "--json");
        Assert.True(run.ExitCode == 0, run.Out + run.Err);
        var json = Json(run);
        Assert.Equal(privateIp, json.GetProperty("flow").GetProperty("destination").GetString());
        var dns = Assert.Single(json.GetProperty("resolutions").EnumerateArray());
        Assert.Equal("public-hostname-inside-vpc", dns.GetProperty("rule").GetString());
        var table = CliRun.Of("trace", "-s", path, "--from", "client", "--to", name, "--port", "443");
        Assert.Contains("dns", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Trace_ToAnUnresolvableName_IsAnErrorNamingIt()
    {
        var run = CliRun.Of("trace", "-s", Scenario.Value.Path, "--from", "client", "--to", "www.example.com", "--port", "443");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("www.example.com", run.Err, StringComparison.Ordinal);
        Assert.Contains("NxDomain", run.Err, StringComparison.Ordinal);
    }
}
