namespace VpcLab.Model;

/// <summary>One registered target: an instance id or an IP address, the port it receives on, and for an IP outside
/// the VPC the zone <c>all</c>. Its zone otherwise is the zone of its subnet.</summary>
public sealed record Target(string Id, int Port, string? AvailabilityZone);
