using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

/// <summary>The IP address type of an endpoint and the DNS record type of its names, with AWS's rules for both
/// (docs/semantics.md#endpoint-ip-address-types). The one home of "which subnets and services an IP address type
/// needs" and "which DnsRecordIpType goes with which IP address type".</summary>
internal static class EndpointIpAddressTypes
{
    /// <summary>IpAddressType: ipv4 by default. An endpoint may be ipv6 or dualstack when the service accepts IPv6,
    /// and ipv4 or dualstack when it accepts IPv4 (the service's SupportedIpAddressTypes). For a gateway endpoint the
    /// service accepts IPv6 where it has an IPv6 prefix list (S3, not DynamoDB; docs/semantics.md#gateway-endpoint-ipv6).
    /// Subnets are checked one by one with <see cref="CheckSubnet"/> (interface) or <see cref="CheckGatewayRouteTable"/>.</summary>
    internal static VpcEndpointIpAddressType Parse(string? text, AwsRegionalService service)
    {
        var value = text switch
        {
            null or "ipv4" => VpcEndpointIpAddressType.Ipv4,
            "ipv6" => VpcEndpointIpAddressType.Ipv6,
            "dualstack" => VpcEndpointIpAddressType.Dualstack,
            _ => throw Ec2Errors.InvalidParameterValue($"Value ({text}) for parameter ipAddressType is invalid. Valid values: ipv4, dualstack, ipv6"),
        };
        // AWS: an IPv6 endpoint needs "The endpoint service must support IPv6 requests"; a provider's service may also
        // support ipv6 only, so ipv4 needs ipv4 and dualstack both (docs/semantics.md#endpoint-service-ipv6).
        bool supported = value switch
        {
            VpcEndpointIpAddressType.Ipv4 => service.Ipv4Supported,
            VpcEndpointIpAddressType.Ipv6 => service.Ipv6Supported,
            _ => service.Ipv4Supported && service.Ipv6Supported,
        };
        if (!supported)
            throw VpcEndpointErrors.IpAddressTypeNotSupportedByService(Name(value), service.ServiceName);
        return value;
    }

    /// <summary>AWS ("IPV4: supported only if all selected subnets have IPv4 address ranges"; "IPV6: only if all
    /// selected subnets are IPv6 only subnets"; "DUALSTACK: only if all selected subnets have both IPv4 and IPv6
    /// address ranges"): so an IPv6-only subnet takes ipv6 endpoints only, a dual-stack subnet ipv4 or dualstack ones,
    /// an IPv4-only subnet ipv4 ones (docs/semantics.md#ipv6-only-subnets).</summary>
    internal static void CheckSubnet(Subnet subnet, VpcEndpointIpAddressType type)
    {
        if (type == VpcEndpointIpAddressType.Ipv4 && subnet.CidrBlock is null)
            throw VpcEndpointErrors.SubnetLacksRangeForIpAddressType(subnet.Id.Value, "ipv4", "an IPv4 CIDR block (this subnet is IPv6-only)");
        if (type == VpcEndpointIpAddressType.Dualstack && (subnet.Ipv6Cidr is null || subnet.CidrBlock is null))
            throw VpcEndpointErrors.SubnetLacksRangeForIpAddressType(subnet.Id.Value, "dualstack", "both an IPv4 and an IPv6 CIDR block");
        if (type == VpcEndpointIpAddressType.Ipv6 && !subnet.Ipv6Native)
            throw VpcEndpointErrors.SubnetLacksRangeForIpAddressType(subnet.Id.Value, "ipv6", "to be IPv6-only (this subnet has an IPv4 CIDR block)");
    }

