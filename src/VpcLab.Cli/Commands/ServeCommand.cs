using System.Collections.Immutable;
using System.CommandLine;
using Spectre.Console;
using VpcLab.Model;
using VpcLab.Server.Hosting;

namespace VpcLab.Cli.Commands;

/// <summary><c>vpclab serve</c>: an EC2-compatible endpoint on loopback that the AWS CLI, boto3 and the AWS SDKs
/// drive unchanged apart from the endpoint URL. State is durable in a data directory unless --in-memory.</summary>
public static class ServeCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var host = new Option<string>("--host") { Description = "Address to listen on", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "Port to listen on (0 picks a free one)", DefaultValueFactory = _ => ServerOptions.DefaultPort };
        var data = new Option<string>("--data") { Description = "Directory for durable state (the operation log)", DefaultValueFactory = _ => ServerOptions.DefaultDataDirectory };
        var inMemory = new Option<bool>("--in-memory") { Description = "Keep state in memory only (lost on exit)" };
        var accounts = new Option<string[]>("--account") { Description = "Map an access key to an account: KEY=123456789012 (repeatable)", AllowMultipleArgumentsPerToken = false };
        var generous = new Option<bool>("--generous-quotas") { Description = "Raise service quotas (VPCs per Region, interfaces...) far above AWS's defaults" };
        var noDefaultVpc = new Option<bool>("--no-default-vpc") { Description = "Start accounts without the default VPC AWS gives every account in every Region" };
        var logRequests = new Option<bool>("--log-requests") { Description = "Write one line per call to stderr: time, account, Region, service, action, HTTP status, duration" };
        var scenario = new Option<string?>("--scenario", "-s") { Description = "Start the world from a scenario file (or a shipped scenario's name); only into an empty state" };
        var optIn = new Option<string[]>("--opt-in-region") { Description = "Start the default account with this opt-in Region enabled, as `aws account enable-region` would (repeatable); a new account has none", AllowMultipleArgumentsPerToken = false };
        var verify = new Option<string[]>("--verify-signatures") { Description = "Enforce SigV4 signatures for these credentials: KEY=SECRET (repeatable)" };
        var command = new Command("serve", "Serve the EC2 API on a local port for the AWS CLI, boto3 and the AWS SDKs")
        {
            host, port, data, inMemory, scenario, accounts, optIn, verify, generous, noDefaultVpc, logRequests,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var options = new ServerOptions
            {
                Host = parse.GetValue(host)!,
                Port = parse.GetValue(port),
                DataDirectory = parse.GetValue(inMemory) ? null : DirectoryOptions.CheckWritable(parse.GetValue(data)!, "--data"),
                Accounts = Pairs(parse.GetValue(accounts), "--account").ToImmutableDictionary(p => p.Key, p => AccountIdOf(p.Value)),
                DefaultVpcs = !parse.GetValue(noDefaultVpc),
                OptInRegions = [.. (parse.GetValue(optIn) ?? []).Select(OptInRegionOf)],
                Quotas = parse.GetValue(generous) ? VpcLab.ControlPlane.Ec2Quotas.Generous : VpcLab.ControlPlane.Ec2Quotas.AwsDefaults,
                VerifySignaturesWith = parse.GetValue(verify) is { Length: > 0 } secrets ? Pairs(secrets, "--verify-signatures").ToImmutableDictionary() : null,
                RequestLog = parse.GetValue(logRequests) ? Console.Error : null,
                ScenarioFile = parse.GetValue(scenario) is { } name ? ScenarioFiles.Resolve(name) : null,
            };
            if (options.Port is < 0 or > 65535)
                throw new UsageException($"--port: {options.Port} is not a port (0-65535)");
            await using var server = await VpcLabServer.StartAsync(options, cancellation).ConfigureAwait(false);
            var table = new Table { Border = TableBorder.Rounded, ShowHeaders = false }.AddColumn("").AddColumn("");
            var url = server.Url.ToString().TrimEnd('/');
            table.AddRow("endpoint", $"[bold]{url}[/]");
            table.AddRow("state", options.DataDirectory is null ? "in memory" : $"{Markup.Escape(Path.GetFullPath(options.DataDirectory))} ({server.State.Replayed} operations replayed)");
            if (options.ScenarioFile is { } file)
                table.AddRow("scenario", Markup.Escape($"{Path.GetFileName(file)} ({(server.ScenarioLoaded ? "loaded" : "already in this state, not loaded again")})"));
            table.AddRow("signatures", options.VerifySignaturesWith is null ? "parsed, not enforced" : "enforced");
            table.AddRow("try", Markup.Escape($"aws --endpoint-url {url} ec2 describe-vpcs"));
            table.AddRow("console", Markup.Escape($"{url}/ (the web console, in a browser)"));
            console.Write(new Panel(table) { Header = new PanelHeader("VpcLab EC2 endpoint") });
            console.MarkupLine("[grey]Ctrl+C stops the server.[/]");
            try
            {
                await server.WaitForShutdownAsync(cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static IEnumerable<KeyValuePair<string, string>> Pairs(string[]? values, string option)
    {
        foreach (var value in values ?? [])
        {
            var eq = value.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == value.Length - 1)
                throw new UsageException($"{option}: '{value}' is not KEY=VALUE");
            yield return new(value[..eq], value[(eq + 1)..]);
        }
    }

    /// <summary>A Region <c>--opt-in-region</c> may name: an opt-in Region of the catalog.</summary>
    private static string OptInRegionOf(string name) =>
        VpcLab.ControlPlane.RegionCatalog.Default.FirstOrDefault(r => r.Name == name) switch
        {
            null => throw new UsageException($"--opt-in-region: '{name}' is not a Region the lab knows"),
            { OptInRequired: false } => throw new UsageException($"--opt-in-region: '{name}' is enabled by default; only opt-in Regions (af-south-1, ap-east-1, ...) need enabling"),
            _ => name,
        };

    private static AccountId AccountIdOf(string text) =>
        text.Length == 12 && text.All(char.IsAsciiDigit) ? new AccountId(text) : throw new UsageException($"--account: '{text}' is not a 12-digit account id");
}
