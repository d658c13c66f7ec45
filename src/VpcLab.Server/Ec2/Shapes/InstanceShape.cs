using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Engine.Dns;
using VpcLab.Model;

namespace VpcLab.Server.Ec2.Shapes;

/// <summary>Instance → the Instance shape; Reservation → the Reservation shape (RunInstances' result and
/// DescribeInstances' items); state changes of Start/Stop/TerminateInstances.</summary>
internal static class InstanceShape
{
    public static JsonObject Reservation(Reservation r, ShapeContext c) => new()
    {
        ["ReservationId"] = r.ReservationId,
        ["OwnerId"] = r.OwnerId,
        ["Groups"] = new JsonArray(),
        ["Instances"] = Json.Array(r.Instances.Select((instance, index) => (instance, index)), x => Map(x.instance, x.index, c)),
    };

    /// <summary>AWS's state code and name (0 pending, 16 running, 32 shutting-down, 48 terminated, 64 stopping,
    /// 80 stopped).</summary>
    public static JsonObject State(InstanceState state) => new()
    {
        ["Code"] = Ec2ControlPlane.InstanceStateCode(state),
        ["Name"] = Ec2ControlPlane.InstanceStateName(state),
    };

    public static JsonObject StateChange(InstanceStateChange change) => new()
    {
        ["InstanceId"] = change.InstanceId,
        ["CurrentState"] = State(change.CurrentState),
        ["PreviousState"] = State(change.PreviousState),
    };

    public static JsonObject Map(Instance i, int launchIndex, ShapeContext c)
    {
        var n = c.Network;
        var enis = i.NetworkInterfaces.Where(n.NetworkInterfaces.ContainsKey).Select(id => n.NetworkInterfaces[id]).ToList();
        var primary = enis.FirstOrDefault(e => e.Id == i.PrimaryNetworkInterface);
        var primaryIp = primary?.PrivateIpAddresses.FirstOrDefault(p => p.Primary);
        var publicIp = primary is not null && primaryIp is not null ? n.PublicIpFor(primary, primaryIp) : null;
        // AWS drops the network details of a terminated instance.
        bool terminated = i.State == InstanceState.Terminated;
        n.Subnets.TryGetValue(i.SubnetId, out var subnet);
        return new JsonObject
        {
            ["Architecture"] = ImageCatalog.Find(i.Region, i.ImageId)?.Architecture ?? "x86_64",
            ["BlockDeviceMappings"] = VolumeShape.Mappings(c, i.Id),
            ["EbsOptimized"] = InstanceAttributeOperations.EbsOptimized,
            ["EnaSupport"] = InstanceAttributeOperations.EnaSupport,
            ["Hypervisor"] = "xen",
            ["KeyName"] = i.KeyName,
            ["NetworkInterfaces"] = Json.Array(enis, e => NetworkInterfaceShape.InInstance(e, c)),
            ["RootDeviceName"] = VolumeDevices.RootDeviceName(i),
            ["RootDeviceType"] = "ebs",
            ["SecurityGroups"] = c.GroupIdentifiers(primary?.Groups ?? []),
            ["SourceDestCheck"] = primary?.SourceDestCheck,
            ["StateReason"] = StateReason(i.State),
            ["Tags"] = c.Tags(i.Id.Value),
            ["VirtualizationType"] = "hvm",
            ["CpuOptions"] = new JsonObject { ["CoreCount"] = 1, ["ThreadsPerCore"] = 2 },
            ["MetadataOptions"] = new JsonObject
            {
                ["State"] = "applied",
                ["HttpTokens"] = "required",
                ["HttpPutResponseHopLimit"] = 2,
                ["HttpEndpoint"] = "enabled",
                ["HttpProtocolIpv6"] = "disabled",
                ["InstanceMetadataTags"] = "disabled",
            },
            ["PlatformDetails"] = "Linux/UNIX",
            ["UsageOperation"] = "RunInstances",
            ["InstanceId"] = i.Id.Value,
            ["ImageId"] = i.ImageId,
            ["State"] = State(i.State),
            ["PrivateDnsName"] = terminated ? "" : Ec2Hostnames.OfInstance(i, primaryIp?.Address),
            ["PrivateDnsNameOptions"] = terminated ? null : PrivateDnsNameOptionsShape.Map(i.PrivateDnsNameOptions),
            ["Ipv6Address"] = terminated ? null : primary?.Ipv6Addresses.FirstOrDefault() is { IsV6: true } v6 ? v6.ToString() : null,
            ["PublicDnsName"] = terminated ? "" : c.PublicDnsName(publicIp, i.VpcId, i.Region),
            ["StateTransitionReason"] = "",
            ["AmiLaunchIndex"] = launchIndex,
            ["ProductCodes"] = new JsonArray(),
            ["InstanceType"] = i.InstanceType,
            ["LaunchTime"] = i.LaunchTime,
            ["Placement"] = new JsonObject
            {
                ["AvailabilityZoneId"] = subnet?.AvailabilityZone.ZoneId,
                ["GroupName"] = "",
                ["Tenancy"] = "default",
                ["AvailabilityZone"] = subnet?.AvailabilityZone.Name,
            },
            ["Monitoring"] = new JsonObject { ["State"] = "disabled" },
            ["SubnetId"] = terminated ? null : i.SubnetId.Value,
            ["VpcId"] = terminated ? null : i.VpcId.Value,
            ["PrivateIpAddress"] = terminated ? null : primaryIp?.Address.ToString(),
            ["PublicIpAddress"] = terminated ? null : publicIp?.ToString(),
        };
    }

    /// <summary>DescribeInstanceAttribute's InstanceAttribute shape: the instance id and the one attribute asked.</summary>
    public static JsonObject Attribute(DescribeInstanceAttributeResult r, ShapeContext c) => new()
    {
        ["Groups"] = r.Groups is null ? null : c.GroupIdentifiers(r.Groups),
        ["BlockDeviceMappings"] = r.BlockDeviceMappings ? VolumeShape.Mappings(c, new InstanceId(r.InstanceId)) : null,
        ["DisableApiTermination"] = Boolean(r.DisableApiTermination),
        ["EnaSupport"] = Boolean(r.EnaSupport),
        ["EbsOptimized"] = Boolean(r.EbsOptimized),
        ["InstanceId"] = r.InstanceId,
        ["InstanceInitiatedShutdownBehavior"] = Text(r.InstanceInitiatedShutdownBehavior),
        ["InstanceType"] = Text(r.InstanceType),
        ["ProductCodes"] = r.ProductCodes ? new JsonArray() : null,
        ["UserData"] = r.UserData is null ? null : new JsonObject { ["Value"] = r.UserData.Value },
        ["RootDeviceName"] = Text(r.RootDeviceName),
        ["SourceDestCheck"] = Boolean(r.SourceDestCheck),
        ["DisableApiStop"] = Boolean(r.DisableApiStop),
    };

    private static JsonObject? Boolean(bool? value) => value is { } v ? new JsonObject { ["Value"] = v } : null;

    private static JsonObject? Text(string? value) => value is null ? null : new JsonObject { ["Value"] = value };

    private static JsonObject? StateReason(InstanceState state) => state switch
    {
        InstanceState.Stopping or InstanceState.Stopped or InstanceState.ShuttingDown or InstanceState.Terminated => new JsonObject
        {
            ["Code"] = "Client.UserInitiatedShutdown",
            ["Message"] = "Client.UserInitiatedShutdown: User initiated shutdown",
        },
        InstanceState.Pending => new JsonObject { ["Code"] = "pending", ["Message"] = "pending" },
        _ => null,
    };
}
