using System.Collections.Immutable;
using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>Per Region, the AWS services a VPC endpoint can reach. Public address ranges come from one
/// <see cref="AwsIpRanges"/> table, so the same data answers "which service owns this address" and "which addresses
/// does this service answer on". Regions are given by the caller (the control plane's Region catalog) because the
/// Model does not know them.</summary>
public sealed class AwsServiceCatalog
{
    private static readonly ImmutableArray<AwsServiceEndpointType> GatewayAndInterface =
        [AwsServiceEndpointType.Gateway, AwsServiceEndpointType.Interface];
    private static readonly ImmutableArray<AwsServiceEndpointType> InterfaceOnly = [AwsServiceEndpointType.Interface];

    /// <summary>The services VpcLab offers. S3 and DynamoDB take both Gateway and Interface endpoints; private DNS
    /// is not offered for their interface endpoints (their gateway endpoints own the public names).</summary>
    public static readonly ImmutableArray<AwsServiceDefinition> DefaultServices =
    [
        new("s3", GatewayAndInterface, "S3", PrivateDnsSupported: false),
        new("dynamodb", GatewayAndInterface, "DYNAMODB", PrivateDnsSupported: false),
        new("ec2", InterfaceOnly, "EC2", PrivateDnsSupported: true),
        new("sns", InterfaceOnly, "SNS", PrivateDnsSupported: true),
        new("sqs", InterfaceOnly, "SQS", PrivateDnsSupported: true),
        new("sts", InterfaceOnly, "STS", PrivateDnsSupported: true),
        new("kms", InterfaceOnly, "KMS", PrivateDnsSupported: true),
        new("ssm", InterfaceOnly, "SSM", PrivateDnsSupported: true),
        new("secretsmanager", InterfaceOnly, "SECRETSMANAGER", PrivateDnsSupported: true),
        new("logs", InterfaceOnly, "LOGS", PrivateDnsSupported: true),
    ];

    private readonly ImmutableDictionary<string, ImmutableArray<AwsRegionalService>> _byName;
    private readonly ImmutableDictionary<string, string> _codes;

    public AwsServiceCatalog(
        IEnumerable<(string Region, ImmutableArray<AvailabilityZone> Zones)> regions,
        AwsIpRanges ranges,
        IEnumerable<AwsServiceDefinition>? services = null)
    {
        Ranges = ranges;
        var definitions = (services ?? DefaultServices).ToImmutableArray();
        _codes = definitions.ToImmutableDictionary(d => d.ShortName, d => d.IpRangesCode, StringComparer.Ordinal);
        var all = ImmutableArray.CreateBuilder<AwsRegionalService>();
        foreach (var (region, zones) in regions)
        {
            foreach (var def in definitions)
            {
                var cidrs = ranges.Ranges.Where(r => r.Region == region && r.Service == def.IpRangesCode)
                    .Select(r => r.Prefix).ToImmutableArray();
                var publicDns = $"{def.ShortName}.{region}.amazonaws.com";
                foreach (var type in def.EndpointTypes)
                {
                    // Only interface endpoints get a private hosted zone for the public name.
                    var privateDns = type == AwsServiceEndpointType.Interface && def.PrivateDnsSupported ? publicDns : null;
                    all.Add(new AwsRegionalService($"com.amazonaws.{region}.{def.ShortName}", def.ShortName, region, type,
                        publicDns, $"{def.ShortName}.{region}.vpce.amazonaws.com", privateDns, zones, cidrs)
                    {
                        // A gateway endpoint carries IPv6 where the service has IPv6 ranges in the Region (its IPv6
                        // prefix list, docs/semantics.md#gateway-endpoint-ipv6): S3, not DynamoDB.
                        Ipv6Supported = type == AwsServiceEndpointType.Interface ? def.Ipv6Supported : cidrs.Any(c => !c.IsV4),
                    });
                }
            }
        }
        Services = [.. all.OrderBy(s => s.ServiceName, StringComparer.Ordinal).ThenBy(s => s.EndpointType)];
        _byName = Services.GroupBy(s => s.ServiceName, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
    }

    public AwsIpRanges Ranges { get; }

    /// <summary>Every (service, endpoint type) in every Region, ordered by service name then type.</summary>
    public ImmutableArray<AwsRegionalService> Services { get; }

    /// <summary>The entries of one service name (one per endpoint type), empty when the name is unknown.</summary>
    public ImmutableArray<AwsRegionalService> Find(string serviceName) =>
        _byName.TryGetValue(serviceName, out var entries) ? entries : [];

    /// <summary>The services of one Region.</summary>
    public IEnumerable<AwsRegionalService> InRegion(string region) => Services.Where(s => s.Region == region);

    /// <summary>The service answering on a public address, in that address's Region, or null when no catalogued
    /// service owns it.</summary>
    public AwsRegionalService? FindByAddress(IpAddress address)
    {
        var range = Ranges.Find(address);
        if (range is null)
            return null;
        return Services.FirstOrDefault(s => s.Region == range.Region
            && _codes.TryGetValue(s.ShortName, out var code) && code == range.Service);
    }
}
