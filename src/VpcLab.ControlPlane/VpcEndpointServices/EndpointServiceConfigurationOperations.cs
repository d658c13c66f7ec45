using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>Endpoint services, the provider side of AWS PrivateLink: a service over the caller's Network Load
/// Balancers (Gateway Load Balancers are not modelled and refused), its acceptance setting, private DNS name,
/// supported Regions and IP address types (docs/semantics.md#endpoint-services).</summary>
public sealed class EndpointServiceConfigurationOperations
{
    private readonly ControlPlaneState _state;

    internal EndpointServiceConfigurationOperations(ControlPlaneState state)
    {
        _state = state;
    }

    /// <summary>AcceptanceRequired defaults to true (AWS's API reference); the private DNS name starts
    /// pendingVerification.</summary>
    public CreateVpcEndpointServiceConfigurationResult CreateVpcEndpointServiceConfiguration(RequestContext ctx, CreateVpcEndpointServiceConfigurationRequest request) =>
        _state.MutateIdempotent(ctx, request.DryRun, request.ClientToken, nameof(CreateVpcEndpointServiceConfiguration), request, tx =>
        {
            bool network = request.NetworkLoadBalancerArns is { Count: > 0 };
            bool gateway = request.GatewayLoadBalancerArns is { Count: > 0 };
            if (network == gateway)
                throw VpcEndpointServiceErrors.ExactlyOneLoadBalancerKind();
            if (gateway)
                throw VpcEndpointServiceErrors.GatewayLoadBalancerNotModelled();
            var id = new VpcEndpointServiceId(tx.NewId(IdPrefixes.VpcEndpointService));
            var balancers = EndpointServiceParts.LoadBalancers(tx, request.NetworkLoadBalancerArns!, null).ToList();
            var ipTypes = EndpointServiceSupport.IpAddressTypes(tx, [],
                request.SupportedIpAddressTypes is { Count: > 0 } given ? given : [VpcEndpointServiceConfiguration.Ipv4], null, balancers);
            var remote = EndpointServiceSupport.RemoteRegions(tx, tx.RegionName, [], request.SupportedRegions, null);
            var dns = request.PrivateDnsName is { } name ? EndpointServiceParts.CheckPrivateDnsName(name) : null;
            var tags = tx.TagsFor(request.TagSpecifications, EndpointServiceParts.ResourceType, [EndpointServiceParts.ResourceType]);
            var (txtName, txtValue) = EndpointServiceParts.NewVerificationRecord(tx);
            var service = new VpcEndpointServiceConfiguration(id, tx.Account, tx.RegionName, request.AcceptanceRequired ?? true,
                [.. balancers], [], dns, PrivateDnsVerificationState.PendingVerification, txtName, txtValue, tx.Now)
            {
                SupportedIpAddressTypes = ipTypes,
                RemoteRegions = remote,
            };
            EndpointServiceParts.Put(tx, service);
            if (tags.Count > 0)
                tx.SetTags(id.Value, tags);
            return new CreateVpcEndpointServiceConfigurationResult(EndpointServiceParts.View(tx, service), request.ClientToken);
        });

