namespace VpcLab.Cli.Tests;

public class CommandTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("demo", "--help")]
    [InlineData("trace", "--help")]
    [InlineData("validate", "--help")]
    [InlineData("show", "--help")]
    public void Help_EveryCommand_PrintsUsageAndSucceeds(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Out);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("show")]
    [InlineData("trace")]
    [InlineData("resolve")]
    public void Help_ScenarioArgument_NamesEveryShippedScenario(string command)
    {
        var run = CliRun.At(400, command, "--help");
        var shipped = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "scenarios"), "*.yaml").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.True(shipped.Count >= 6);
        foreach (var name in shipped)
            Assert.Contains(name!, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_SeedScenario_EveryVerdictIsTheExpectedOne()
    {
        var run = CliRun.Of("demo");
        Assert.True(run.ExitCode == 0, run.Out + run.Err);
        Assert.Contains("every verdict is the one AWS gives", run.Out);
        Assert.Contains("SUBNET_ACL_RESTRICTION", run.Out);
        Assert.Contains("NO_ROUTE_TO_DESTINATION", run.Out);
        Assert.Contains("IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS", run.Out);
        // The endpoint flows: the leaky-bucket fix's bucket statement, cross-AZ to an endpoint, TCP only.
        Assert.Contains("DenyUnlessThroughOurEndpoint", run.Out);
        Assert.Contains("AVAILABILITY_ZONE_CROSSED", run.Out);
        Assert.Contains("carries TCP only", run.Out);
    }

    [Theory]
    [InlineData("eigw", 2, "egress-only internet gateway")]
    [InlineData("gateway-endpoints", 4, "gateway endpoint")]
    [InlineData("interface-endpoints", 5, "interface endpoint")]
    [InlineData("peering", 4, "VPC peering connection")]
    [InlineData("privatelink", 4, "pendingAcceptance")]
    public void Demo_Topic_RunsOnlyThatLesson(string topic, int flows, string expected)
    {
        var run = CliRun.Of("demo", "--topic", topic);
        Assert.True(run.ExitCode == 0, run.Out + run.Err);
        Assert.Contains($"{flows} flows traced; every verdict is the one AWS gives", run.Out, StringComparison.Ordinal);
        Assert.Contains(expected, run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("flow logs", run.Out, StringComparison.Ordinal); // the finale is its own topic
    }

    [Fact]
    public void Demo_TopicFlowLogs_RunsOnlyTheFinale()
    {
        var run = CliRun.Of("demo", "--topic", "flow-logs");
        Assert.True(run.ExitCode == 0, run.Out + run.Err);
        Assert.Contains("15 simulated minutes", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("flows traced", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ShippedScenarios_Load()
    {
        foreach (var name in new[] { "seed", "nacl-sg-teaching", "gateway-endpoint", "interface-endpoint", "privatelink" })
        {
            var run = CliRun.Of("validate", name);
            Assert.True(run.ExitCode == 0, run.Err);
            Assert.Contains("✓", run.Out);
        }
    }

    // AWS: a subnet CIDR must lie inside the VPC's CIDRs (InvalidSubnet.Range); the error names file, line, resource.
    [Fact]
    public void Validate_SubnetOutsideVpc_NamesFileLineResourceAndAwsCode()
    {
        var path = CliRun.TempScenario("""
            vpcs:
              - name: v
                cidr: 10.0.0.0/16
                subnets:
                  - { name: outside, az: us-east-1a, cidr: 10.9.0.0/24 }
            """);
        var run = CliRun.Of("validate", path);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"{path}:5:", run.Err);
        Assert.Contains("subnet 'outside'", run.Err);
        Assert.Contains("InvalidSubnet.Range", run.Err);
        Assert.DoesNotContain("   at ", run.Err); // no stack trace
    }

    [Fact]
    public void Validate_UnknownKey_IsRefusedAtItsLine()
    {
        var path = CliRun.TempScenario("""
            vpcs:
              - name: v
                cidrr: 10.0.0.0/16
            """);
        var run = CliRun.Of("validate", path);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("unknown key 'cidrr'", run.Err);
        Assert.Contains($"{path}:3:", run.Err);
    }

    // One check for both commands (TrafficRun.Check): what `vpclab traffic` refuses in a workload, `vpclab validate`
    // refuses with the same message (docs/semantics.md#re-runs, "Workloads").
    [Theory]
    [InlineData("{ name: typo, from: app-1, to: apii, protocol: tcp, port: 443 }", "apii")]
    [InlineData("{ name: quick, from: app-1, to: db-1, protocol: tcp, port: 5432, rate: fast }", "rate 'fast' is not like 10/s")]
    public void Validate_WorkloadTrafficRefuses_FailsWithTheSameMessage(string workload, string named)
    {
        var seed = File.ReadAllText(ScenarioFiles.Resolve("seed"));
        var path = CliRun.TempScenario(seed[..seed.IndexOf("\nworkloads:", StringComparison.Ordinal)] + $"\nworkloads:\n  - {workload}\n");
        var validate = CliRun.Of("validate", path);
        var traffic = CliRun.Of("traffic", "-s", path, "--duration", "1m", "--out", Path.Combine(Path.GetTempPath(), $"vpclab-unused-{Guid.NewGuid():N}"));
        Assert.Equal(ExitCodes.BadInput, validate.ExitCode);
        Assert.Contains(named, validate.Err, StringComparison.Ordinal);
        Assert.Equal(traffic.Err, validate.Err);
        Assert.Equal(ExitCodes.BadInput, traffic.ExitCode);
    }

    [Fact]
    public void Validate_MissingFile_IsBadInput()
    {
        var run = CliRun.Of("validate", "/nonexistent/scenario.yaml");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("not found", run.Err);
    }

    [Theory]
    [InlineData("app-1", "db-1", "5432", ExitCodes.Ok)]
    [InlineData("app-2", "db-1", "5432", ExitCodes.Dropped)]
    [InlineData("db-1", "198.51.100.80", "443", ExitCodes.Dropped)]
    public void Trace_ExitCode_SaysDeliveredOrDropped(string from, string to, string port, int expected)
    {
        var run = CliRun.Of("trace", "--scenario", "seed", "--from", from, "--to", to, "--protocol", "tcp", "--port", port);
        Assert.True(run.ExitCode == expected, run.Out + run.Err);
    }

    [Fact]
    public void Trace_UnknownName_IsBadInputNamingIt()
    {
        var run = CliRun.Of("trace", "--scenario", "seed", "--from", "no-such-host", "--to", "db-1", "--port", "5432");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("no-such-host", run.Err);
    }

    [Fact]
    public void Trace_TcpWithoutPort_IsBadInput()
    {
        var run = CliRun.Of("trace", "--scenario", "seed", "--from", "app-1", "--to", "db-1");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--port", run.Err);
    }

    [Fact]
    public void Trace_Json_IsParsableAndCarriesTheVerdict()
    {
        var run = CliRun.Of("trace", "--scenario", "seed", "--from", "app-2", "--to", "db-1", "--port", "5432", "--json");
        Assert.Equal(ExitCodes.Dropped, run.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(run.Out);
        Assert.Equal("dropped", doc.RootElement.GetProperty("verdict").GetString());
    }

    [Fact]
    public void Show_Json_ListsTheScenariosResources()
    {
        var run = CliRun.Of("show", "seed", "--json");
        Assert.Equal(0, run.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(run.Out);
        Assert.Equal(2, doc.RootElement.GetProperty("vpcs").GetArrayLength()); // seed-vpc and batch-vpc
        Assert.Equal(7, doc.RootElement.GetProperty("subnets").GetArrayLength());
    }

    [Fact]
    public void Show_Tables_NameTheResources()
    {
        var run = CliRun.Of("show", "seed");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("db-acl", run.Out);
        Assert.Contains("web-sg", run.Out);
        Assert.DoesNotContain("VPC endpoints", run.Out); // the seed has none: no empty table
    }

    [Fact]
    public void Show_EndpointScenario_ListsEndpointsAndBuckets()
    {
        var run = CliRun.Of("show", "gateway-endpoint");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("VPC endpoints", run.Out);
        Assert.Contains("s3-endpoint", run.Out);
        Assert.Contains("Gateway", run.Out);
        Assert.Contains("acme-archive", run.Out);
        Assert.Contains("us-west-2", run.Out);
        var json = CliRun.Of("show", "gateway-endpoint", "--json");
        using var doc = System.Text.Json.JsonDocument.Parse(json.Out);
        Assert.Equal(1, doc.RootElement.GetProperty("vpcEndpoints").GetArrayLength());
        // The three of buckets:, and data-flow-logs, which the loader makes for the flow log's s3:// destination.
        Assert.Equal(4, doc.RootElement.GetProperty("buckets").GetArrayLength());
    }
}
