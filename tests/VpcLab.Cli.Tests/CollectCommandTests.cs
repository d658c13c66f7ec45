using System.Text.Json;
using Amazon.Runtime;
using Spectre.Console;
using VpcLab.Cli.Commands;
using VpcLab.Import.Collection;
using VpcLab.Server.Hosting;

namespace VpcLab.Cli.Tests;

/// <summary><c>vpclab collect</c> against a server on loopback, then <c>vpclab import</c> of what it wrote: an account's
/// default VPC (AWS gives one in every Region) comes back with its id.</summary>
public class CollectCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Collect_FromServer_WritesAFolderImportReads()
    {
        await using var server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = null }, Ct);
        var output = Path.Combine(Path.GetTempPath(), $"vpclab-collect-{Guid.NewGuid():N}");
        try
        {
            var text = new StringWriter();
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
            var target = new CollectTarget("eu-west-1", server.Url, new BasicAWSCredentials("123456789012", "secret"));
            Assert.Equal(0, await CollectCommand.RunAsync(console, output, [target], null, Ct));
            Assert.Contains("123456789012", text.ToString(), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(output, "123456789012", "eu-west-1", "describe-vpcs.json")));

            var run = CliRun.Of("import", output, "--json");
            Assert.True(run.ExitCode == 0, run.Err);
            var vpcs = server.State.ControlPlane.Network.Vpcs.Values.Where(v => v.OwnerId.Value == "123456789012").ToList();
            Assert.Equal(vpcs.Count, JsonDocument.Parse(run.Out).RootElement.GetProperty("resources").GetProperty("vpcs").GetInt32());
        }
        finally
        {
            if (Directory.Exists(output))
                Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void Collect_WithoutOut_IsAUsageError() =>
        Assert.Equal(2, CliRun.Of("collect").ExitCode);
}