    public DescribeVpcEndpointServiceConfigurationsResult DescribeVpcEndpointServiceConfigurations(RequestContext ctx, DescribeVpcEndpointServiceConfigurationsRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var named = request.ServiceIds is { Count: > 0 } ids
                ? ids.Distinct(StringComparer.Ordinal).Select(id => EndpointServiceParts.Find(tx, id)).ToList()
                : null;
            // service-id and service-name come from the index's row (IndexedKinds.EndpointService).
            var schema = new FilterSchema<VpcEndpointServiceConfiguration>(IndexedKinds.EndpointService)
                .Add("service-state", _ => "Available")
                .AddMany("supported-ip-address-types", s => s.SupportedIpAddressTypes);
            return new DescribeVpcEndpointServiceConfigurationsResult([.. schema.Select(tx, request.Filters, named)
                .Select(s => EndpointServiceParts.View(tx, s))]);
        });

    public ModifyVpcEndpointServiceConfigurationResult ModifyVpcEndpointServiceConfiguration(RequestContext ctx, ModifyVpcEndpointServiceConfigurationRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var service = EndpointServiceParts.Find(tx, request.ServiceId);
            if (request.AddGatewayLoadBalancerArns is { Count: > 0 } || request.RemoveGatewayLoadBalancerArns is { Count: > 0 })
                throw VpcEndpointServiceErrors.GatewayLoadBalancerNotModelled();
            if (request.RemovePrivateDnsName == true && request.PrivateDnsName is not null)
                throw Ec2Errors.InvalidParameterCombination("The parameters PrivateDnsName and RemovePrivateDnsName cannot be used together.");
            var arns = service.NetworkLoadBalancerArns.ToList();
            foreach (var text in request.RemoveNetworkLoadBalancerArns ?? [])
            {
                if (!arns.Remove(new LoadBalancerArn(text)))
                    throw VpcEndpointServiceErrors.LoadBalancerNotFound(text);
            }
            foreach (var arn in EndpointServiceParts.LoadBalancers(tx, request.AddNetworkLoadBalancerArns ?? [], service.Id))
            {
                if (!arns.Contains(arn))
                    arns.Add(arn);
            }
            if (arns.Count == 0)
                throw VpcEndpointServiceErrors.NoLoadBalancerLeft(service.Id.Value);
            service = service with
            {
                NetworkLoadBalancerArns = [.. arns],
                AcceptanceRequired = request.AcceptanceRequired ?? service.AcceptanceRequired,
                // The load balancers as they now are must fit the IP address types (an ipv4 one may not join an IPv6 service).
                SupportedIpAddressTypes = EndpointServiceSupport.IpAddressTypes(tx, service.SupportedIpAddressTypes,
                    request.AddSupportedIpAddressTypes, request.RemoveSupportedIpAddressTypes, arns),
                // AWS: removing a Region stops new endpoints from it; existing ones keep their access.
                RemoteRegions = EndpointServiceSupport.RemoteRegions(tx, service.Region, service.RemoteRegions,
                    request.AddSupportedRegions, request.RemoveSupportedRegions),
            };
            if (request.RemovePrivateDnsName == true)
                service = service with { PrivateDnsName = null, PrivateDnsState = PrivateDnsVerificationState.PendingVerification };
            else if (request.PrivateDnsName is { } name && EndpointServiceParts.CheckPrivateDnsName(name) != service.PrivateDnsName)
                service = service with { PrivateDnsName = EndpointServiceParts.CheckPrivateDnsName(name), PrivateDnsState = PrivateDnsVerificationState.PendingVerification };
            EndpointServiceParts.Put(tx, service);
            return new ModifyVpcEndpointServiceConfigurationResult(service);
        });

    /// <summary>AWS's partial success: an unknown service, or one with endpoints still pending or available, is
    /// refused alone; rejected endpoints do not hold a service back.</summary>
    public DeleteVpcEndpointServiceConfigurationsResult DeleteVpcEndpointServiceConfigurations(RequestContext ctx, DeleteVpcEndpointServiceConfigurationsRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var ids = request.ServiceIds is { Count: > 0 } given ? given : throw Ec2Errors.MissingParameter("ServiceId");
            var unsuccessful = new List<UnsuccessfulItem>();
            foreach (var id in ids.Distinct(StringComparer.Ordinal))
            {
                try
                {
                    VpcEndpointServiceConfiguration service;
                    try
                    {
                        service = EndpointServiceParts.Find(tx, id);
                    }
                    catch (Ec2Exception)
                    {
                        throw VpcEndpointServiceErrors.ServiceNotFoundForDelete(id);
                    }
                    if (EndpointServiceParts.Connections(tx.World, service).Any(e => e.State is VpcEndpointState.Available or VpcEndpointState.PendingAcceptance or VpcEndpointState.Pending))
                        throw VpcEndpointServiceErrors.ExistingConnections(id);
                    tx.Remove(service.Id);
                    tx.RemoveTags(id);
                }
                catch (Ec2Exception error)
                {
                    unsuccessful.Add(UnsuccessfulItem.From(id, error));
                }
            }
            return new DeleteVpcEndpointServiceConfigurationsResult(unsuccessful);
        });

    /// <summary>Choice (docs/semantics.md#endpoint-services): the lab has no public DNS to look the TXT record up in,
    /// so verification succeeds at once, as if the provider had published the record.</summary>
    public StartVpcEndpointServicePrivateDnsVerificationResult StartVpcEndpointServicePrivateDnsVerification(RequestContext ctx, StartVpcEndpointServicePrivateDnsVerificationRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var service = EndpointServiceParts.Find(tx, request.ServiceId);
            if (service.PrivateDnsName is null)
                throw Ec2Errors.InvalidParameter($"The endpoint service {service.Id} has no private DNS name to verify.");
            service = service with { PrivateDnsState = PrivateDnsVerificationState.Verified };
            EndpointServiceParts.Put(tx, service);
            return new StartVpcEndpointServicePrivateDnsVerificationResult(service);
        });
}