    /// <summary>Spec (d), the gateway-endpoints page: an ipv6 gateway endpoint needs every subnet associated with its
    /// route tables to be IPv6-only, a dualstack one every such subnet to have both an IPv4 and an IPv6 range. The
    /// subnets are those that use the table (explicit association, else the VPC's main table). Choice
    /// (docs/semantics.md#gateway-endpoint-ipv6): ipv4 stays unchecked, as before the IP address type existed, and
    /// the rule is checked when the endpoint gains a table or changes type, not when a subnet is associated later.</summary>
    internal static void CheckGatewayRouteTable(Transaction tx, RouteTable table, VpcEndpointIpAddressType type)
    {
        if (type == VpcEndpointIpAddressType.Ipv4)
            return;
        foreach (var subnet in SubnetsUsing(tx.World, table))
        {
            if (type == VpcEndpointIpAddressType.Ipv6 && !subnet.Ipv6Native)
                throw VpcEndpointErrors.GatewaySubnetLacksRangeForIpAddressType(subnet.Id.Value, table.Id.Value, "ipv6", "to be IPv6-only");
            if (type == VpcEndpointIpAddressType.Dualstack && (subnet.Ipv6Cidr is null || subnet.CidrBlock is null))
                throw VpcEndpointErrors.GatewaySubnetLacksRangeForIpAddressType(subnet.Id.Value, table.Id.Value, "dualstack", "both an IPv4 and an IPv6 CIDR block");
        }
    }

