using System.Globalization;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Dns;

/// <summary>The names AWS gives EC2 addresses and instances (EC2 User Guide, "Amazon EC2 instance hostname types",
/// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-naming.html): IP names and resource names.
/// us-east-1 keeps its historical domains; every other Region puts its name in the domain.</summary>
public static class Ec2Hostnames
{
    /// <summary>ip-10-0-1-5.ec2.internal (us-east-1), ip-10-0-1-5.eu-west-1.compute.internal elsewhere.</summary>
    public static string Private(IpAddress address, string region) =>
        string.Create(CultureInfo.InvariantCulture,
            $"ip-{Dashed(address)}.{PrivateDomain(region)}");

    /// <summary>The resource name of an instance: i-0123456789abcdef0.ec2.internal (us-east-1),
    /// i-0123456789abcdef0.eu-west-1.compute.internal elsewhere (docs/semantics.md#ipv6-only-subnets).</summary>
    public static string Resource(string instanceId, string region) =>
        $"{instanceId.ToLowerInvariant()}.{PrivateDomain(region)}";

    /// <summary>An instance's private DNS name as DescribeInstances shows it: the resource name when its hostname type
    /// is resource-name, else the IP name of its primary private IPv4 ("" when it has none).</summary>
    public static string OfInstance(Instance instance, IpAddress? primaryIpv4)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (instance.PrivateDnsNameOptions.HostnameType == HostnameType.ResourceName)
            return Resource(instance.Id.Value, instance.Region);
        return primaryIpv4 is { IsV4: true } ip ? Private(ip, instance.Region) : "";
    }

    private static string PrivateDomain(string region) => region == "us-east-1" ? "ec2.internal" : region + ".compute.internal";

    /// <summary>ec2-203-0-113-5.compute-1.amazonaws.com (us-east-1), ec2-203-0-113-5.eu-west-1.compute.amazonaws.com
    /// elsewhere.</summary>
    public static string Public(IpAddress address, string region) =>
        string.Create(CultureInfo.InvariantCulture,
            $"ec2-{Dashed(address)}.{(region == "us-east-1" ? "compute-1" : region + ".compute")}.amazonaws.com");

    /// <summary>A name as queried, compared case-insensitively and with an optional trailing dot.</summary>
    public static string Normalize(string name) => name.Trim().TrimEnd('.').ToLowerInvariant();

    private static string Dashed(IpAddress address) =>
        address.IsV4 ? address.ToString().Replace('.', '-') : throw new ArgumentException("EC2 hostnames name IPv4 addresses only.", nameof(address));
}
