using VpcLab.Import.Json;
using VpcLab.Model;

namespace VpcLab.Import.Reading;

/// <summary>describe-internet-gateways, -egress-only-internet-gateways, -addresses and -nat-gateways.</summary>
internal static class GatewayReader
{
    public static void ReadInternetGateways(FolderContext ctx)
    {
        foreach (var g in ctx.Items(DescribeCalls.InternetGateways))
        {
            var id = new InternetGatewayId(g.String("InternetGatewayId"));
            // AWS prints an attached gateway's attachment state as "available".
            var attached = g.Items("Attachments").FirstOrDefault(a => a.OptionalString("State") is "available" or "attached");
            VpcId? vpc = attached.Element.ValueKind == default ? null : new VpcId(attached.String("VpcId"));
            if (ctx.Parts.InternetGateways.TryAdd(id, new InternetGateway(id, VpcReader.OwnerOf(g, ctx), ctx.Region, vpc)))
                ctx.Parts.Tag(id.Value, g.Tags());
        }
    }

    public static void ReadEgressOnlyInternetGateways(FolderContext ctx)
    {
        foreach (var g in ctx.Items(DescribeCalls.EgressOnlyInternetGateways))
        {
            var id = new EgressOnlyInternetGatewayId(g.String("EgressOnlyInternetGatewayId"));
            var attachment = g.Items("Attachments").FirstOrDefault();
            if (attachment.Element.ValueKind == default)
            {
                ctx.Skip("egress-only-internet-gateway", id.Value, "not attached to a VPC");
                continue;
            }
            var gateway = new EgressOnlyInternetGateway(id, VpcReader.OwnerOf(g, ctx), ctx.Region, new VpcId(attachment.String("VpcId")));
            if (ctx.Parts.EgressOnlyInternetGateways.TryAdd(id, gateway))
                ctx.Parts.Tag(id.Value, g.Tags());
        }
    }

    public static void ReadAddresses(FolderContext ctx)
    {
        foreach (var a in ctx.Items(DescribeCalls.Addresses))
        {
            if (a.OptionalString("Domain") is "standard")
            {
                ctx.Skip("address", a.String("PublicIp"), "EC2-Classic address");
                continue;
            }
            var id = new AllocationId(a.String("AllocationId"));
            var eni = a.OptionalString("NetworkInterfaceId") is { } e ? new NetworkInterfaceId(e) : (NetworkInterfaceId?)null;
            var address = new ElasticIpAddress(id, ctx.Account, ctx.Region, a.Address("PublicIp"), a.OptionalString("AssociationId"),
                eni, a.OptionalAddress("PrivateIpAddress"));
            if (ctx.Parts.ElasticIps.TryAdd(id, address))
                ctx.Parts.Tag(id.Value, a.Tags());
        }
        // describe-addresses-attribute lists the addresses with a reverse DNS record (docs/semantics.md#addresses-attribute).
        foreach (var attribute in ctx.Items(DescribeCalls.AddressesAttribute))
        {
            var id = new AllocationId(attribute.String("AllocationId"));
            if (attribute.OptionalString("PtrRecord") is not { } ptr)
                continue;
            if (!ctx.Parts.ElasticIps.TryGetValue(id, out var address))
                throw attribute.Required("AllocationId").Error($"{id} is not in any describe-addresses.json read so far");
            ctx.Parts.ElasticIps[id] = address with { PtrRecord = ptr };
        }
    }

    public static void ReadNatGateways(FolderContext ctx)
    {
        foreach (var n in ctx.Items(DescribeCalls.NatGateways))
        {
            var id = new NatGatewayId(n.String("NatGatewayId"));
            var addresses = n.Items("NatGatewayAddresses").ToArray();
            if (addresses.Length == 0)
            {
                ctx.Skip("nat-gateway", id.Value, $"no NatGatewayAddresses (state {n.OptionalString("State")})");
                continue;
            }
            var primary = addresses.FirstOrDefault(a => a.Bool("IsPrimary", absent: true));
            if (primary.Element.ValueKind == default)
                primary = addresses[0];
            var allocation = primary.OptionalString("AllocationId") is { } al ? new AllocationId(al) : (AllocationId?)null;
            var nat = new NatGateway(id, ctx.Account, ctx.Region, new VpcId(n.String("VpcId")), new SubnetId(n.String("SubnetId")),
                n.Member("ConnectivityType") is { } ct ? ct.Enum<NatConnectivityType>() : NatConnectivityType.Public,
                allocation, new NetworkInterfaceId(primary.String("NetworkInterfaceId")), primary.Address("PrivateIp"),
                primary.OptionalAddress("PublicIp"), n.Enum<NatGatewayState>("State"), n.Time("CreateTime"));
            if (ctx.Parts.NatGateways.TryAdd(id, nat))
                ctx.Parts.Tag(id.Value, n.Tags());
        }
    }
}
