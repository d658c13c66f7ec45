using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Model.Policies;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

/// <summary>The pieces of the VPC endpoint operations: parsing the request's enumerations, the gateway routes,
/// the interface endpoint's interfaces and groups, and the hooks other operations call (DeleteVpc,
/// DeleteRouteTable).</summary>
internal static class VpcEndpointParts
{
    /// <summary>The endpoint types the API names but the lab does not model.</summary>
    private static readonly string[] UnmodelledEndpointTypes = ["GatewayLoadBalancer", "Resource", "ServiceNetwork"];

    internal static VpcEndpointType ParseEndpointType(string? text) => text switch
    {
        null or "Gateway" => VpcEndpointType.Gateway, // the API's default type (spec (d))
        "Interface" => VpcEndpointType.Interface,
        _ when UnmodelledEndpointTypes.Contains(text) =>
            throw Ec2Errors.InvalidParameterValue($"Value ({text}) for parameter vpcEndpointType is invalid. This lab models Gateway and Interface endpoints only."),
        _ => throw Ec2Errors.InvalidParameterValue($"Value ({text}) for parameter vpcEndpointType is invalid. Valid values: Interface, Gateway, GatewayLoadBalancer, Resource, ServiceNetwork"),
    };

    /// <summary>The catalog entry of a service of <paramref name="serviceRegion"/> (the caller's Region unless the endpoint
    /// is cross-Region) for that endpoint type. A name unknown in that Region (another Region's service included) is
    /// InvalidServiceName; a known service that does not offer the type is AWS's "Endpoint type (…) does not match
    /// available service types". <paramref name="creating"/>: a new endpoint, which the service must offer to the
    /// caller's Region (an existing one keeps its access, docs/semantics.md#cross-region-privatelink).</summary>
    internal static AwsRegionalService EndpointService(AwsServiceCatalog catalog, Transaction tx, string? serviceName, VpcEndpointType type,
        string serviceRegion, bool creating)
    {
        if (string.IsNullOrEmpty(serviceName))
            throw Ec2Errors.MissingParameter("ServiceName");
        if (VpcEndpointServiceConfiguration.IsProviderServiceName(serviceName))
            return ProviderService(tx, serviceName, type, serviceRegion, creating);
        if (serviceRegion != tx.RegionName)
            throw VpcEndpointServiceErrors.CrossRegionAwsServiceNotModelled(serviceName);
        var entries = catalog.Find(serviceName).Where(s => s.Region == tx.RegionName).ToList();
        if (entries.Count == 0)
            throw VpcEndpointErrors.ServiceNameNotFound(serviceName);
        var wanted = type == VpcEndpointType.Gateway ? AwsServiceEndpointType.Gateway : AwsServiceEndpointType.Interface;
        return entries.FirstOrDefault(s => s.EndpointType == wanted)
            ?? throw VpcEndpointErrors.EndpointTypeNotOffered(type.ToString(), string.Join(", ", entries.Select(s => s.EndpointType.ToString())));
    }

    /// <summary>An endpoint service of a provider (docs/semantics.md#endpoint-services): it must exist in the service
    /// Region and allow the caller, else it is InvalidServiceName, as if absent (the service is invisible to it);
    /// it offers Interface endpoints only; a new endpoint from another Region needs that Region among the service's
    /// supported Regions (docs/semantics.md#cross-region-privatelink).</summary>
    private static AwsRegionalService ProviderService(Transaction tx, string serviceName, VpcEndpointType type, string serviceRegion, bool creating)
    {
        var service = tx.N.EndpointServiceNamed(serviceName);
        if (service is null || service.Region != serviceRegion || !service.Allows(tx.Account))
            throw VpcEndpointErrors.ServiceNameNotFound(serviceName);
        if (creating && !service.Supports(tx.RegionName))
            throw VpcEndpointServiceErrors.ServiceNotOfferedToRegion(serviceName, tx.RegionName);
        if (type != VpcEndpointType.Interface)
            throw VpcEndpointErrors.EndpointTypeNotOffered(type.ToString(), "Interface");
        return EndpointServiceParts.AsCatalogEntry(tx.N, service);
    }

    /// <summary>A new endpoint's state: pendingAcceptance for a provider service that requires acceptance, else
    /// available (AWS services and services that accept at once).</summary>
    internal static VpcEndpointState InitialState(Transaction tx, string serviceName) =>
        tx.N.EndpointServiceNamed(serviceName) is { AcceptanceRequired: true } ? VpcEndpointState.PendingAcceptance : VpcEndpointState.Available;

