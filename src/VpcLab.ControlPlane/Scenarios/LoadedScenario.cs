using System.Collections.Immutable;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Scenarios;

/// <summary>A scenario after loading: the control plane that holds its world, and the id each name became.</summary>
public sealed record LoadedScenario(ScenarioDocument Document, string File, Ec2ControlPlane ControlPlane,
    ImmutableDictionary<string, string> Ids)
{
    public Network Network => ControlPlane.Network;

    /// <summary>The id of a named resource; a clear error for a name the scenario does not define.</summary>
    public string IdOf(string name) =>
        Ids.TryGetValue(name, out var id) ? id : throw new ScenarioException($"{File}: no resource is named '{name}'");
}
