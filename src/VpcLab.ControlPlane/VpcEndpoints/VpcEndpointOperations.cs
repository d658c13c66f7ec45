using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>VPC endpoints (spec/gateways-endpoints-peering.md (d), (e), "VPC endpoint API"): gateway endpoints add a
/// route to the service's AWS-managed prefix list in each chosen route table; interface endpoints are one
/// requester-managed interface per chosen subnet. AWS services of the caller's Region (the service catalog) accept at
/// once, so a new endpoint is <c>available</c>; providers' endpoint services may be in another Region (ServiceRegion,
/// docs/semantics.md#cross-region-privatelink). Choices: docs/semantics.md#vpc-endpoints.</summary>
public sealed class VpcEndpointOperations
{
    private readonly ControlPlaneState _state;

    internal VpcEndpointOperations(ControlPlaneState state)
    {
        _state = state;
    }

    public CreateVpcEndpointResult CreateVpcEndpoint(RequestContext ctx, CreateVpcEndpointRequest request) =>
        _state.MutateIdempotent(ctx, request.DryRun, request.ClientToken, nameof(CreateVpcEndpoint), request, tx =>
        {
            var vpc = tx.Require(ResourceKinds.Vpc, request.VpcId);
            var type = VpcEndpointParts.ParseEndpointType(request.VpcEndpointType);
            var serviceRegion = EndpointServiceSupport.ServiceRegion(tx, request.ServiceRegion, type);
            var service = VpcEndpointParts.EndpointService(_state.ServiceCatalog, tx, request.ServiceName, type, serviceRegion, creating: true);
            var policy = VpcEndpointParts.EndpointPolicy(request.PolicyDocument);
            var ipType = EndpointIpAddressTypes.Parse(request.IpAddressType, service);
            var dnsType = VpcEndpointParts.ParseDnsRecordIpType(request.DnsOptions, type, service, vpc, ipType);
            var tags = tx.TagsFor(request.TagSpecifications, ResourceTypes.VpcEndpoint, [ResourceTypes.VpcEndpoint]);
            var id = new VpcEndpointId(tx.NewId(IdPrefixes.VpcEndpoint));
            var endpoint = new VpcEndpoint(id, tx.Account, tx.RegionName, vpc.Id, service.ServiceName, type, VpcEndpointParts.InitialState(tx, service.ServiceName),
                policy, [], [], [], [], false, ipType, dnsType, VpcEndpointParts.NewDnsSuffix(tx), tx.Now)
            {
                ServiceRegion = serviceRegion == tx.RegionName ? null : serviceRegion,
            };
            if (type == VpcEndpointType.Gateway)
            {
                VpcEndpointParts.RefuseForType(request.SubnetIds, "SubnetId", type);
                VpcEndpointParts.RefuseForType(request.SecurityGroupIds, "SecurityGroupId", type);
                if (request.PrivateDnsEnabled == true)
                    throw VpcEndpointErrors.EndpointParameterNotForType("PrivateDnsEnabled", "Gateway");
                if (tx.AtQuota(IndexedKinds.VpcEndpoint, IndexedKinds.GatewayEndpointScopeLink, IndexedKind<VpcEndpoint>.Scope(tx.Account, tx.RegionName), tx.Quotas.GatewayEndpointsPerRegion))
                    throw VpcEndpointErrors.VpcEndpointLimitExceeded("gateway endpoints in this Region", tx.Quotas.GatewayEndpointsPerRegion);
                VpcEndpointParts.PutEndpoint(tx, endpoint);
                endpoint = VpcEndpointParts.AddEndpointRouteTables(tx, endpoint, request.RouteTableIds);
            }
            else
            {
                VpcEndpointParts.RefuseForType(request.RouteTableIds, "RouteTableId", type);
                if (tx.Where(IndexedKinds.VpcEndpoint, "vpc-id", vpc.Id.Value).Count(e => e.IsInterface) >= tx.Quotas.InterfaceEndpointsPerVpc)
                    throw VpcEndpointErrors.VpcEndpointLimitExceeded($"interface endpoints in {vpc.Id}", tx.Quotas.InterfaceEndpointsPerVpc);
                // AWS: private DNS defaults to true for AWS services that offer a private DNS name.
                bool privateDns = request.PrivateDnsEnabled ?? service.PrivateDnsName is not null;
                endpoint = endpoint with { Groups = NetworkInterfaceOperations.ResolveGroups(tx, vpc.Id, request.SecurityGroupIds), PrivateDnsEnabled = privateDns };
                if (privateDns)
                    VpcEndpointParts.CheckPrivateDns(tx, vpc, service, endpoint.Id);
                VpcEndpointParts.PutEndpoint(tx, endpoint);
                endpoint = VpcEndpointParts.AddEndpointSubnets(tx, endpoint, service, request.SubnetIds);
            }
            if (tags.Count > 0)
                tx.SetTags(id.Value, tags);
            return new CreateVpcEndpointResult(endpoint, request.ClientToken);
        });

