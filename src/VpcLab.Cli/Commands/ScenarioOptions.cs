using System.CommandLine;
using VpcLab.CloudFormation;
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

    /// <summary>A scenario file, a CloudFormation template (told apart by content: docs/cloudformation.md#cli, deployed
    /// as one stack), or a directory of describe output (<c>vpclab import</c>): each gives a world.</summary>
    public static LoadedScenario Load(string nameOrPath, ControlPlaneOptions? options = null) =>
        LoadFile(ScenarioFiles.Resolve(nameOrPath), options);

    public static LoadedScenario LoadFile(string path, ControlPlaneOptions? options)
    {
        if (Directory.Exists(path))
            return ImportedScenario.Load(path, options);
        return TemplateScenario.IsTemplate(File.ReadAllText(path))
            ? TemplateScenario.Load(path, options: options)
            : ScenarioLoader.LoadFile(path, options);
    }
}
