namespace VpcLab.Model;

/// <summary>The guest OS hostname type of an EC2 instance (EC2 User Guide, "Amazon EC2 instance hostname types",
/// docs/semantics.md#ipv6-only-subnets): <see cref="IpName"/> names the private IPv4 (ip-10-0-1-5.ec2.internal),
/// <see cref="ResourceName"/> the instance id (i-0123456789abcdef0.ec2.internal). Wire values ip-name and resource-name.</summary>
public enum HostnameType
{
    IpName,
    ResourceName,
}
