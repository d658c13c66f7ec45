using System.Collections.Immutable;
using VpcLab.Import.Json;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Import.Reading;

/// <summary>describe-managed-prefix-lists (with each list's get-managed-prefix-list-entries), -vpc-endpoints and
/// -vpc-peering-connections.</summary>
internal static class ConnectivityReader
{
    public static void ReadPrefixLists(FolderContext ctx)
    {
        foreach (var p in ctx.Items(DescribeCalls.ManagedPrefixLists))
        {
            var id = new PrefixListId(p.String("PrefixListId"));
            var family = p.String("AddressFamily") switch
            {
                "IPv4" => IpFamily.V4,
                "IPv6" => IpFamily.V6,
                var other => throw p.Required("AddressFamily").Error($"'{other}' is not IPv4 or IPv6"),
            };
            var entriesFile = ctx.Open(Path.Combine(DescribeCalls.PrefixListEntriesFolder, $"{id}.json"));
            if (entriesFile is null)
                throw p.Error($"{DescribeCalls.PrefixListEntriesFolder}/{id}.json is missing: the list's entries are only there");
            var entries = entriesFile.Items("Entries").Select(e => new PrefixListEntry(e.Cidr("Cidr"), e.OptionalString("Description")))
                .ToImmutableArray();
            var list = new ManagedPrefixList(id, p.OptionalString("OwnerId") ?? ctx.Account.Value, ctx.Region, p.String("PrefixListName"),
                family, entries, p.OptionalInt("MaxEntries") ?? entries.Length, p.Member("Version") is null ? 1 : p.Long("Version"));
            if (ctx.Parts.PrefixLists.TryAdd(id, list))
                ctx.Parts.Tag(id.Value, p.Tags());
        }
    }

    public static void ReadVpcEndpoints(FolderContext ctx)
    {
        foreach (var e in ctx.Items(DescribeCalls.VpcEndpoints))
        {
            var id = new VpcEndpointId(e.String("VpcEndpointId"));
            var typeText = e.String("VpcEndpointType");
            if (typeText is not ("Gateway" or "Interface"))
            {
                ctx.Skip("vpc-endpoint", id.Value, $"{typeText} endpoints are not modelled");
                continue;
            }
            var dns = e.Member("DnsOptions");
            var endpoint = new VpcEndpoint(id, VpcReader.OwnerOf(e, ctx), ctx.Region, new VpcId(e.String("VpcId")), e.String("ServiceName"),
                e.Enum<VpcEndpointType>("VpcEndpointType"), e.Enum<VpcEndpointState>("State"), e.OptionalString("PolicyDocument") ?? "",
                [.. e.Items("RouteTableIds").Select(r => new RouteTableId(r.Text()))], [.. e.Items("SubnetIds").Select(s => new SubnetId(s.Text()))],
                FilterReader.Groups(e), [.. e.Items("NetworkInterfaceIds").Select(n => new NetworkInterfaceId(n.Text()))],
                e.Bool("PrivateDnsEnabled"),
                e.Member("IpAddressType") is { } ip ? ip.Enum<VpcEndpointIpAddressType>() : VpcEndpointIpAddressType.Ipv4,
                dns?.Member("DnsRecordIpType") is { } rec ? rec.Enum<VpcEndpointDnsRecordIpType>() : VpcEndpointDnsRecordIpType.Ipv4,
                DnsSuffix(e, id), e.Time("CreationTimestamp"));
            if (ctx.Parts.VpcEndpoints.TryAdd(id, endpoint))
                ctx.Parts.Tag(id.Value, e.Tags());
        }
    }

    /// <summary>The 8 characters AWS puts after the endpoint id in its regional name
    /// (vpce-ID-SUFFIX.SERVICE.REGION.vpce.amazonaws.com); none for a gateway endpoint.</summary>
    private static string DnsSuffix(JsonSource e, VpcEndpointId id)
    {
        foreach (var entry in e.Items("DnsEntries"))
        {
            var name = entry.OptionalString("DnsName") ?? "";
            var prefix = id.Value + "-";
            if (!name.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            var label = name[prefix.Length..name.IndexOf('.', StringComparison.Ordinal)];
            int dash = label.IndexOf('-', StringComparison.Ordinal);
            return dash < 0 ? label : label[..dash];
        }
        return "";
    }

    public static void ReadPeeringConnections(FolderContext ctx)
    {
        foreach (var p in ctx.Items(DescribeCalls.VpcPeeringConnections))
        {
            var id = new VpcPeeringConnectionId(p.String("VpcPeeringConnectionId"));
            var status = p.Required("Status");
            var pcx = new VpcPeeringConnection(id, End(ctx, p.Required("RequesterVpcInfo")), End(ctx, p.Required("AccepterVpcInfo")),
                status.Enum<VpcPeeringConnectionState>("Code"), status.OptionalString("Message") ?? "", p.OptionalTime("ExpirationTime"));
            if (ctx.Parts.VpcPeeringConnections.TryAdd(id, pcx))
                ctx.Parts.Tag(id.Value, p.Tags());
        }
    }

    private static VpcPeeringConnectionVpcInfo End(FolderContext ctx, JsonSource end)
    {
        var v4 = end.Items("CidrBlockSet").Select(c => c.Cidr("CidrBlock")).ToList();
        if (v4.Count == 0 && end.Member("CidrBlock") is { } primary)
            v4.Add(primary.Cidr());
        return new VpcPeeringConnectionVpcInfo(new AccountId(end.String("OwnerId")), end.OptionalString("Region") ?? ctx.Region,
            new VpcId(end.String("VpcId")), [.. v4], [.. end.Items("Ipv6CidrBlockSet").Select(c => c.Cidr("Ipv6CidrBlock"))],
            end.Member("PeeringOptions")?.Bool("AllowDnsResolutionFromRemoteVpc") ?? false);
    }
}
