using System.CommandLine;
using VpcLab.ControlPlane.Scenarios;

namespace VpcLab.Cli.Commands;

/// <summary>Loading a scenario named on the command line (a path, or a shipped scenario's name).</summary>
public static class ScenarioOptions
{
    public static Argument<string> FileArgument() =>
        new("scenario") { Description = $"A scenario file, or the name of a shipped one ({string.Join(", ", ScenarioFiles.Shipped())})" };

    public static Option<bool> Json() => new("--json") { Description = "Print JSON for scripts instead of tables" };

    public static LoadedScenario Load(string nameOrPath) => ScenarioLoader.LoadFile(ScenarioFiles.Resolve(nameOrPath));
}
