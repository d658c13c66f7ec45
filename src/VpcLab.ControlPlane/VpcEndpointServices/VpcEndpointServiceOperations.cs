using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The VpcEndpointServices operations.</summary>
public sealed class VpcEndpointServiceOperations
{
    private readonly ControlPlaneState _state;

    internal VpcEndpointServiceOperations(ControlPlaneState state)
    {
        _state = state;
    }

    /// <summary>The caller's Region's AWS services. A named service that is not in that Region is
    /// InvalidServiceName (moto's message).</summary>
    public DescribeVpcEndpointServicesResult DescribeVpcEndpointServices(RequestContext ctx, DescribeVpcEndpointServicesRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var all = _state.ServiceCatalog.InRegion(tx.RegionName).ToList();
            IEnumerable<AwsRegionalService> selected = all;
            if (request.ServiceNames is { Count: > 0 } names)
            {
                foreach (var name in names)
                    if (!all.Any(s => s.ServiceName == name))
                        throw VpcEndpointErrors.ServiceNameNotFound(name);
                var wanted = names.ToHashSet(StringComparer.Ordinal);
                selected = all.Where(s => wanted.Contains(s.ServiceName));
            }
            var schema = new FilterSchema<AwsRegionalService>(_ => null)
                .Add("service-name", s => s.ServiceName)
                .Add("service-type", s => s.EndpointType.ToString())
                .Add("service-region", s => s.Region)
                .Add("owner", s => s.Owner)
                .AddMany("supported-ip-address-types", s => s.SupportedIpAddressTypes);
            var details = schema.Apply(selected, request.Filters, tx.N).ToList();
            return new DescribeVpcEndpointServicesResult(
                [.. details.Select(s => s.ServiceName).Distinct().Order(StringComparer.Ordinal)], details);
        });
}
