using System.CommandLine;
using Spectre.Console;
using VpcLab.Cli.Commands;

namespace VpcLab.Cli;

/// <summary>The root of the <c>vpclab</c> command: wires the subcommands and turns failures into one-line
/// errors (exit code 2) instead of stack traces.</summary>
public static class VpcLabCommand
{
    public static RootCommand Create(IAnsiConsole console) =>
        new("VpcLab: an offline laboratory for AWS VPC networking. Decides any flow the way the VPC data plane would and explains why.")
        {
            DemoCommand.Create(console),
            TraceCommand.Create(console),
            ValidateCommand.Create(console),
            ShowCommand.Create(console),
            ServeCommand.Create(console),
            QueryCommand.Create(console),
            ResolveCommand.Create(console),
            FlowLogsCommand.Create(console),
            TrafficCommand.Create(console),
        };

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
        var root = Create(console);
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            var result = root.Parse(args);
            // Help and --version clear parse errors; anything else with errors is a usage error (exit 2, not 1, so a
            // script never reads a typo as "trace: dropped").
            if (result.Errors.Count > 0 && result.Action is not { ClearsParseErrors: true })
                return UsageError(result, stderr);
            return result.Invoke(config);
        }
        catch (Exception e) when (CommandErrors.IsUserFacing(e))
        {
            stderr.WriteLine($"error: {CommandErrors.Describe(e)}");
            return ExitCodes.BadInput;
        }
    }

    private static int UsageError(ParseResult result, TextWriter stderr)
    {
        foreach (var message in ParseErrorMessages.Describe(result))
            stderr.WriteLine($"error: {message}");
        stderr.WriteLine($"See '{ParseErrorMessages.CommandPath(result)} --help' for its options.");
        return ExitCodes.BadInput;
    }
}
