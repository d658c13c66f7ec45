using System.CommandLine;
using Amazon.Runtime;
using Spectre.Console;
using VpcLab.Import;
using VpcLab.Import.Collection;

namespace VpcLab.Cli.Commands;

/// <summary><c>vpclab collect --out DIR</c>: runs the read-only EC2 describe calls against AWS (the caller's
/// credentials, the SDK's usual chain) or any endpoint (<c>--endpoint-url</c>, e.g. <c>vpclab serve</c>) and writes
/// them as <c>vpclab import</c> reads them: <c>DIR/ACCOUNT/REGION/describe-*.json</c>.</summary>
public static class CollectCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var output = new Option<string>("--out", "-o") { Description = "Directory to write ACCOUNT/REGION/describe-*.json into", Required = true };
        var endpoint = new Option<string?>("--endpoint-url") { Description = "EC2 endpoint to ask instead of AWS's (e.g. http://127.0.0.1:4566)" };
        var regions = new Option<string[]>("--region") { Description = "Region to collect (repeatable; default AWS_REGION, AWS_DEFAULT_REGION, else us-east-1)" };
        var account = new Option<string?>("--account") { Description = "The account's 12-digit id (default: the owner of the Region's security groups)" };
        var command = new Command("collect", "Save the EC2 describe output of an account for vpclab import (read-only calls)")
        {
            output, endpoint, regions, account,
        };
        command.SetAction(async (parse, ct) =>
        {
            var url = parse.GetValue(endpoint) is { } text
                ? Uri.TryCreate(text, UriKind.Absolute, out var u) ? u : throw new UsageException($"--endpoint-url: '{text}' is not a URL")
                : null;
            var chosen = parse.GetValue(regions) is { Length: > 0 } r ? r : [CollectTarget.DefaultRegion()];
            return await RunAsync(console, DirectoryOptions.CheckWritable(parse.GetValue(output)!, "--out"),
                [.. chosen.Select(region => new CollectTarget(region, url))], parse.GetValue(account), ct).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Collects each target Region into <paramref name="outDirectory"/> and prints what was written.</summary>
    public static async Task<int> RunAsync(IAnsiConsole console, string outDirectory, IReadOnlyList<CollectTarget> targets, string? account,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(targets);
        foreach (var target in targets)
        {
            CollectReport report;
            try
            {
                using var client = target.Client();
                report = await new Ec2Collector(client).CollectAsync(outDirectory, target.Region, account, ct).ConfigureAwait(false);
            }
            catch (AmazonServiceException e)
            {
                throw new UsageException($"{target.Region}: {e.ErrorCode}: {e.Message}");
            }
            catch (AmazonClientException e)
            {
                throw new UsageException($"{target.Region}: {e.Message}");
            }
            console.MarkupLine($"[green]✓[/] {Markup.Escape(report.Folder)}: {report.Files.Length} files, " +
                $"{report.Files.Sum(f => f.Items)} items");
            foreach (var note in report.Unanswered)
                console.MarkupLine($"  [grey]not answered: {Markup.Escape(note)}[/]");
        }
        console.MarkupLine($"[grey]Next: vpclab import {Markup.Escape(outDirectory)}[/]");
        return ExitCodes.Ok;
    }
}
