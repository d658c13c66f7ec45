using System.Collections.Immutable;
using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.Import;

/// <summary>A world read from describe output: the snapshot (ids, addresses and states as AWS printed them), the
/// account-and-Region folders it came from, and what was skipped.</summary>
public sealed record ImportedWorld(Network Network, ImmutableArray<string> Folders, ImmutableArray<SkippedResource> Skipped)
{
    /// <summary>The id seed of a control plane over an imported world (ids it draws for new resources never repeat).</summary>
    public const ulong ImportIdSeed = 0x1a9097ed;

    /// <summary>A control plane that starts from this world: describe calls, the engine, scenarios' consumers and
    /// further EC2 operations all work on it as on a built one.</summary>
    public Ec2ControlPlane ControlPlane(ControlPlaneOptions? options = null) =>
        new((options ?? new ControlPlaneOptions { IdSeed = ImportIdSeed }) with { Initial = Network });
}
