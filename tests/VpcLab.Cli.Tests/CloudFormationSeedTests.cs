using System.Text.Json;

namespace VpcLab.Cli.Tests;

/// <summary>The seed architecture shipped twice — scenarios/seed.yaml and scenarios/cloudformation/seed.yaml, a
/// CloudFormation template of the same world — gives the same verdict for every flow traced over it, and
/// <c>vpclab apply</c> deploys the template into a state directory (docs/cloudformation.md#cli).</summary>
public sealed class CloudFormationSeedTests
{
    public static TheoryData<string, string, string, string> Flows => new()
    {
        // from, to, protocol, port
        { "web-1", "db-1", "tcp", "5432" },
        { "app-1", "db-1", "tcp", "5432" },
        { "app-2", "db-1", "tcp", "5432" },
        { "web-1", "app-1", "tcp", "8080" },
        { "web-2", "app-2", "tcp", "8080" },
        { "198.51.100.7", "web-1", "tcp", "443" },
        { "198.51.100.7", "web-1", "tcp", "22" },
        { "203.0.113.5", "web-1", "tcp", "22" },
        { "198.51.100.7", "web-2", "tcp", "443" },
        { "app-1", "203.0.113.80", "tcp", "443" },
        { "db-1", "203.0.113.80", "tcp", "443" },
        { "app-1", "2001:db8:cafe::443", "tcp", "443" },
        { "2001:db8:cafe::1", "batch-1", "tcp", "8443" },
        { "batch-1", "2001:db8:cafe::443", "tcp", "443" },
        { "app-2", "web-1", "udp", "53" },
    };

    [Theory]
    [MemberData(nameof(Flows))]
    public void Trace_TemplateAndScenario_SameVerdict(string from, string to, string protocol, string port)
    {
        var scenario = Verdict(CliRun.Of("trace", "--scenario", "seed", "--from", from, "--to", to, "--protocol", protocol, "--port", port, "--json"));
        var template = Verdict(CliRun.Of("trace", "--scenario", "cloudformation/seed", "--from", from, "--to", to, "--protocol", protocol, "--port", port, "--json"));
        Assert.Equal(scenario, template);
    }

    private static string Verdict(CliRun run)
    {
        Assert.True(run.Out.TrimStart().StartsWith('{'), run.Err + run.Out);
        using var doc = JsonDocument.Parse(run.Out);
        return doc.RootElement.GetProperty("verdict").GetString()!;
    }

    [Fact]
    public void Apply_Template_DeploysIntoTheStateDirectory_ThenUpdatesIt()
    {
        var data = Directory.CreateTempSubdirectory("vpclab-apply-").FullName;
        try
        {
            var template = CliRun.TempScenario("""
                Parameters:
                  Cidr: { Type: String, Default: 10.5.0.0/16 }
                Resources:
                  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: !Ref Cidr } }
                Outputs:
                  Cidr: { Value: !GetAtt Vpc.CidrBlock }
                """);
            var created = CliRun.Of("apply", template, "--stack", "lab", "--data", data, "--json");
            Assert.True(created.ExitCode == 0, created.Err + created.Out);
            Assert.Contains("\"CREATE_COMPLETE\"", created.Out, StringComparison.Ordinal);
            var updated = CliRun.Of("apply", template, "--stack", "lab", "--data", data, "--param", "Cidr=10.6.0.0/16", "--json");
            Assert.True(updated.ExitCode == 0, updated.Err + updated.Out);
            Assert.Contains("\"UPDATE_COMPLETE\"", updated.Out, StringComparison.Ordinal);
            Assert.Contains("10.6.0.0/16", updated.Out, StringComparison.Ordinal);
            var failed = CliRun.Of("apply", template, "--stack", "bad", "--data", data, "--param", "Cidr=10.0.0.0/8");
            Assert.Equal(1, failed.ExitCode);
            Assert.Contains("InvalidVpc.Range", failed.Out, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