    /// <summary>The policy text to store: the caller's, once it parses as an endpoint policy, else AWS's full-access
    /// default.</summary>
    internal static string EndpointPolicy(string? json)
    {
        if (json is null)
            return PolicyDocument.DefaultEndpointPolicyJson;
        if (!PolicyDocument.TryParse(json, PolicyKind.VpcEndpoint, out _, out var error))
            throw VpcEndpointErrors.PolicyRefused(error!);
        return json;
    }

    /// <summary>DnsOptions (spec (d), (e)). Interface endpoints: <see cref="EndpointIpAddressTypes.InterfaceRecordType"/>.
    /// Gateway endpoints: <see cref="EndpointIpAddressTypes.GatewayRecordType"/>; any value but service-defined needs
    /// both VPC DNS attributes. <paramref name="current"/>: the record type before a Modify.</summary>
    internal static VpcEndpointDnsRecordIpType ParseDnsRecordIpType(DnsOptionsSpecification? options, VpcEndpointType type,
        AwsRegionalService service, Vpc vpc, VpcEndpointIpAddressType ipType, VpcEndpointDnsRecordIpType? current = null)
    {
        if (options?.PrivateDnsOnlyForInboundResolverEndpoint == true)
            throw Ec2Errors.InvalidParameter("PrivateDnsOnlyForInboundResolverEndpoint needs an interface endpoint with private DNS enabled to a service that offers it; no such service in this lab.");
        var text = options?.DnsRecordIpType;
        if (type == VpcEndpointType.Interface)
            return EndpointIpAddressTypes.InterfaceRecordType(text, ipType, current);
        var value = EndpointIpAddressTypes.GatewayRecordType(text, ipType, service, current);
        if (text is not null && value != VpcEndpointDnsRecordIpType.ServiceDefined && !(vpc.EnableDnsSupport && vpc.EnableDnsHostnames))
            throw Ec2Errors.InvalidParameter($"DnsRecordIpType {text} requires both enableDnsSupport and enableDnsHostnames VPC attributes set to true for {vpc.Id}");
        return value;
    }

