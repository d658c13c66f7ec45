using System.CommandLine;
using Spectre.Console;
using VpcLab.Cli.Commands;
using VpcLab.Cli.Rendering;

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
            ImportCommand.Create(console),
            CollectCommand.Create(console),
            ReachCommand.Create(console),
            CheckCommand.Create(console),
            ApplyCommand.Create(console),
            CompletionCommand.Create(),
        };

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, ConsoleOutput.WidthFrom(Environment.GetEnvironmentVariable("COLUMNS")));

    /// <param name="args">The command line.</param>
    /// <param name="stdout">Where data goes.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <param name="width">Columns to render for; null: the terminal's, or 80 when there is none.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, int? width)
    {
        var output = new ConsoleOutput(stdout, width);
        // Spectre tells a redirected stdout only when it writes to Console.Out itself; ours goes through a trimmer.
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = output,
            Ansi = output.IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = output.IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = output.IsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        var root = Create(console);
        var config = new InvocationConfiguration { Output = output.Writer, Error = stderr, EnableDefaultExceptionHandler = false };
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
