using System.Globalization;
using VpcLab.Net;

namespace VpcLab.Engine.Dns;

/// <summary>The IP-based names AWS gives EC2 addresses (EC2 User Guide, "EC2 instance hostname types").
/// us-east-1 keeps its historical domains; every other Region puts its name in the domain.</summary>
public static class Ec2Hostnames
{
    /// <summary>ip-10-0-1-5.ec2.internal (us-east-1), ip-10-0-1-5.eu-west-1.compute.internal elsewhere.</summary>
    public static string Private(IpAddress address, string region) =>
        string.Create(CultureInfo.InvariantCulture,
            $"ip-{Dashed(address)}.{(region == "us-east-1" ? "ec2.internal" : region + ".compute.internal")}");

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
