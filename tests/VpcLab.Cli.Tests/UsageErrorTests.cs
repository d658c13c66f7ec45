namespace VpcLab.Cli.Tests;

/// <summary>Every command answers a usage error with exit code 2 (never 1, which trace and resolve use for "dropped"
/// and "not resolved") and a message in the user's words: the option as typed, the value as given, no .NET type name
/// and no stack trace (docs/semantics.md#cli).</summary>
public class UsageErrorTests
{
    public static TheoryData<string, string[]> UsageErrors => new()
    {
        { "unknown option '--frm' (did you mean --from?)", ["trace", "-s", "seed", "--frm", "web-1", "--to", "app-1", "--port", "22"] },
        { "--to is required", ["trace", "-s", "seed", "--from", "web-1", "--port", "22"] },
        { "--port: 'abc' is not a whole number", ["trace", "-s", "seed", "--from", "web-1", "--to", "app-1", "--port", "abc"] },
        { "--port needs a value", ["trace", "-s", "seed", "--from", "web-1", "--to", "app-1", "--port"] },
        { "--port: 70000 is not a port", ["trace", "-s", "seed", "--from", "web-1", "--to", "app-1", "--port", "70000"] },
        { "--port: icmp has no ports", ["trace", "-s", "seed", "--from", "web-1", "--to", "app-1", "-p", "icmp", "--port", "22"] },
        { "--icmp-type applies to icmp and icmpv6, not tcp", ["trace", "-s", "seed", "--from", "web-1", "--to", "app-1", "--port", "22", "--icmp-type", "3"] },
        { "--icmp-code: 300 is not an ICMP code", ["trace", "-s", "seed", "--from", "web-1", "--to", "app-1", "-p", "icmp", "--icmp-code", "300"] },
        { "--protocol: 'tcpp' is not tcp", ["trace", "-s", "seed", "--from", "web-1", "--to", "app-1", "-p", "tcpp", "--port", "1"] },
        { "--action applies only to an S3 request", ["trace", "-s", "seed", "--from", "web-1", "--to", "app-1", "--port", "22", "--action", "s3:GetObject"] },
        { "S3 has no action 'Frobnicate'", ["trace", "-s", "gateway-endpoint", "--from", "worker-1", "--to", "s3://acme-reports/q3.csv", "--action", "s3:Frobnicate"] },
        { "is a pattern", ["trace", "-s", "gateway-endpoint", "--from", "worker-1", "--to", "s3://acme-reports/q3.csv", "--action", "s3:Get*"] },
        { "'sns:Publish' is not an action of sqs", ["trace", "-s", "ipv6-endpoints", "--from", "v6-1", "--to", "sqs://orders", "--action", "sns:Publish"] },
        { "scenario 'nosuch' not found", ["trace", "-s", "nosuch", "--from", "web-1", "--to", "app-1", "--port", "22"] },
        { "unknown option '--bogus'", ["demo", "--bogus"] },
        { "give the scenario", ["validate"] },
        { "unexpected argument 'extra'", ["validate", "seed", "extra"] },
        { "give the scenario", ["show"] },
        { "unknown option '--jsn' (did you mean --json?)", ["show", "seed", "--jsn"] },
        { "--port: 'abc' is not a whole number", ["serve", "--port", "abc"] },
        { "--port: 70000 is not a port", ["serve", "--port", "70000", "--in-memory"] },
        { "--account: 'KEY' is not KEY=VALUE", ["serve", "--in-memory", "--account", "KEY"] },
        { "--opt-in-region: 'us-east-1' is enabled by default", ["serve", "--in-memory", "--opt-in-region", "us-east-1"] },
        { "--opt-in-region: 'mars-1' is not a Region the lab knows", ["serve", "--in-memory", "--opt-in-region", "mars-1"] },
        { "Unknown --format 'xml'", ["query", "--format", "xml", "SELECT 1"] },
        { "Give a query", ["query"] },
        { "Unknown example 'nope'", ["query", "--example", "nope"] },
        { "--vpc is required", ["resolve", "-s", "seed", "ip-10-0-0-5.ec2.internal"] },
        { "give the hostname", ["resolve", "-s", "seed", "--vpc", "seed-vpc"] },
        { "choose a command: tail, groups, streams", ["flowlogs"] },
        { "--out is required", ["flowlogs", "tail", "-g", "/vpc/flow-logs"] },
        { "--limit: 'abc' is not a whole number", ["flowlogs", "tail", "-o", ".", "-g", "g", "--limit", "abc"] },
        { "--out is required", ["flowlogs", "groups"] },
        { "--group is required", ["flowlogs", "streams", "-o", "."] },
        { "--seed: 'abc' is not a whole number, 0 or more", ["traffic", "-s", "seed", "--seed", "abc"] },
        { "--duration", ["traffic", "-s", "seed", "--duration", "5x"] },
        { "--start '2026-13-45' is not a time", ["traffic", "-s", "seed", "--start", "2026-13-45"] },
        { "unknown command 'tracee' (did you mean trace?)", ["tracee"] },
        { "'ksh'", ["completion", "ksh"] },
        { "give the dir", ["import"] },
        { "give the template", ["apply"] },
        { "unexpected argument 'extra'", ["import", "some-dir", "extra"] },
        { "--out is required", ["collect"] },
        { "--scenario is required", ["reach", "internet"] },
        { "give the policy", ["check"] },
        { "policy file 'nosuch.yaml' not found", ["check", "nosuch.yaml"] },
        { "--endpoint-url: 'not a url' is not a URL", ["collect", "--out", ".", "--endpoint-url", "not a url"] },
        { "give the shell", ["completion"] },
        { "choose a command: demo, trace", [] },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public void AnyCommand_UsageError_ExitsTwoWithMessageInUsersWords(string expected, string[] args)
    {
        var run = CliRun.Of(args);
        Assert.True(run.ExitCode == ExitCodes.BadInput, $"exit {run.ExitCode}: {run.Err}{run.Out}");
        Assert.StartsWith("error: ", run.Err, StringComparison.Ordinal);
        Assert.Contains(expected, run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
        Assert.Equal("", run.Out); // help is not dumped on stdout, where a script reads data
    }

    [Fact]
    public void EveryCommand_HasAUsageErrorRow()
    {
        var covered = UsageErrors.Select(row => ((string[])row.Data.Item2) is { Length: > 0 } a ? a[0] : "").ToHashSet();
        foreach (var command in VpcLabCommand.Create(Spectre.Console.AnsiConsole.Console).Subcommands)
            Assert.Contains(command.Name, covered);
    }
}
