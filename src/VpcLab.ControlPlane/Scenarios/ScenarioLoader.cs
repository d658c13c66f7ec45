using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Scenarios;

/// <summary>Builds a scenario's world by running the same EC2 operations the API runs, in dependency order, so
/// every AWS validation applies. A refusal becomes a <see cref="ScenarioException"/> naming the file, the line,
/// the resource and AWS's error code.</summary>
public static class ScenarioLoader
{
    /// <summary>Scenarios get a fixed id seed, so the same file always yields the same ids.</summary>
    public const ulong ScenarioIdSeed = 0x5ce7a210;

    public static LoadedScenario LoadFile(string path, ControlPlaneOptions? options = null) =>
        Load(ScenarioParser.ParseFile(path), path, options);

    public static LoadedScenario Load(ScenarioDocument document, string file, ControlPlaneOptions? options = null)
    {
        var controlPlane = new Ec2ControlPlane(options ?? new ControlPlaneOptions { IdSeed = ScenarioIdSeed });
        var build = new ScenarioBuild(document, file, controlPlane);
        build.Run();
        return new LoadedScenario(document, file, controlPlane, build.Ids);
    }
}
