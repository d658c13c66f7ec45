using VpcLab.Import.Json;
using VpcLab.Model;

namespace VpcLab.Import.Reading;

/// <summary>describe-network-interfaces and describe-instances.</summary>
internal static class InterfaceReader
{
    /// <summary>AWS's owner of a public IPv4 it auto-assigned (an Elastic IP's owner is the account).</summary>
    private const string AmazonOwner = "amazon";

    public static void ReadNetworkInterfaces(FolderContext ctx)
    {
        foreach (var n in ctx.Items(DescribeCalls.NetworkInterfaces))
        {
            var id = new NetworkInterfaceId(n.String("NetworkInterfaceId"));
            var privateIps = n.Items("PrivateIpAddresses").Select(p => new PrivateIpAddress(p.Address("PrivateIpAddress"), p.Bool("Primary"),
                p.Member("Association") is { } a && a.OptionalString("IpOwnerId") == AmazonOwner ? a.Address("PublicIp") : null)).ToArray();
            var ipv6 = n.Items("Ipv6Addresses").Select(a => a.Address("Ipv6Address")).ToArray();
            // An interface in an IPv6-only subnet has no private IPv4 at all, only IPv6 addresses
            // (docs/semantics.md#ipv6-only-subnets); any other has a primary private IPv4.
            if (!privateIps.Any(p => p.Primary) && !(privateIps.Length == 0 && ipv6.Length > 0))
                throw n.Error("PrivateIpAddresses has no primary address");
            var eni = new NetworkInterface(id, VpcReader.OwnerOf(n, ctx), ctx.Region, new SubnetId(n.String("SubnetId")),
                new VpcId(n.String("VpcId")), n.String("AvailabilityZone"), [.. privateIps],
                [.. ipv6], FilterReader.Groups(n),
                n.Bool("SourceDestCheck", absent: true), InterfaceType(ctx, n, id), Attachment(n), n.OptionalString("Description") ?? "",
                n.OptionalString("MacAddress") ?? "")
            {
                RequesterManaged = n.Bool("RequesterManaged"),
            };
            if (ctx.Parts.NetworkInterfaces.TryAdd(id, eni))
                ctx.Parts.Tag(id.Value, n.Tags("TagSet"));
        }
    }

    /// <summary>interface, nat_gateway and vpc_endpoint are modelled; other service-managed kinds (load balancers,
    /// Lambda, EFA…) are carried as plain interfaces (docs/semantics.md#import-unmodelled-targets).</summary>
    private static NetworkInterfaceType InterfaceType(FolderContext ctx, JsonSource n, NetworkInterfaceId id)
    {
        var text = n.OptionalString("InterfaceType") ?? "interface";
        if (text is "interface" or "nat_gateway" or "vpc_endpoint")
            return n.Enum<NetworkInterfaceType>("InterfaceType");
        ctx.Skip("network-interface-type", id.Value, $"interface type {text} is carried as a plain interface");
        return NetworkInterfaceType.Interface;
    }

    private static NetworkInterfaceAttachment? Attachment(JsonSource n) =>
        n.Member("Attachment") is { } a && a.OptionalString("InstanceId") is { } instance
            ? new NetworkInterfaceAttachment(a.String("AttachmentId"), new InstanceId(instance), a.OptionalInt("DeviceIndex") ?? 0,
                a.Bool("DeleteOnTermination"))
            : null;

    public static void ReadInstances(FolderContext ctx)
    {
        foreach (var reservation in ctx.Items(DescribeCalls.Instances))
        {
            var reservationId = reservation.OptionalString("ReservationId") ?? "";
            foreach (var i in reservation.Items("Instances"))
                Instance(ctx, i, reservationId, reservation.OptionalString("OwnerId"));
        }
    }

    private static void Instance(FolderContext ctx, JsonSource i, string reservationId, string? owner)
    {
        var id = new InstanceId(i.String("InstanceId"));
        var state = i.Required("State").Enum<InstanceState>("Name");
        if (state == InstanceState.Terminated || i.OptionalString("SubnetId") is not { } subnet)
        {
            ctx.Skip("instance", id.Value, state == InstanceState.Terminated ? "terminated" : "not in a VPC");
            return;
        }
        var interfaces = i.Items("NetworkInterfaces")
            .OrderBy(n => n.Member("Attachment")?.OptionalInt("DeviceIndex") ?? 0)
            .Select(n => new NetworkInterfaceId(n.String("NetworkInterfaceId"))).ToArray();
        if (interfaces.Length == 0)
            throw i.Error("NetworkInterfaces is empty: an instance in a VPC has a primary interface");
        var primary = i.Items("NetworkInterfaces").First(n => new NetworkInterfaceId(n.String("NetworkInterfaceId")) == interfaces[0]);
        var instance = new Instance(id, owner is null ? ctx.Account : new AccountId(owner), ctx.Region, i.OptionalString("ImageId") ?? "",
            i.OptionalString("InstanceType") ?? "", state, new SubnetId(subnet), new VpcId(i.String("VpcId")), [.. interfaces],
            i.Time("LaunchTime"))
        {
            ReservationId = reservationId,
            AutoAssignPublicIp = primary.Member("Association") is { } a && a.OptionalString("IpOwnerId") == AmazonOwner,
            PrivateDnsNameOptions = VpcReader.HostnameOptions(i.Member("PrivateDnsNameOptions"), PrivateDnsNameOptions.Default),
        };
        if (ctx.Parts.Instances.TryAdd(id, instance))
            ctx.Parts.Tag(id.Value, i.Tags());
    }
}
