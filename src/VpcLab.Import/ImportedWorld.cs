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

    /// <summary>The DHCP options sets read, with their ids (they live beside the network, in the control plane).</summary>
    public ImmutableArray<DhcpOptionsSet> DhcpOptions { get; init; } = [];

    /// <summary>Each VPC's DHCP options set, for the VPCs associated with a set that was read.</summary>
    public ImmutableDictionary<VpcId, string> DhcpAssociations { get; init; } = ImmutableDictionary<VpcId, string>.Empty;

    /// <summary>A control plane that starts from this world: describe calls, the engine, scenarios' consumers and
    /// further EC2 operations all work on it as on a built one, DHCP options sets and their associations included.</summary>
    public Ec2ControlPlane ControlPlane(ControlPlaneOptions? options = null)
    {
        var controlPlane = new Ec2ControlPlane((options ?? new ControlPlaneOptions { IdSeed = ImportIdSeed }) with { Initial = Network });
        controlPlane.DhcpOptions.Restore(DhcpOptions, DhcpAssociations);
        return controlPlane;
    }
}
