using Spectre.Console;
using VpcLab.Server.Hosting;

namespace VpcLab.Cli.Commands;

/// <summary><c>vpclab demo --web</c>: the seed scenario served in memory on loopback (as <c>vpclab serve --in-memory
/// --scenario seed</c>), and the URL of its web console printed, until Ctrl+C.</summary>
public static class DemoWeb
{
    public const string Scenario = "seed";

    public static async Task<int> RunAsync(IAnsiConsole console, int port, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (port is < 0 or > 65535)
            throw new UsageException($"--port: {port} is not a port (0-65535)");
        var options = new ServerOptions { Port = port, DataDirectory = null, ScenarioFile = ScenarioFiles.Resolve(Scenario) };
        await using var server = await VpcLabServer.StartAsync(options, cancellation).ConfigureAwait(false);
        var url = server.Url.ToString().TrimEnd('/');
        console.MarkupLine($"The seed scenario's world is served at [bold]{Markup.Escape(url)}/[/]: open it in a browser for the map,");
        console.MarkupLine("traces and details; change it with any AWS client and the map follows:");
        console.WriteLine($"  aws --endpoint-url {url} ec2 create-subnet --vpc-id <a VPC of the map> --cidr-block 10.0.99.0/24");
        console.MarkupLine("[grey]In memory: nothing is kept. Ctrl+C stops the server.[/]");
        try
        {
            await server.WaitForShutdownAsync(cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        return ExitCodes.Ok;
    }
}
