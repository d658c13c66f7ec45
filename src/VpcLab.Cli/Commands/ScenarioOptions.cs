using System.CommandLine;
using VpcLab.CloudFormation;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Scenarios;

namespace VpcLab.Cli.Commands;

/// <summary>Loading a scenario named on the command line (a path, or a shipped scenario's name).</summary>
public static class ScenarioOptions
{
    public static Argument<string> FileArgument() =>
        new("scenario") { Description = $"A scenario file, or the name of a shipped one ({string.Join(", ", ScenarioFiles.Shipped())})" };

    public static Option<bool> Json() => new("--json") { Description = "Print JSON for scripts instead of tables" };

    public static LoadedScenario Load(string nameOrPath) => LoadFile(ScenarioFiles.Resolve(nameOrPath), null);

    /// <summary>A scenario file, or a CloudFormation template (told apart by content: docs/cloudformation.md#cli),
    /// deployed as one stack.</summary>
    public static LoadedScenario LoadFile(string path, ControlPlaneOptions? options) =>
        TemplateScenario.IsTemplate(File.ReadAllText(path))
            ? TemplateScenario.Load(path, options: options)
            : ScenarioLoader.LoadFile(path, options);
}
