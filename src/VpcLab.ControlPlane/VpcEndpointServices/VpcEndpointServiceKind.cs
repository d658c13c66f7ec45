using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The endpoint service row of <see cref="ResourceKinds"/>: vpce-svc- ids, tag type
/// <c>vpc-endpoint-service</c>, taggable by the service's owner in its Region (CreateTags, DeleteTags, DescribeTags;
/// docs/semantics.md#endpoint-services). Choice: an ill-formed id is InvalidVpcEndpointServiceId.NotFound too (AWS
/// publishes no Malformed code for these ids).</summary>
public static class VpcEndpointServiceKind
{
    public static readonly ResourceKind<VpcEndpointServiceId, VpcEndpointServiceConfiguration> Kind = new(
        "VPC endpoint service", IdPrefixes.VpcEndpointService, "ServiceId", EndpointServiceParts.ResourceType,
        VpcEndpointServiceErrors.ServiceIdNotFound, VpcEndpointServiceErrors.ServiceIdNotFound,
        id => new VpcEndpointServiceId(id), (n, id) => n.VpcEndpointServiceConfigurations.GetValueOrDefault(id),
        (s, c) => s.OwnerId == c.Account && s.Region == c.Region);
}
