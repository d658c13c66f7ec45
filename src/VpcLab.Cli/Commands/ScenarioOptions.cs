using System.CommandLine;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Import;

namespace VpcLab.Cli.Commands;

/// <summary>Loading a scenario named on the command line (a path, or a shipped scenario's name).</summary>
public static class ScenarioOptions
{
    public static Argument<string> FileArgument() =>
        new("scenario") { Description = $"A scenario file, or the name of a shipped one ({string.Join(", ", ScenarioFiles.Shipped())})" };

    public static Option<bool> Json() => new("--json") { Description = "Print JSON for scripts instead of tables" };

    /// <summary>A scenario file, or a directory of describe output (<c>vpclab import</c>): either gives a world.</summary>
    public static LoadedScenario Load(string nameOrPath, ControlPlaneOptions? options = null)
    {
        var path = ScenarioFiles.Resolve(nameOrPath);
        return Directory.Exists(path) ? ImportedScenario.Load(path, options) : ScenarioLoader.LoadFile(path, options);
    }
}
