namespace VpcLab.ControlPlane;

/// <summary>The facts of one instance type that DescribeInstanceTypes prints and the network rules use: size
/// (vCPUs, memory), architecture, hypervisor, and the networking limits of AWS's table "Maximum IP addresses per
/// network interface" (interfaces, IPv4 and IPv6 addresses per interface) (docs/semantics.md#instance-types).</summary>
public sealed record InstanceTypeInfo(
    string Name, int VCpus, int MemoryMiB, string Architecture, string NetworkPerformance,
    int MaxNetworkInterfaces, int Ipv4PerInterface, int Ipv6PerInterface)
{
    /// <summary>The family (t3 of t3.micro).</summary>
    public string Family => Name[..Name.IndexOf('.', StringComparison.Ordinal)];

    /// <summary>t2, t3, t3a, t4g: burstable, with CPU credits.</summary>
    public bool Burstable => Name.StartsWith('t');

    /// <summary>Xen for t2 (the previous hypervisor), Nitro for the rest.</summary>
    public string Hypervisor => Family == "t2" ? "xen" : "nitro";

    /// <summary>ENA: t2 has none ("unsupported"); Nitro types require it.</summary>
    public string EnaSupport => Family == "t2" ? "unsupported" : "required";

    /// <summary>AWS documents every type of the catalogue as IPv6-capable.</summary>
    public bool Ipv6Supported => Ipv6PerInterface > 0;

    /// <summary>The free tier's types (t2.micro, and t3.micro where t2 is not offered).</summary>
    public bool FreeTierEligible => Name is "t2.micro" or "t3.micro";

    /// <summary>AWS's default credit option (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/burstable-performance-instances-unlimited-mode-concepts.html):
    /// t2 standard, t3/t3a/t4g unlimited; null for a type without credits.</summary>
    public string? DefaultCreditSpecification => !Burstable ? null : Family == "t2" ? "standard" : "unlimited";
}