    public ModifyVpcEndpointResult ModifyVpcEndpoint(RequestContext ctx, ModifyVpcEndpointRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var endpoint = VpcEndpointParts.FindVpcEndpoint(tx, request.VpcEndpointId, "VpcEndpointId");
            var vpc = tx.N.Vpcs[endpoint.VpcId];
            var service = VpcEndpointParts.EndpointService(_state.ServiceCatalog, tx, endpoint.ServiceName, endpoint.Type,
                endpoint.ServiceRegionName, creating: false);
            if (request.ResetPolicy == true && request.PolicyDocument is not null)
                throw Ec2Errors.InvalidParameterCombination("The parameters ResetPolicy and PolicyDocument cannot be used together.");
            if (request.ResetPolicy == true)
                endpoint = endpoint with { PolicyDocument = Model.Policies.PolicyDocument.DefaultEndpointPolicyJson };
            else if (request.PolicyDocument is not null)
                endpoint = endpoint with { PolicyDocument = VpcEndpointParts.EndpointPolicy(request.PolicyDocument) };
            var before = endpoint.IpAddressType;
            if (request.IpAddressType is not null)
                endpoint = endpoint with { IpAddressType = EndpointIpAddressTypes.Parse(request.IpAddressType, service) };
            if (request.DnsOptions is not null || endpoint.IpAddressType != before)
                endpoint = endpoint with { DnsRecordIpType = VpcEndpointParts.ParseDnsRecordIpType(request.DnsOptions, endpoint.Type, service, vpc, endpoint.IpAddressType, endpoint.DnsRecordIpType) };
            VpcEndpointParts.PutEndpoint(tx, endpoint);

            if (endpoint.IsGateway)
            {
                VpcEndpointParts.RefuseForType(request.AddSubnetIds, "AddSubnetId", endpoint.Type);
                VpcEndpointParts.RefuseForType(request.RemoveSubnetIds, "RemoveSubnetId", endpoint.Type);
                VpcEndpointParts.RefuseForType(request.AddSecurityGroupIds, "AddSecurityGroupId", endpoint.Type);
                VpcEndpointParts.RefuseForType(request.RemoveSecurityGroupIds, "RemoveSecurityGroupId", endpoint.Type);
                if (request.PrivateDnsEnabled == true)
                    throw VpcEndpointErrors.EndpointParameterNotForType("PrivateDnsEnabled", "Gateway");
                endpoint = VpcEndpointParts.RemoveEndpointRouteTables(tx, endpoint, request.RemoveRouteTableIds);
                if (endpoint.IpAddressType != before)
                    VpcEndpointParts.ResyncEndpointRoutes(tx, endpoint);
                endpoint = VpcEndpointParts.AddEndpointRouteTables(tx, endpoint, request.AddRouteTableIds);
            }
            else
            {
                VpcEndpointParts.RefuseForType(request.AddRouteTableIds, "AddRouteTableId", endpoint.Type);
                VpcEndpointParts.RefuseForType(request.RemoveRouteTableIds, "RemoveRouteTableId", endpoint.Type);
                endpoint = VpcEndpointParts.RemoveEndpointSubnets(tx, endpoint, request.RemoveSubnetIds);
                if (endpoint.IpAddressType != before)
                    endpoint = EndpointIpAddressTypes.Apply(tx, endpoint);
                endpoint = VpcEndpointParts.ChangeEndpointGroups(tx, endpoint, request.AddSecurityGroupIds, request.RemoveSecurityGroupIds);
                endpoint = VpcEndpointParts.AddEndpointSubnets(tx, endpoint, service, request.AddSubnetIds);
                if (request.PrivateDnsEnabled is { } privateDns && privateDns != endpoint.PrivateDnsEnabled)
                {
                    if (privateDns)
                        VpcEndpointParts.CheckPrivateDns(tx, vpc, service, endpoint.Id);
                    endpoint = endpoint with { PrivateDnsEnabled = privateDns };
                    VpcEndpointParts.PutEndpoint(tx, endpoint);
                }
            }
            return new ModifyVpcEndpointResult(endpoint);
        });

    public DescribeVpcEndpointsResult DescribeVpcEndpoints(RequestContext ctx, DescribeVpcEndpointsRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var named = Transaction.Named(request.VpcEndpointIds, id => VpcEndpointParts.FindVpcEndpoint(tx, id, "VpcEndpointId"));
            var schema = new FilterSchema<VpcEndpoint>(IndexedKinds.VpcEndpoint)
                .Add("service-region", e => e.ServiceRegionName);
            return new DescribeVpcEndpointsResult([.. schema.Select(tx, request.Filters, named).Select(e => ViewOf(tx.N, e))]);
        });

    /// <summary>AWS's partial success: each id that is malformed or unknown is refused alone; the others go with
    /// their gateway routes and interfaces. Choice (docs/semantics.md#vpc-endpoints): a deleted endpoint leaves Describe at once.</summary>
    public DeleteVpcEndpointsResult DeleteVpcEndpoints(RequestContext ctx, DeleteVpcEndpointsRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var ids = request.VpcEndpointIds is { Count: > 0 } given ? given : throw Ec2Errors.MissingParameter("VpcEndpointId");
            var unsuccessful = new List<UnsuccessfulItem>();
            foreach (var id in ids.Distinct(StringComparer.Ordinal))
            {
                try
                {
                    var endpoint = VpcEndpointParts.FindVpcEndpoint(tx, id, "VpcEndpointId");
                    VpcEndpointParts.DetachEndpoint(tx, endpoint);
                    tx.Remove(endpoint.Id);
                    tx.RemoveTags(endpoint.Id.Value);
                }
                catch (Ec2Exception error)
                {
                    unsuccessful.Add(UnsuccessfulItem.From(id, error));
                }
            }
            return new DeleteVpcEndpointsResult(unsuccessful);
        });

    /// <summary>An endpoint as Describe shows it, from the current snapshot: for a Create result, which carries
    /// the stored record only.</summary>
    public VpcEndpointView ViewOf(VpcEndpoint endpoint) => ViewOf(_state.Network, endpoint);

    private VpcEndpointView ViewOf(Network n, VpcEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var zones = endpoint.SubnetIds.Select(s => n.Subnets.TryGetValue(s, out var subnet) ? subnet.AvailabilityZone.Name : null)
            .OfType<string>();
        var privateDnsName = n.EndpointServiceNamed(endpoint.ServiceName) is { } provider ? provider.VerifiedPrivateDnsName
            : _state.ServiceCatalog.Find(endpoint.ServiceName).FirstOrDefault(s => s.EndpointType == AwsServiceEndpointType.Interface)?.PrivateDnsName;
        var groups = endpoint.Groups
            .Select(g => (g, n.SecurityGroups.TryGetValue(g, out var group) ? group.GroupName : g.Value)).ToList();
        return new VpcEndpointView(endpoint, VpcEndpointDnsNames.Entries(endpoint, zones, privateDnsName), groups);
    }

    /// <summary>The wire value of a state: lower camel case (pendingAcceptance, available, …).</summary>
    public static string VpcEndpointStateName(VpcEndpointState state)
    {
        var name = state.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static string VpcEndpointIpAddressTypeName(VpcEndpointIpAddressType type) => type switch
    {
        VpcEndpointIpAddressType.Ipv4 => "ipv4",
        VpcEndpointIpAddressType.Ipv6 => "ipv6",
        _ => "dualstack",
    };

    public static string DnsRecordIpTypeName(VpcEndpointDnsRecordIpType type) => type switch
    {
        VpcEndpointDnsRecordIpType.Ipv4 => "ipv4",
        VpcEndpointDnsRecordIpType.Ipv6 => "ipv6",
        VpcEndpointDnsRecordIpType.Dualstack => "dualstack",
        _ => "service-defined",
    };
}
