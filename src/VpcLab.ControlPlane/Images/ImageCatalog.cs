using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The lab's small public AMI catalogue: Amazon Linux 2023 and Amazon Linux 2 (x86_64 and arm64), Ubuntu
/// 22.04 and 24.04, Debian 12, Windows Server 2022, in every Region. Ids are made up but well formed and stable:
/// <c>ami-0</c> and 16 hex digits of SHA-256 over Region and image name, so the same image has a different id in
/// each Region (as on AWS) and the same id on every run. Owners are the accounts AWS's publishers use: Amazon
/// Linux 137112412989 and Windows 801119661308 (alias <c>amazon</c>), Canonical 099720109477, Debian 136693071363
/// (docs/semantics.md#ami-catalogue).</summary>
public static class ImageCatalog
{
    public const string AmazonLinuxOwner = "137112412989";
    public const string AmazonWindowsOwner = "801119661308";
    public const string CanonicalOwner = "099720109477";
    public const string DebianOwner = "136693071363";
    public const string AmazonAlias = "amazon";

    private const string AmazonLinuxParameters = "/aws/service/ami-amazon-linux-latest/";
    private const string UbuntuParameters = "/aws/service/canonical/ubuntu/server/";
    private const string DebianParameters = "/aws/service/debian/release/";

    private static readonly DateTimeOffset Al2023Date = new(2024, 12, 12, 19, 45, 43, TimeSpan.Zero);
    private static readonly DateTimeOffset Al2Date = new(2024, 12, 17, 22, 13, 5, TimeSpan.Zero);
    private static readonly DateTimeOffset UbuntuDate = new(2024, 12, 6, 10, 21, 38, TimeSpan.Zero);
    private static readonly DateTimeOffset DebianDate = new(2024, 12, 1, 20, 11, 2, TimeSpan.Zero);
    private static readonly DateTimeOffset WindowsDate = new(2024, 12, 11, 21, 33, 29, TimeSpan.Zero);

    /// <summary>Every image of the catalogue, Region-free.</summary>
    public static IReadOnlyList<ImageDefinition> Definitions { get; } =
    [
        AmazonLinux2023("x86_64", "x86_64", "uefi-preferred"),
        AmazonLinux2023("arm64", "arm64", "uefi"),
        AmazonLinux2("x86_64"),
        AmazonLinux2("arm64"),
        Ubuntu("22.04", "jammy", "amd64", "x86_64", "hvm-ssd", "ebs-gp2", "gp2"),
        Ubuntu("22.04", "jammy", "arm64", "arm64", "hvm-ssd", "ebs-gp2", "gp2"),
        Ubuntu("24.04", "noble", "amd64", "x86_64", "hvm-ssd-gp3", "ebs-gp3", "gp3"),
        Ubuntu("24.04", "noble", "arm64", "arm64", "hvm-ssd-gp3", "ebs-gp3", "gp3"),
        Debian("amd64", "x86_64"),
        Debian("arm64", "arm64"),
        new ImageDefinition("Windows_Server-2022-English-Full-Base-2024.12.11",
            "Microsoft Windows Server 2022 Full Locale English AMI provided by Amazon", AmazonWindowsOwner, AmazonAlias, "x86_64",
            "/dev/sda1", "gp2", 30, WindowsDate, ["/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base"])
        {
            Platform = "windows",
        },
    ];

    private static readonly ConcurrentDictionary<string, FrozenDictionary<string, Image>> s_byRegion = new(StringComparer.Ordinal);

    /// <summary>The catalogue's images in a Region, by id.</summary>
    public static FrozenDictionary<string, Image> InRegion(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return s_byRegion.GetOrAdd(region, r => Definitions.Select(d => Place(d, r)).ToFrozenDictionary(i => i.Id, StringComparer.Ordinal));
    }

    /// <summary>The image of a Region with this id, or null.</summary>
    public static Image? Find(string region, string imageId) => InRegion(region).GetValueOrDefault(imageId);

    /// <summary>The id the image named <paramref name="name"/> has in <paramref name="region"/>.</summary>
    public static string IdOf(string region, string name) => DerivedId(IdPrefixes.Image, region, name);

    private static Image Place(ImageDefinition d, string region) =>
        new(IdOf(region, d.Name), region, d.Name, d.Description, d.OwnerId, d.OwnerAlias, d.Architecture,
            d.RootDeviceName, d.RootVolumeType, d.RootVolumeSize, d.CreationDate)
        {
            Platform = d.Platform,
            BootMode = d.BootMode,
            ImdsSupport = d.ImdsSupport,
            RootSnapshotId = DerivedId(IdPrefixes.Snapshot, region, d.Name),
        };

    private static string DerivedId(string prefix, string region, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(region + "/" + name));
        var value = BitConverter.ToUInt64(hash, 0);
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}-0{value:x16}");
    }

    private static ImageDefinition AmazonLinux2023(string arch, string parameterArch, string bootMode) =>
        new($"al2023-ami-2023.6.20241212.0-kernel-6.1-{arch}", $"Amazon Linux 2023 AMI 2023.6.20241212.0 {arch} HVM kernel-6.1",
            AmazonLinuxOwner, AmazonAlias, arch, "/dev/xvda", "gp3", 8, Al2023Date,
            [AmazonLinuxParameters + "al2023-ami-kernel-default-" + parameterArch, AmazonLinuxParameters + "al2023-ami-kernel-6.1-" + parameterArch])
        {
            BootMode = bootMode,
            ImdsSupport = "v2.0",
        };

    private static ImageDefinition AmazonLinux2(string arch) =>
        new($"amzn2-ami-hvm-2.0.20241217.0-{arch}-gp2", $"Amazon Linux 2 AMI 2.0.20241217.0 {arch} HVM gp2",
            AmazonLinuxOwner, AmazonAlias, arch, "/dev/xvda", "gp2", 8, Al2Date,
            [AmazonLinuxParameters + $"amzn2-ami-hvm-{arch}-gp2"])
        {
            BootMode = arch == "arm64" ? "uefi" : null,
        };

    private static ImageDefinition Ubuntu(string version, string codename, string debArch, string arch, string imageFamily, string storage, string volumeType) =>
        new($"ubuntu/images/{imageFamily}/ubuntu-{codename}-{version}-{debArch}-server-20241206",
            $"Canonical, Ubuntu, {version}, {debArch} {codename} image", CanonicalOwner, null, arch, "/dev/sda1", volumeType, 8, UbuntuDate,
            [UbuntuParameters + $"{version}/stable/current/{debArch}/hvm/{storage}/ami-id"]);

    private static ImageDefinition Debian(string debArch, string arch) =>
        new($"debian-12-{debArch}-20241201-1949", $"Debian 12 (20241201-1949)", DebianOwner, null, arch, "/dev/xvda", "gp2", 8, DebianDate,
            [DebianParameters + $"12/latest/{debArch}", DebianParameters + $"bookworm/latest/{debArch}"]);
}
