using System.Collections.Frozen;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Dns;

/// <summary>The public names of the catalogued AWS services (<see cref="AwsServiceCatalog.DefaultServices"/>) in every
/// Region of <see cref="AwsIpRanges.Default"/>. Choice (docs/semantics.md#interface-endpoints): a name's public address is the tenth
/// address of the first range its service has in that Region (sns.us-east-1 → 52.46.0.10), stable and inside the
/// ranges flow logs name the service by; AWS rotates many addresses, the lab answers one.</summary>
public static class AwsServicePublicNames
{
    /// <summary>Offset of the answered address inside the service's first range.</summary>
    public const int AddressOffset = 10;

    public static readonly FrozenDictionary<string, AwsServicePublicName> Default = Build(AwsIpRanges.Default);

    public static FrozenDictionary<string, AwsServicePublicName> Build(AwsIpRanges ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var names = new Dictionary<string, AwsServicePublicName>(StringComparer.Ordinal);
        foreach (var region in ranges.Ranges.Select(r => r.Region).Distinct(StringComparer.Ordinal))
        {
            foreach (var service in AwsServiceCatalog.DefaultServices)
            {
                var v4 = ranges.PrefixesOf(region, service.IpRangesCode, IpFamily.V4);
                if (v4.IsEmpty)
                    continue;
                var serviceName = $"com.amazonaws.{region}.{service.ShortName}";
                var name = $"{service.ShortName}.{region}.amazonaws.com";
                var publicName = new AwsServicePublicName(name, serviceName, region, v4[0].AddressAt(AddressOffset), service.PrivateDnsSupported);
                names.TryAdd(name, publicName);
                // A service with IPv6 ranges (S3) also has a dual-stack name answering A and AAAA, the AAAA from its
                // IPv6 ranges (https://docs.aws.amazon.com/AmazonS3/latest/userguide/dual-stack-endpoints.html;
                // docs/semantics.md#gateway-endpoint-ipv6); its regular name stays A only.
                var v6 = ranges.PrefixesOf(region, service.IpRangesCode, IpFamily.V6);
                if (!v6.IsEmpty)
                {
                    var dualStack = DualStackName(service.ShortName, region);
                    names.TryAdd(dualStack, publicName with { Name = dualStack, PublicIpv6Address = v6[0].AddressAt(AddressOffset) });
                }
            }
        }
        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>A service's dual-stack public name: s3.dualstack.us-east-1.amazonaws.com.</summary>
    public static string DualStackName(string shortName, string region) => $"{shortName}.dualstack.{region}.amazonaws.com";

    /// <summary>The public name of a service name (com.amazonaws.us-east-1.sns → sns.us-east-1.amazonaws.com), or null.</summary>
    public static AwsServicePublicName? ForServiceName(string serviceName) =>
        ByServiceName.GetValueOrDefault(serviceName);

    private static readonly FrozenDictionary<string, AwsServicePublicName> ByServiceName =
        Default.Values.Where(n => n.PublicIpv6Address is null).ToFrozenDictionary(n => n.ServiceName, StringComparer.Ordinal);
}
