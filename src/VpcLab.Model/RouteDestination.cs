using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>Where a route leads to: exactly one of an IPv4 CIDR, an IPv6 CIDR or a prefix list.</summary>
public readonly record struct RouteDestination(Cidr? Cidr, PrefixListId? PrefixListId)
{
    public static RouteDestination To(Cidr cidr) => new(cidr, null);
    public static RouteDestination To(PrefixListId prefixList) => new(null, prefixList);

    public override string ToString() => Cidr?.ToString() ?? PrefixListId!.Value.Value;
}
