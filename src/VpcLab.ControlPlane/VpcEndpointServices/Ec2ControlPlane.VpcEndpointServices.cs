using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

public sealed partial class Ec2ControlPlane
{
    public static readonly Ec2ErrorCode InvalidServiceNameCode = new("InvalidServiceName");

    /// <summary>The AWS services of every known Region, built once from the Region catalog and the service
    /// address ranges.</summary>
    public AwsServiceCatalog ServiceCatalog => field ??= new AwsServiceCatalog(
        _regions.Values.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => (r.Name, r.Zones)), AwsIpRanges.Default);

    /// <summary>The caller's Region's AWS services. A named service that is not in that Region is
    /// InvalidServiceName (moto's message).</summary>
    public DescribeVpcEndpointServicesResult DescribeVpcEndpointServices(RequestContext ctx, DescribeVpcEndpointServicesRequest request) =>
        Read(ctx, request.DryRun, tx =>
        {
            var all = ServiceCatalog.InRegion(tx.RegionName).ToList();
            IEnumerable<AwsRegionalService> selected = all;
            if (request.ServiceNames is { Count: > 0 } names)
            {
                foreach (var name in names)
                    if (!all.Any(s => s.ServiceName == name))
                        throw new Ec2Exception(InvalidServiceNameCode, $"The Vpc Endpoint Service '{name}' does not exist");
                var wanted = names.ToHashSet(StringComparer.Ordinal);
                selected = all.Where(s => wanted.Contains(s.ServiceName));
            }
            var schema = new FilterSchema<AwsRegionalService>(_ => null)
                .Add("service-name", s => s.ServiceName)
                .Add("service-type", s => s.EndpointType.ToString())
                .Add("service-region", s => s.Region)
                .Add("owner", s => s.Owner)
                .AddMany("supported-ip-address-types", _ => ["ipv4"]);
            var details = schema.Apply(selected, request.Filters, tx.N).ToList();
            return new DescribeVpcEndpointServicesResult(
                [.. details.Select(s => s.ServiceName).Distinct().Order(StringComparer.Ordinal)], details);
        });
}