    /// <summary>The subnets of the table's VPC that use it, in id order, as <see cref="SubnetAssociations.RouteTableOf"/>
    /// decides (the lowest-id table explicitly associated with the subnet, else the VPC's lowest-id main table), found
    /// through the index: the table's own associations, and for a main table the VPC's subnets. What it costs is the
    /// VPC's, not the world's.</summary>
    internal static IEnumerable<Subnet> SubnetsUsing(IndexedWorld world, RouteTable table)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(table);
        RouteTable? Explicit(SubnetId subnet) => world.Where(IndexedKinds.RouteTable, "association.subnet-id", subnet.Value).FirstOrDefault();
        var main = world.Where(IndexedKinds.RouteTable, "vpc-id", table.VpcId.Value).FirstOrDefault(t => t.IsMain);
        var candidates = main?.Id == table.Id
            ? world.Where(IndexedKinds.Subnet, "vpc-id", table.VpcId.Value)
            : table.Associations.Select(a => a.SubnetId).OfType<SubnetId>().Distinct()
                .Select(world.Network.Subnets.GetValueOrDefault).OfType<Subnet>().Where(s => s.VpcId == table.VpcId)
                .OrderBy(s => s.Id.Value, StringComparer.Ordinal);
        return candidates.Where(s => (Explicit(s.Id) ?? main)?.Id == table.Id);
    }

    /// <summary>DnsOptions.DnsRecordIpType of a gateway endpoint (spec (d)): ipv4 → ipv4 or service-defined (the
    /// default); ipv6 → ipv6 or service-defined; dualstack → any; DynamoDB only service-defined. A Modify keeps the
    /// current record type while it fits the new IP address type, else service-defined (choice).</summary>
    internal static VpcEndpointDnsRecordIpType GatewayRecordType(string? text, VpcEndpointIpAddressType ipType, AwsRegionalService service,
        VpcEndpointDnsRecordIpType? current)
    {
        bool Allowed(VpcEndpointDnsRecordIpType r) => r == VpcEndpointDnsRecordIpType.ServiceDefined
            || (service.ShortName != "dynamodb" && (ipType == VpcEndpointIpAddressType.Dualstack || (Fits(r, ipType) && r != VpcEndpointDnsRecordIpType.Dualstack)));
        if (text is null)
            return current is { } kept && Allowed(kept) ? kept : VpcEndpointDnsRecordIpType.ServiceDefined;
        var value = ParseRecordType(text);
        if (!Allowed(value))
            throw Ec2Errors.InvalidParameter($"DnsRecordIpType {text} is not supported for this Gateway endpoint to {service.ServiceName} with IP address type {Name(ipType)}.");
        return value;
    }

    /// <summary>The addresses of a new endpoint interface: a private IPv4 unless the endpoint is ipv6, an IPv6 address
    /// unless it is ipv4 (docs/semantics.md#endpoint-ip-address-types).</summary>
    internal static (ImmutableArray<PrivateIpAddress> Ipv4, ImmutableArray<IpAddress> Ipv6) Allocate(Transaction tx, Subnet subnet,
        VpcEndpointIpAddressType type, ISet<IpAddress> used)
    {
        ImmutableArray<PrivateIpAddress> v4 = type == VpcEndpointIpAddressType.Ipv6 ? [] : [new PrivateIpAddress(tx.AllocatePrivateIpv4(subnet, used), true, null)];
        ImmutableArray<IpAddress> v6 = type == VpcEndpointIpAddressType.Ipv4 ? [] : [tx.AllocateIpv6(subnet, used)];
        return (v4, v6);
    }

    /// <summary>DnsOptions.DnsRecordIpType of an interface endpoint. Default = the IP address type; ipv4 needs an ipv4
    /// or dualstack endpoint, ipv6 an ipv6 or dualstack one, dualstack and service-defined a dualstack one.
    /// <paramref name="current"/> is the record type before a ModifyVpcEndpoint: kept when it still fits, else the new
    /// IP address type's default (choice).</summary>
    internal static VpcEndpointDnsRecordIpType InterfaceRecordType(string? text, VpcEndpointIpAddressType ipType,
        VpcEndpointDnsRecordIpType? current = null)
    {
        if (text is null)
            return current is { } kept && Fits(kept, ipType) ? kept : DefaultRecordType(ipType);
        var value = ParseRecordType(text);
        if (!Fits(value, ipType))
            throw VpcEndpointErrors.DnsRecordIpTypeNotForIpAddressType(text, Name(ipType));
        return value;
    }

    internal static VpcEndpointDnsRecordIpType ParseRecordType(string text) => text switch
    {
        "ipv4" => VpcEndpointDnsRecordIpType.Ipv4,
        "ipv6" => VpcEndpointDnsRecordIpType.Ipv6,
        "dualstack" => VpcEndpointDnsRecordIpType.Dualstack,
        "service-defined" => VpcEndpointDnsRecordIpType.ServiceDefined,
        _ => throw Ec2Errors.InvalidParameterValue($"Value ({text}) for parameter dnsRecordIpType is invalid. Valid values: ipv4, dualstack, ipv6, service-defined"),
    };

    internal static VpcEndpointDnsRecordIpType DefaultRecordType(VpcEndpointIpAddressType ipType) => ipType switch
    {
        VpcEndpointIpAddressType.Ipv6 => VpcEndpointDnsRecordIpType.Ipv6,
        VpcEndpointIpAddressType.Dualstack => VpcEndpointDnsRecordIpType.Dualstack,
        _ => VpcEndpointDnsRecordIpType.Ipv4,
    };

    internal static bool Fits(VpcEndpointDnsRecordIpType record, VpcEndpointIpAddressType ipType) => record switch
    {
        VpcEndpointDnsRecordIpType.Ipv4 => ipType != VpcEndpointIpAddressType.Ipv6,
        VpcEndpointDnsRecordIpType.Ipv6 => ipType != VpcEndpointIpAddressType.Ipv4,
        _ => ipType == VpcEndpointIpAddressType.Dualstack,
    };

    /// <summary>ModifyVpcEndpoint changed the IP address type: every subnet the endpoint keeps must fit it, and each
    /// interface gains an IPv6 address (dualstack) or loses its IPv6 addresses (ipv4).</summary>
    internal static VpcEndpoint Apply(Transaction tx, VpcEndpoint endpoint)
    {
        for (int i = 0; i < endpoint.SubnetIds.Length; i++)
        {
            var subnet = tx.N.Subnets[endpoint.SubnetIds[i]];
            CheckSubnet(subnet, endpoint.IpAddressType);
            if (!tx.N.NetworkInterfaces.TryGetValue(endpoint.NetworkInterfaceIds[i], out var eni))
                continue;
            if (endpoint.IpAddressType == VpcEndpointIpAddressType.Ipv4 && !eni.Ipv6Addresses.IsEmpty)
                tx.Put(eni with { Ipv6Addresses = [] });
            else if (endpoint.IpAddressType == VpcEndpointIpAddressType.Dualstack && eni.Ipv6Addresses.IsEmpty)
                tx.Put(eni with { Ipv6Addresses = [tx.AllocateIpv6(subnet, tx.UsedAddresses(subnet.Id))] });
        }
        return endpoint;
    }

    /// <summary>The wire value (ipv4, dualstack, ipv6).</summary>
    internal static string Name(VpcEndpointIpAddressType type) => VpcEndpointOperations.VpcEndpointIpAddressTypeName(type);
}
