namespace VpcLab.ControlPlane;

/// <summary>One image of the public catalogue before it is placed in a Region: what AWS's publishers print for it
/// (name, description, owner, architecture, root device) and the SSM public parameters that name it as the latest
/// of its line (docs/semantics.md#ami-catalogue).</summary>
public sealed record ImageDefinition(
    string Name, string Description, string OwnerId, string? OwnerAlias, string Architecture,
    string RootDeviceName, string RootVolumeType, int RootVolumeSize, DateTimeOffset CreationDate,
    IReadOnlyList<string> ParameterNames)
{
    public string? Platform { get; init; }

    public string? BootMode { get; init; }

    public string? ImdsSupport { get; init; }
}
