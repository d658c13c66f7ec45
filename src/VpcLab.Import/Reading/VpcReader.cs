using VpcLab.Import.Json;
using VpcLab.Model;

namespace VpcLab.Import.Reading;

/// <summary>describe-vpcs and describe-subnets (with the VPC DNS attributes when saved).</summary>
internal static class VpcReader
{
    public static void ReadVpcs(FolderContext ctx)
    {
        foreach (var v in ctx.Items(DescribeCalls.Vpcs))
        {
            var id = new VpcId(v.String("VpcId"));
            bool isDefault = v.Bool("IsDefault");
            var (dnsSupport, dnsHostnames) = DnsAttributes(ctx, id, isDefault);
            var vpc = new Vpc(id, OwnerOf(v, ctx), ctx.Region,
                [.. v.Items("CidrBlockAssociationSet").Select(b => Block(b, "CidrBlock", "CidrBlockState"))],
                [.. v.Items("Ipv6CidrBlockAssociationSet").Select(b => Block(b, "Ipv6CidrBlock", "Ipv6CidrBlockState"))],
                dnsSupport, dnsHostnames, isDefault, v.OptionalString("InstanceTenancy") ?? "default");
            if (vpc.CidrBlocks.IsEmpty)
                throw v.Error("CidrBlockAssociationSet is empty: a VPC has at least its primary IPv4 CIDR");
            if (ctx.Parts.Vpcs.TryAdd(id, vpc))
                ctx.Parts.Tag(id.Value, v.Tags());
        }
    }

    public static void ReadSubnets(FolderContext ctx)
    {
        foreach (var s in ctx.Items(DescribeCalls.Subnets))
        {
            var id = new SubnetId(s.String("SubnetId"));
            var vpc = new VpcId(s.String("VpcId"));
            if (!ctx.Parts.Vpcs.ContainsKey(vpc))
                throw s.Required("VpcId").Error($"VPC {vpc} is not in any describe-vpcs.json read so far");
            var ipv6 = s.Items("Ipv6CidrBlockAssociationSet").Select(b => Block(b, "Ipv6CidrBlock", "Ipv6CidrBlockState"))
                .FirstOrDefault(b => b.State == CidrBlockState.Associated);
            var zone = new AvailabilityZone(s.String("AvailabilityZone"), s.OptionalString("AvailabilityZoneId") ?? "", ctx.Region);
            // An IPv6-only subnet (Ipv6Native) has no CidrBlock; every other subnet has one
            // (docs/semantics.md#ipv6-only-subnets).
            bool native = s.Bool("Ipv6Native");
            if (native && ipv6 is null)
                throw s.Error("Ipv6Native is true but Ipv6CidrBlockAssociationSet has no associated block: an IPv6-only subnet has one");
            var subnet = new Subnet(id, vpc, OwnerOf(s, ctx), ctx.Region, zone, native ? null : s.Cidr("CidrBlock"), ipv6,
                s.Bool("MapPublicIpOnLaunch"), s.Bool("AssignIpv6AddressOnCreation"), s.Bool("DefaultForAz"), s.Bool("EnableDns64"))
            {
                Ipv6Native = native,
                PrivateDnsNameOptionsOnLaunch = HostnameOptions(s.Member("PrivateDnsNameOptionsOnLaunch"),
                    native ? PrivateDnsNameOptions.Ipv6Only : PrivateDnsNameOptions.Default),
            };
            if (ctx.Parts.Subnets.TryAdd(id, subnet))
                ctx.Parts.Tag(id.Value, s.Tags());
        }
    }

    /// <summary>PrivateDnsNameOptionsOnLaunch of a subnet, PrivateDnsNameOptions of an instance: the hostname type and
    /// the resource-name record options as printed; <paramref name="absent"/> when the member is not there (older
    /// CLI output).</summary>
    internal static PrivateDnsNameOptions HostnameOptions(JsonSource? options, PrivateDnsNameOptions absent) =>
        options is not { } o
            ? absent
            : new PrivateDnsNameOptions(
                o.Has("HostnameType") ? o.Enum<HostnameType>("HostnameType") : absent.HostnameType,
                o.Bool("EnableResourceNameDnsARecord"), o.Bool("EnableResourceNameDnsAAAARecord"));

    internal static AccountId OwnerOf(JsonSource item, FolderContext ctx) =>
        item.OptionalString("OwnerId") is { } owner ? new AccountId(owner) : ctx.Account;

    private static VpcCidrBlock Block(JsonSource b, string cidrMember, string stateMember) =>
        new(b.String("AssociationId"), b.Cidr(cidrMember), b.Required(stateMember).Enum<CidrBlockState>("State"));

    /// <summary>AWS's defaults when describe-vpc-attribute was not saved: DNS resolution on; DNS hostnames on in a
    /// default VPC only (docs/semantics.md#import-vpc-attributes).</summary>
    private static (bool Support, bool Hostnames) DnsAttributes(FolderContext ctx, VpcId vpc, bool isDefault)
    {
        bool support = Attribute(ctx, vpc, "enableDnsSupport", "EnableDnsSupport") ?? true;
        bool hostnames = Attribute(ctx, vpc, "enableDnsHostnames", "EnableDnsHostnames") ?? isDefault;
        return (support, hostnames);
    }

    private static bool? Attribute(FolderContext ctx, VpcId vpc, string attribute, string member)
    {
        var file = ctx.Open(Path.Combine(DescribeCalls.VpcAttributeFolder, $"{vpc}.{attribute}.json"));
        return file?.Pages.Select(p => (bool?)p.Required(member).Bool("Value")).LastOrDefault();
    }
}
