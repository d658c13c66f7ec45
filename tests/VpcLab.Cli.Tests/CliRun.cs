namespace VpcLab.Cli.Tests;

/// <summary>Runs the real command in-process and captures what a user would see.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Err)
{
    public static CliRun Of(params string[] args) => At(null, args);

    /// <summary>Runs the command as if printing to a terminal (or COLUMNS) of <paramref name="width"/> columns;
    /// null: piped with no COLUMNS (Spectre's 80).</summary>
    public static CliRun At(int? width, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = VpcLabCommand.Run(args, stdout, stderr, width);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Writes a scenario to a temporary file and returns its path.</summary>
    public static string TempScenario(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vpclab-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
