using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.Server.Ec2.Shapes;

/// <summary>InstanceTypeInfo → DescribeInstanceTypes' InstanceTypeInfo (networking facts from AWS's table, one
/// network card), and InstanceTypeOffering (docs/semantics.md#instance-types).</summary>
internal static class InstanceTypeShape
{
    public static JsonObject Map(InstanceTypeInfo t)
    {
        // Graviton (arm64) and t2 run one thread per core; the other x86 types two.
        int threads = t.Architecture == "arm64" || t.Family == "t2" ? 1 : 2;
        return new JsonObject
        {
            ["InstanceType"] = t.Name,
            ["CurrentGeneration"] = true,
            ["FreeTierEligible"] = t.FreeTierEligible,
            ["SupportedUsageClasses"] = new JsonArray("on-demand", "spot"),
            ["SupportedRootDeviceTypes"] = new JsonArray("ebs"),
            ["SupportedVirtualizationTypes"] = new JsonArray("hvm"),
            ["BareMetal"] = false,
            ["Hypervisor"] = t.Hypervisor,
            ["ProcessorInfo"] = new JsonObject { ["SupportedArchitectures"] = new JsonArray(t.Architecture) },
            ["VCpuInfo"] = new JsonObject { ["DefaultVCpus"] = t.VCpus, ["DefaultCores"] = t.VCpus / threads, ["DefaultThreadsPerCore"] = threads },
            ["MemoryInfo"] = new JsonObject { ["SizeInMiB"] = t.MemoryMiB },
            ["InstanceStorageSupported"] = false,
            ["EbsInfo"] = new JsonObject
            {
                ["EbsOptimizedSupport"] = t.Family == "t2" ? "unsupported" : "default",
                ["EncryptionSupport"] = "supported",
                ["NvmeSupport"] = t.Family == "t2" ? "unsupported" : "required",
            },
            ["NetworkInfo"] = new JsonObject
            {
                ["NetworkPerformance"] = t.NetworkPerformance,
                ["MaximumNetworkInterfaces"] = t.MaxNetworkInterfaces,
                ["MaximumNetworkCards"] = 1,
                ["DefaultNetworkCardIndex"] = 0,
                ["NetworkCards"] = new JsonArray(new JsonObject
                {
                    ["NetworkCardIndex"] = 0,
                    ["NetworkPerformance"] = t.NetworkPerformance,
                    ["MaximumNetworkInterfaces"] = t.MaxNetworkInterfaces,
                }),
                ["Ipv4AddressesPerInterface"] = t.Ipv4PerInterface,
                ["Ipv6AddressesPerInterface"] = t.Ipv6PerInterface,
                ["Ipv6Supported"] = t.Ipv6Supported,
                ["EnaSupport"] = t.EnaSupport,
                ["EfaSupported"] = false,
                ["EncryptionInTransitSupported"] = false,
            },
            ["PlacementGroupInfo"] = new JsonObject { ["SupportedStrategies"] = new JsonArray("partition", "spread") },
            ["HibernationSupported"] = true,
            ["BurstablePerformanceSupported"] = t.Burstable,
            ["DedicatedHostsSupported"] = !t.Burstable,
            ["AutoRecoverySupported"] = true,
            ["SupportedBootModes"] = t.Architecture == "arm64" ? new JsonArray("uefi") : new JsonArray("legacy-bios", "uefi"),
        };
    }

    public static JsonObject Offering(InstanceTypeOffering o) => new()
    {
        ["InstanceType"] = o.InstanceType,
        ["LocationType"] = o.LocationType,
        ["Location"] = o.Location,
    };
}
