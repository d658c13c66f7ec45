namespace VpcLab.ControlPlane.Errors;

/// <summary>EBS volume errors (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html):
/// InvalidVolume.NotFound, InvalidVolumeID.Malformed, InvalidVolume.ZoneMismatch, VolumeInUse, IncorrectState,
/// InvalidBlockDeviceMapping, InvalidSnapshot.NotFound.</summary>
public static class VolumeErrors
{
    public static readonly Ec2ErrorCode NotFoundCode = new("InvalidVolume.NotFound");
    public static readonly Ec2ErrorCode MalformedCode = new("InvalidVolumeID.Malformed");
    public static readonly Ec2ErrorCode ZoneMismatchCode = new("InvalidVolume.ZoneMismatch");
    public static readonly Ec2ErrorCode InUseCode = new("VolumeInUse");
    public static readonly Ec2ErrorCode IncorrectStateCode = new("IncorrectState");
    public static readonly Ec2ErrorCode InvalidBlockDeviceMappingCode = new("InvalidBlockDeviceMapping");
    public static readonly Ec2ErrorCode SnapshotNotFoundCode = new("InvalidSnapshot.NotFound");

    public static Ec2Exception NotFound(string id) => new(NotFoundCode, $"The volume '{id}' does not exist.");

    public static Ec2Exception Malformed(string id) => new(MalformedCode, $"Invalid id: \"{id}\" (expecting \"vol-...\")");

    public static Ec2Exception ZoneMismatch(string volumeId, string instanceId) =>
        new(ZoneMismatchCode, $"The volume '{volumeId}' is not in the same availability zone as instance '{instanceId}'");

    public static Ec2Exception AlreadyAttached(string volumeId) => new(InUseCode, $"{volumeId} is already attached to an instance");

    public static Ec2Exception AttachedTo(string volumeId, string instanceId) =>
        new(InUseCode, $"Volume {volumeId} is currently attached to {instanceId}");

    public static Ec2Exception NotAttached(string volumeId) => new(IncorrectStateCode, $"Volume '{volumeId}' is in the 'available' state.");

    public static Ec2Exception RootOfRunningInstance(string volumeId, string instanceId) =>
        new(IncorrectStateCode, $"Unable to detach root volume '{volumeId}' from instance '{instanceId}'");

    public static Ec2Exception DeviceInUse(string device) =>
        Ec2Errors.InvalidParameterValue($"Invalid value '{device}' for unixDevice. Attachment point {device} is already in use");

    public static Ec2Exception InvalidDevice(string device) =>
        Ec2Errors.InvalidParameterValue($"Value ({device}) for parameter device is invalid. {device} is not a valid EBS device name.");

    public static readonly Ec2ErrorCode ModificationRateExceededCode = new("VolumeModificationRateExceeded");

    public static Ec2Exception ModificationRateExceeded(string volumeId) => new(ModificationRateExceededCode,
        $"You've reached the maximum modification rate per volume limit. Wait at least 6 hours between modifications per EBS volume ({volumeId}).");

    public static Ec2Exception SmallerThanCurrent(int size, int current) => Ec2Errors.InvalidParameterValue(
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"New size ({size}) cannot be smaller than existing size ({current})."));

    public static Ec2Exception SnapshotNotFound(string id) => new(SnapshotNotFoundCode, $"The snapshot '{id}' does not exist.");

    public static Ec2Exception MappingWithoutSize(string device) =>
        new(InvalidBlockDeviceMappingCode, $"The block device mapping for {device} must specify a volume size or a snapshot.");

    public static Ec2Exception SmallerThanSnapshot(int size, string snapshotId, int snapshotSize) =>
        new(InvalidBlockDeviceMappingCode, $"Volume of size {size}GB is smaller than snapshot '{snapshotId}', expect size >= {snapshotSize}GB");
}