    /// <summary>AWS's 8 random lower-case alphanumerics of the endpoint's DNS names, drawn from the id generator so
    /// a replay gives the same names.</summary>
    internal static string NewDnsSuffix(Transaction tx)
    {
        const string alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
        var r = tx.NextRandom();
        Span<char> chars = stackalloc char[8];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[(int)(r % 36)];
            r /= 36;
        }
        return new string(chars);
    }

    internal static void RefuseForType(IReadOnlyList<string>? ids, string parameter, VpcEndpointType type)
    {
        if (ids is { Count: > 0 })
            throw VpcEndpointErrors.EndpointParameterNotForType(parameter, type.ToString());
    }

    internal static void PutEndpoint(Transaction tx, VpcEndpoint endpoint) =>
        tx.Put(endpoint);

    /// <summary>An endpoint of the caller (<see cref="ResourceKinds.VpcEndpoint"/>).</summary>
    internal static VpcEndpoint FindVpcEndpoint(Transaction tx, string? id, string parameter) => tx.Require(ResourceKinds.VpcEndpoint, id, parameter);

    /// <summary>Private DNS (spec (e)): the service must offer a private name, the VPC needs enableDnsSupport and
    /// enableDnsHostnames, and no other endpoint of the VPC may already answer that name.</summary>
    internal static void CheckPrivateDns(Transaction tx, Vpc vpc, AwsRegionalService service, VpcEndpointId self)
    {
        if (service.PrivateDnsName is not { } name)
            throw tx.N.EndpointServiceNamed(service.ServiceName) is { PrivateDnsName: not null }
                ? VpcEndpointServiceErrors.PrivateDnsNotVerified(service.ServiceName)
                : VpcEndpointErrors.PrivateDnsNotOffered(service.ServiceName);
        if (!vpc.EnableDnsSupport || !vpc.EnableDnsHostnames)
            throw VpcEndpointErrors.PrivateDnsNeedsVpcDnsAttributes(vpc.Id.Value);
        if (tx.Where(IndexedKinds.VpcEndpoint, "vpc-id", vpc.Id.Value).Any(e => e.Id != self && e.IsInterface && e.PrivateDnsEnabled
            && e.ServiceName == service.ServiceName))
            throw VpcEndpointErrors.PrivateDnsConflict(name, vpc.Id.Value);
    }

    // ------------------------------------------------------------------ gateway endpoints: routes

    /// <summary>The service's AWS-managed prefix lists the endpoint routes, by its IP address type (spec (d)): ipv4 →
    /// the IPv4 list (com.amazonaws.REGION.s3), ipv6 → the IPv6 list (com.amazonaws.REGION.ipv6.s3), dualstack → both.
    /// A managed prefix list has one family, so each family is its own route (docs/semantics.md#gateway-endpoint-ipv6).</summary>
    internal static ImmutableArray<PrefixListId> GatewayPrefixLists(Transaction tx, VpcEndpoint endpoint)
    {
        var shortName = endpoint.ServiceName[(endpoint.ServiceName.LastIndexOf('.') + 1)..];
        IpFamily[] families = endpoint.IpAddressType switch
        {
            VpcEndpointIpAddressType.Ipv6 => [IpFamily.V6],
            VpcEndpointIpAddressType.Dualstack => [IpFamily.V4, IpFamily.V6],
            _ => [IpFamily.V4],
        };
        return [.. families.Select(family =>
        {
            var name = ManagedPrefixList.AwsServiceListName(endpoint.Region, shortName, family);
            return tx.Where(IndexedKinds.PrefixList, "prefix-list-name", name).FirstOrDefault(p => p.IsAwsManaged && p.Region == endpoint.Region)?.Id
                ?? throw VpcEndpointErrors.ServiceNameNotFound(endpoint.ServiceName);
        })];
    }

    /// <summary>Adds the routes "service prefix list → vpce" to each table, one per list of the endpoint's IP address
    /// type (spec (d)). Choice: origin CreateRoute, as AWS and moto report it. A table already routing one of those
    /// lists (another endpoint of the same service, or a manual route) is RouteAlreadyExists; a table serving a subnet
    /// the IP address type does not fit is refused (<see cref="EndpointIpAddressTypes.CheckGatewayRouteTable"/>).</summary>
    internal static VpcEndpoint AddEndpointRouteTables(Transaction tx, VpcEndpoint endpoint, IReadOnlyList<string>? ids)
    {
        if (ids is not { Count: > 0 })
            return endpoint;
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            var table = tx.Require(ResourceKinds.RouteTable, id);
            if (table.VpcId != endpoint.VpcId)
                throw VpcEndpointErrors.EndpointRouteTableInOtherVpc(id, endpoint.VpcId.Value);
            if (endpoint.RouteTableIds.Contains(table.Id))
                continue; // already the endpoint's: nothing to add
            AddEndpointRoutes(tx, table, endpoint);
            endpoint = endpoint with { RouteTableIds = endpoint.RouteTableIds.Add(table.Id) };
        }
        PutEndpoint(tx, endpoint);
        return endpoint;
    }

    private static void AddEndpointRoutes(Transaction tx, RouteTable table, VpcEndpoint endpoint)
    {
        EndpointIpAddressTypes.CheckGatewayRouteTable(tx, table, endpoint.IpAddressType);
        var target = new RouteTarget(RouteTargetKind.GatewayEndpoint, endpoint.Id.Value);
        foreach (var list in GatewayPrefixLists(tx, endpoint))
        {
            var destination = RouteDestination.To(list);
            if (table.Routes.Any(r => r.Destination == destination))
                throw VpcEndpointErrors.EndpointRouteExists(table.Id.Value, destination.ToString());
            table = table with { Routes = table.Routes.Add(new Route(destination, target, RouteOrigin.CreateRoute)) };
        }
        tx.Put(table);
    }

    /// <summary>ModifyVpcEndpoint changed a gateway endpoint's IP address type: in each of its tables its routes
    /// become those of the new type (the IPv6 list's route comes or goes), checked as when a table is added.</summary>
    internal static void ResyncEndpointRoutes(Transaction tx, VpcEndpoint endpoint)
    {
        foreach (var tableId in endpoint.RouteTableIds)
        {
            if (!tx.N.RouteTables.TryGetValue(tableId, out var table))
                continue;
            RemoveEndpointRoute(tx, table, endpoint.Id);
            AddEndpointRoutes(tx, tx.N.RouteTables[tableId], endpoint);
        }
    }

    internal static VpcEndpoint RemoveEndpointRouteTables(Transaction tx, VpcEndpoint endpoint, IReadOnlyList<string>? ids)
    {
        if (ids is not { Count: > 0 })
            return endpoint;
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            var table = tx.Require(ResourceKinds.RouteTable, id);
            if (!endpoint.RouteTableIds.Contains(table.Id))
                throw VpcEndpointErrors.NotPartOfEndpoint(id, endpoint.Id.Value);
            RemoveEndpointRoute(tx, table, endpoint.Id);
            endpoint = endpoint with { RouteTableIds = endpoint.RouteTableIds.Remove(table.Id) };
        }
        PutEndpoint(tx, endpoint);
        return endpoint;
    }

    internal static void RemoveEndpointRoute(Transaction tx, RouteTable table, VpcEndpointId endpoint) =>
        tx.Put(table with { Routes = table.Routes.RemoveAll(r => r.Target.Kind == RouteTargetKind.GatewayEndpoint && r.Target.Id == endpoint.Value) });

    // ------------------------------------------------------------------ interface endpoints: interfaces and groups

    /// <summary>One requester-managed interface per new subnet (spec (e)): each subnet of the endpoint's VPC, at most
    /// one per Availability Zone (counting the endpoint's present subnets), its primary address allocated as for
    /// any interface, the endpoint's groups. <see cref="VpcEndpoint.NetworkInterfaceIds"/> follow subnet order.</summary>
    internal static VpcEndpoint AddEndpointSubnets(Transaction tx, VpcEndpoint endpoint, AwsRegionalService service, IReadOnlyList<string>? ids)
    {
        if (ids is not { Count: > 0 })
            return endpoint;
        var zones = endpoint.SubnetIds.Select(s => tx.N.Subnets[s].AvailabilityZone.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            var subnet = tx.Require(ResourceKinds.Subnet, id);
            if (subnet.VpcId != endpoint.VpcId)
                throw VpcEndpointErrors.EndpointSubnetInOtherVpc(id, endpoint.VpcId.Value);
            var zone = subnet.AvailabilityZone.Name;
            // Zones match by zone id: a provider's zone names may map to other physical zones (docs/semantics.md#endpoint-services).
            // Across Regions no zone is shared; AWS does not require one (docs/semantics.md#cross-region-privatelink).
            if (endpoint.IsCrossRegion)
                EndpointServiceSupport.CheckCrossRegionSubnet(subnet);
            else if (!service.Zones.Any(z => z.ZoneId == subnet.AvailabilityZone.ZoneId))
                throw Ec2Errors.InvalidParameter($"The VPC endpoint service {service.ServiceName} does not support the availability zone of the subnet: {id}.");
            if (!zones.Add(zone))
                throw VpcEndpointErrors.DuplicateSubnetsInSameZone(id, zone);
            EndpointIpAddressTypes.CheckSubnet(subnet, endpoint.IpAddressType);
            if (tx.AtRegionQuota(IndexedKinds.NetworkInterface, tx.Quotas.NetworkInterfacesPerRegion))
                throw NetworkInterfaceErrors.NetworkInterfaceLimitExceeded();
            var used = tx.UsedAddresses(subnet.Id);
            var (ipv4, ipv6) = EndpointIpAddressTypes.Allocate(tx, subnet, endpoint.IpAddressType, used);
            var eni = new NetworkInterface(new NetworkInterfaceId(tx.NewId(IdPrefixes.NetworkInterface)), tx.Account, tx.RegionName,
                subnet.Id, subnet.VpcId, zone, ipv4, ipv6, endpoint.Groups, SourceDestCheck: true,
                NetworkInterfaceType.VpcEndpoint, null, $"VPC Endpoint Interface {endpoint.Id}", tx.NewMacAddress())
            {
                RequesterManaged = true,
            };
            tx.Put(eni);
            endpoint = endpoint with
            {
                SubnetIds = endpoint.SubnetIds.Add(subnet.Id),
                NetworkInterfaceIds = endpoint.NetworkInterfaceIds.Add(eni.Id),
            };
        }
        PutEndpoint(tx, endpoint);
        return endpoint;
    }

    internal static VpcEndpoint RemoveEndpointSubnets(Transaction tx, VpcEndpoint endpoint, IReadOnlyList<string>? ids)
    {
        if (ids is not { Count: > 0 })
            return endpoint;
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            var subnet = tx.Require(ResourceKinds.Subnet, id);
            int index = endpoint.SubnetIds.IndexOf(subnet.Id);
            if (index < 0)
                throw VpcEndpointErrors.NotPartOfEndpoint(id, endpoint.Id.Value);
            DeleteEndpointInterface(tx, endpoint.NetworkInterfaceIds[index]);
            endpoint = endpoint with
            {
                SubnetIds = endpoint.SubnetIds.RemoveAt(index),
                NetworkInterfaceIds = endpoint.NetworkInterfaceIds.RemoveAt(index),
            };
        }
        PutEndpoint(tx, endpoint);
        return endpoint;
    }

    internal static void DeleteEndpointInterface(Transaction tx, NetworkInterfaceId eni)
    {
        tx.Remove(eni);
        FlowLogOperations.DeleteFlowLogsOf(tx, eni.Value); // an interface's flow logs go with it
        tx.RemoveTags(eni.Value);
    }

    /// <summary>Add/RemoveSecurityGroupId: the endpoint and each of its interfaces carry the same groups; an
    /// interface endpoint keeps at least one.</summary>
    internal static VpcEndpoint ChangeEndpointGroups(Transaction tx, VpcEndpoint endpoint, IReadOnlyList<string>? add, IReadOnlyList<string>? remove)
    {
        if (add is not { Count: > 0 } && remove is not { Count: > 0 })
            return endpoint;
        var groups = endpoint.Groups.ToList();
        foreach (var id in (remove ?? []).Distinct(StringComparer.Ordinal))
        {
            var group = tx.Require(ResourceKinds.SecurityGroup, id, "RemoveSecurityGroupId");
            if (!groups.Remove(group.Id))
                throw VpcEndpointErrors.NotPartOfEndpoint(id, endpoint.Id.Value);
        }
        foreach (var id in (add ?? []).Distinct(StringComparer.Ordinal))
        {
            var group = tx.Require(ResourceKinds.SecurityGroup, id, "AddSecurityGroupId");
            if (group.VpcId != endpoint.VpcId)
                throw SecurityGroupErrors.SecurityGroupInOtherVpc(id);
            if (!groups.Contains(group.Id))
                groups.Add(group.Id);
        }
        if (groups.Count == 0)
            throw VpcEndpointErrors.EndpointNeedsSecurityGroup(endpoint.Id.Value);
        if (groups.Count > tx.Quotas.SecurityGroupsPerNetworkInterface)
            throw SecurityGroupErrors.TooManySecurityGroups(tx.Quotas.SecurityGroupsPerNetworkInterface);
        endpoint = endpoint with { Groups = [.. groups] };
        foreach (var eniId in endpoint.NetworkInterfaceIds)
        {
            if (tx.N.NetworkInterfaces.TryGetValue(eniId, out var eni))
                tx.Put(eni with { Groups = endpoint.Groups });
        }
        PutEndpoint(tx, endpoint);
        return endpoint;
    }

    // ------------------------------------------------------------------ hooks for other operations

    /// <summary>Deleting an endpoint: its gateway routes and its interfaces go (whatever of them still exists).</summary>
    internal static void DetachEndpoint(Transaction tx, VpcEndpoint endpoint)
    {
        foreach (var tableId in endpoint.RouteTableIds)
        {
            if (tx.N.RouteTables.TryGetValue(tableId, out var table))
                RemoveEndpointRoute(tx, table, endpoint.Id);
        }
        foreach (var eni in endpoint.NetworkInterfaceIds)
            DeleteEndpointInterface(tx, eni);
    }

    /// <summary>DeleteRouteTable. Choice (docs/semantics.md#vpc-endpoints): AWS lets a table holding endpoint
    /// routes be deleted; the endpoints simply stop listing it.</summary>
    internal static void ForgetRouteTableInEndpoints(Transaction tx, RouteTableId table)
    {
        foreach (var endpoint in tx.Where(IndexedKinds.VpcEndpoint, IndexedKinds.EndpointRouteTableLink, table.Value).ToList())
            PutEndpoint(tx, endpoint with { RouteTableIds = endpoint.RouteTableIds.Remove(table) });
    }

    /// <summary>CreateRoute with VpcEndpointId: gateway and interface endpoints are not route targets (spec (d), moto's
    /// text); an id that names no endpoint of the caller is InvalidVpcEndpointId.NotFound.</summary>
    internal static Ec2Exception EndpointAsRouteTarget(Transaction tx, string id)
    {
        FindVpcEndpoint(tx, id, "VpcEndpointId");
        return RouteTableErrors.RouteNotSupported("VPC Endpoints of this type cannot be used as route targets.");
    }
}
