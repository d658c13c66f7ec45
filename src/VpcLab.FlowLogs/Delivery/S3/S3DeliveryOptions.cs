namespace VpcLab.FlowLogs.Delivery.S3;

/// <summary>How S3 delivery names and cuts files: <see cref="HashSeed"/> makes the 8-hex-character name suffix
/// reproducible; <see cref="MaxFileBytes"/> is the size at which a slice's records go on into another file.</summary>
public sealed record S3DeliveryOptions(string HashSeed = "vpclab", long MaxFileBytes = S3DeliveryOptions.DefaultMaxFileBytes)
{
    /// <summary>One file series per slice and <see cref="InterfaceGroups">delivery group</see> (a sharded run's
    /// layout) instead of one per slice.</summary>
    public bool ByInterfaceGroup { get; init; }

    /// <summary>75 MB, the largest file the 2021–2023 AWS documentation mentioned.</summary>
    public const long DefaultMaxFileBytes = 75L * 1024 * 1024;

    public static readonly S3DeliveryOptions Default = new();
}
