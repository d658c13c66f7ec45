namespace VpcLab.Model;

/// <summary>A public Amazon Machine Image of the lab's catalogue, as DescribeImages prints it: an id per Region, its
/// owner (account and alias), architecture and platform, and the root device an instance launched from it gets
/// (docs/semantics.md#ami-catalogue).</summary>
public sealed record Image(
    string Id, string Region, string Name, string Description, string OwnerId, string? OwnerAlias,
    string Architecture, string RootDeviceName, string RootVolumeType, int RootVolumeSize, DateTimeOffset CreationDate)
{
    /// <summary>"windows" for Windows images, null for every Linux image (AWS leaves Platform out for Linux).</summary>
    public string? Platform { get; init; }

    /// <summary>AWS's platformDetails: "Linux/UNIX" or "Windows".</summary>
    public string PlatformDetails => Platform == "windows" ? "Windows" : "Linux/UNIX";

    /// <summary>AWS's usageOperation, the billing code of the platform ("RunInstances" for Linux/UNIX,
    /// "RunInstances:0002" for Windows).</summary>
    public string UsageOperation => Platform == "windows" ? "RunInstances:0002" : "RunInstances";

    /// <summary>legacy-bios, uefi or uefi-preferred; null when the image does not set one.</summary>
    public string? BootMode { get; init; }

    /// <summary>"v2.0" when the image requires IMDSv2; null otherwise.</summary>
    public string? ImdsSupport { get; init; }

    /// <summary>The snapshot of the root volume (snap-…), derived like the id.</summary>
    public string RootSnapshotId { get; init; } = "";
}
