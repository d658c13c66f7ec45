using System.Collections.Frozen;

namespace VpcLab.ControlPlane;

/// <summary>The instance types the lab describes and offers: t2, t3, t3a, t4g (micro … xlarge; t3/t3a/t4g nano and
/// 2xlarge too), m5, m6i, m7g, c5, c6i, r5 (large … 4xlarge), with AWS's published networking limits
/// (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AvailableIpPerENI.html). Also the one rule of how many
/// addresses an interface may hold (<see cref="AddressesPerInterface"/>) (docs/semantics.md#instance-types).</summary>
public static class InstanceTypeCatalog
{
    /// <summary>The ceiling for an interface no instance type bounds (not attached, or an instance of a type the
    /// catalogue does not list): 50 IPv4 and 50 IPv6 addresses, what AWS's largest types allow.</summary>
    public const int UnboundedAddressesPerInterface = 50;

    public static IReadOnlyList<InstanceTypeInfo> All { get; } = Build();

    private static readonly FrozenDictionary<string, InstanceTypeInfo> s_byName = All.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    public static InstanceTypeInfo? Find(string? name) => name is null ? null : s_byName.GetValueOrDefault(name);

    /// <summary>How many private IPv4 and IPv6 addresses one interface may hold: the limits of the instance type of
    /// the instance it is (or will be) attached to, else <see cref="UnboundedAddressesPerInterface"/>. Every
    /// address check (CreateNetworkInterface, RunInstances, AssignPrivateIpAddresses, AssignIpv6Addresses,
    /// AttachNetworkInterface) asks here.</summary>
    public static (int Ipv4, int Ipv6) AddressesPerInterface(string? instanceType) =>
        Find(instanceType) is { } t ? (t.Ipv4PerInterface, t.Ipv6PerInterface) : (UnboundedAddressesPerInterface, UnboundedAddressesPerInterface);

    private static List<InstanceTypeInfo> Build()
    {
        var list = new List<InstanceTypeInfo>
        {
            new("t2.micro", 1, 1024, "x86_64", "Low to Moderate", 2, 2, 2),
            new("t2.small", 1, 2048, "x86_64", "Low to Moderate", 3, 4, 4),
            new("t2.medium", 2, 4096, "x86_64", "Low to Moderate", 3, 6, 6),
            new("t2.large", 2, 8192, "x86_64", "Low to Moderate", 3, 12, 12),
            new("t2.xlarge", 4, 16384, "x86_64", "Moderate", 3, 15, 15),
        };
        foreach (var (family, arch) in new[] { ("t3", "x86_64"), ("t3a", "x86_64"), ("t4g", "arm64") })
        {
            list.Add(new($"{family}.nano", 2, 512, arch, "Up to 5 Gigabit", 2, 2, 2));
            list.Add(new($"{family}.micro", 2, 1024, arch, "Up to 5 Gigabit", 2, 2, 2));
            list.Add(new($"{family}.small", 2, 2048, arch, "Up to 5 Gigabit", 3, 4, 4));
            list.Add(new($"{family}.medium", 2, 4096, arch, "Up to 5 Gigabit", 3, 6, 6));
            list.Add(new($"{family}.large", 2, 8192, arch, "Up to 5 Gigabit", 3, 12, 12));
            list.Add(new($"{family}.xlarge", 4, 16384, arch, "Up to 5 Gigabit", 4, 15, 15));
            list.Add(new($"{family}.2xlarge", 8, 32768, arch, "Up to 5 Gigabit", 4, 15, 15));
        }
        // Family, architecture, network performance up to 4xlarge, memory per vCPU (GiB).
        foreach (var (family, arch, performance, memoryPerVcpu) in new[]
        {
            ("m5", "x86_64", "Up to 10 Gigabit", 4), ("m6i", "x86_64", "Up to 12.5 Gigabit", 4), ("m7g", "arm64", "Up to 12.5 Gigabit", 4),
            ("c5", "x86_64", "Up to 10 Gigabit", 2), ("c6i", "x86_64", "Up to 12.5 Gigabit", 2), ("r5", "x86_64", "Up to 10 Gigabit", 8),
        })
        {
            list.Add(new($"{family}.large", 2, 2 * memoryPerVcpu * 1024, arch, performance, 3, 10, 10));
            list.Add(new($"{family}.xlarge", 4, 4 * memoryPerVcpu * 1024, arch, performance, 4, 15, 15));
            list.Add(new($"{family}.2xlarge", 8, 8 * memoryPerVcpu * 1024, arch, performance, 4, 15, 15));
            list.Add(new($"{family}.4xlarge", 16, 16 * memoryPerVcpu * 1024, arch, performance, 8, 30, 30));
        }
        return list;
    }
}
