using System.Text.Json;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Model;

namespace VpcLab.Cli.Tests;

/// <summary><c>vpclab resolve</c> and <c>vpclab trace</c> to resource-name hostnames over the shipped
/// scenarios/ipv6-only.yaml (EC2 User Guide, "Amazon EC2 instance hostname types",
/// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-naming.html; docs/semantics.md#ipv6-only-subnets).</summary>
public class Ipv6OnlyCommandTests
{
    /// <summary>The same file `-s ipv6-only` loads: the CLI copies the shipped scenarios beside its binary.</summary>
    private static readonly Lazy<Network> World = new(() =>
        ScenarioLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "scenarios", "ipv6-only.yaml")).Network);

    private static Instance Instance(string name) => World.Value.Instances.Values.Single(i => World.Value.TagsOf(i.Id.Value).Name == name);

    private static string ResourceName(string name) => $"{Instance(name).Id.Value}.ec2.internal";

    private static string Ipv6Of(string name) => World.Value.NetworkInterfaces[Instance(name).PrimaryNetworkInterface].Ipv6Addresses[0].ToString();

    // A resource name answers the records its instance's options enable; with none, NOERROR without an address (exit 1).
    [Theory]
    [InlineData("legacy-1", 0, "resource-name", 2)]
    [InlineData("native-1", 0, "resource-name", 1)]
    [InlineData("native-2", 1, "resource-name-records-off", 0)]
    public void Resolve_ResourceName_RecordsFollowTheInstanceOptions(string instance, int exitCode, string rule, int addresses)
    {
        var run = CliRun.Of("resolve", "-s", "ipv6-only", "--vpc", "v6-vpc", ResourceName(instance), "--json");
        Assert.True(run.ExitCode == exitCode, run.Out + run.Err);
        var json = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(rule, json.GetProperty("rule").GetString());
        Assert.Equal(addresses, json.GetProperty("addresses").GetArrayLength());
    }

    // An IPv6-only instance traced to another's resource name: the AAAA record, over IPv6, accepted.
    [Fact]
    public void Trace_FromIpv6OnlyInstanceToResourceName_DeliveredOverIpv6()
    {
        var run = CliRun.Of("trace", "-s", "ipv6-only", "--from", "native-1", "--to", ResourceName("legacy-1"), "--port", "22", "--json");
        Assert.True(run.ExitCode == 0, run.Out + run.Err);
        var flow = JsonDocument.Parse(run.Out).RootElement.GetProperty("flow");
        Assert.Equal(Ipv6Of("native-1"), flow.GetProperty("source").GetString());
        Assert.Equal(Ipv6Of("legacy-1"), flow.GetProperty("destination").GetString());
    }
}
