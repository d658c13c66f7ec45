using System.Globalization;
using VpcLab.ControlPlane.Errors;

namespace VpcLab.ControlPlane;

/// <summary>AWS's rules for a new volume's type, size, IOPS and throughput (docs/semantics.md#ebs-volumes;
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVolume.html), shared by CreateVolume and
/// RunInstances' block device mappings.</summary>
public sealed record VolumeSpec(int Size, string VolumeType, int? Iops, int? Throughput)
{
    /// <summary>CreateVolume's default type.</summary>
    public const string DefaultType = "gp2";

    private static readonly Dictionary<string, (int Min, int Max)> s_sizes = new(StringComparer.Ordinal)
    {
        ["gp2"] = (1, 16384),
        ["gp3"] = (1, 65536),
        ["io1"] = (4, 16384),
        ["io2"] = (4, 65536),
        ["st1"] = (125, 16384),
        ["sc1"] = (125, 16384),
        ["standard"] = (1, 1024),
    };

    private static readonly Dictionary<string, (int Min, int Max)> s_iops = new(StringComparer.Ordinal)
    {
        ["gp3"] = (3000, 16000),
        ["io1"] = (100, 64000),
        ["io2"] = (100, 256000),
    };

    /// <summary>Checks a request's values; fills AWS's defaults (gp2: 3 IOPS per GiB, 100 to 16,000; gp3: 3,000 IOPS
    /// and 125 MiB/s).</summary>
    public static VolumeSpec Check(int size, string? type, int? iops, int? throughput)
    {
        var volumeType = type ?? DefaultType;
        if (!s_sizes.TryGetValue(volumeType, out var range))
            throw Ec2Errors.InvalidParameterValue($"Value ({volumeType}) for parameter volumeType is invalid. Valid values: standard, io1, io2, gp2, sc1, st1, gp3");
        if (size < range.Min || size > range.Max)
            throw Ec2Errors.InvalidParameterValue(string.Create(CultureInfo.InvariantCulture,
                $"Volume of {size}GiB is out of range for {volumeType} volumes: the size must be {range.Min} to {range.Max} GiB."));
        if (s_iops.TryGetValue(volumeType, out var iopsRange))
        {
            if (iops is null && volumeType != "gp3")
                throw Ec2Errors.MissingParameter("iops");
            if (iops is { } value && (value < iopsRange.Min || value > iopsRange.Max))
                throw Ec2Errors.InvalidParameterValue(string.Create(CultureInfo.InvariantCulture,
                    $"Value ({value}) for parameter iops is invalid. {volumeType} volumes take {iopsRange.Min} to {iopsRange.Max} IOPS."));
        }
        else if (iops is not null)
        {
            throw Ec2Errors.InvalidParameterCombination($"The parameter iops is not supported for {volumeType} volumes.");
        }
        if (throughput is not null && volumeType != "gp3")
            throw Ec2Errors.InvalidParameterCombination($"The parameter throughput is not supported for {volumeType} volumes.");
        if (throughput is < 125 or > 1000)
            throw Ec2Errors.InvalidParameterValue(string.Create(CultureInfo.InvariantCulture,
                $"Value ({throughput}) for parameter throughput is invalid. gp3 volumes take 125 to 1000 MiB/s."));
        return volumeType switch
        {
            "gp2" => new VolumeSpec(size, volumeType, Math.Clamp(size * 3, 100, 16000), null),
            "gp3" => new VolumeSpec(size, volumeType, iops ?? 3000, throughput ?? 125),
            _ => new VolumeSpec(size, volumeType, iops, null),
        };
    }
}
