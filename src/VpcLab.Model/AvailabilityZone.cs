namespace VpcLab.Model;

/// <summary>A zone by its account-local name (us-east-1a) and its physical zone id (use1-az1). Names map to
/// different physical zones in different accounts; zone ids do not.</summary>
public sealed record AvailabilityZone(string Name, string ZoneId, string Region);
