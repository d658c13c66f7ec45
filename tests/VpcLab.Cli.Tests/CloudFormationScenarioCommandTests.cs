namespace VpcLab.Cli.Tests;

/// <summary>Every command that takes a scenario takes a CloudFormation template too, deployed as one stack into a fresh
/// world (docs/cloudformation.md#cli): rows give a command over a shipped template and what its output must show.</summary>
public sealed class CloudFormationScenarioCommandTests
{
    private const string Ping = "cloudformation/ping-flow-logs";

    public static TheoryData<string, string[], int, string> Commands => new()
    {
        // command, arguments, exit code, text in the output
        { "trace", ["trace", "--scenario", Ping, "--from", "203.0.113.12", "--to", "host", "--protocol", "icmp"], 1, "ping-acl" },
        { "resolve", ["resolve", "--scenario", Ping, "--vpc", "ping-vpc", "ip-172-31-16-139.ec2.internal"], 0, "172.31.16.139" },
        { "show", ["show", Ping], 0, "172.31.16.0/20" },
        { "validate", ["validate", Ping, "--json"], 0, "\"instances\": 1" },
        { "reach internet", ["reach", "internet", "--scenario", Ping], 0, "icmp" },
        { "reach rules", ["reach", "rules", "--scenario", Ping], 0, "" },
        // CloudFormation has no workloads, so a template deploys but gives traffic nothing to run (docs/cloudformation.md#cli)
        { "traffic", ["traffic", "--scenario", Ping, "--duration", "1m", "--out", Path.Combine(Path.GetTempPath(), $"vpclab-cfn-traffic-{Guid.NewGuid():N}")], 2, "has no workloads: section; nothing to run" },
        { "check", ["check", Path.Combine(AppContext.BaseDirectory, "scenarios", "policies", "gateway-endpoint.yaml"), "--scenario", "cloudformation/gateway-endpoint"], 0, "s3-endpoint" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Command_CloudFormationTemplateAsScenario_Runs(string command, string[] args, int exitCode, string shows)
    {
        var run = CliRun.Of(args);
        Assert.True(run.ExitCode == exitCode, $"{command}: exit {run.ExitCode}\n{run.Out}{run.Err}");
        Assert.Contains(shows, run.Out + run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TemplateThatRollsBack_NamesTheFailedResource()
    {
        var template = CliRun.TempScenario("""
            Resources:
              Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
              Bad: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 192.168.0.0/24 } }
            """);
        var run = CliRun.Of("validate", template);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("resource Bad (AWS::EC2::Subnet)", run.Out + run.Err, StringComparison.Ordinal);
        Assert.Contains("InvalidSubnet.Range", run.Out + run.Err, StringComparison.Ordinal);
    }
}
