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
                var prefixes = ranges.PrefixesOf(region, service.IpRangesCode);
                if (prefixes.IsEmpty)
                    continue;
                var name = $"{service.ShortName}.{region}.amazonaws.com";
                names.TryAdd(name, new AwsServicePublicName(name, $"com.amazonaws.{region}.{service.ShortName}", region,
                    prefixes[0].AddressAt(AddressOffset), service.PrivateDnsSupported));
            }
        }
        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The public name of a service name (com.amazonaws.us-east-1.sns → sns.us-east-1.amazonaws.com), or null.</summary>
    public static AwsServicePublicName? ForServiceName(string serviceName) =>
        ByServiceName.GetValueOrDefault(serviceName);

    private static readonly FrozenDictionary<string, AwsServicePublicName> ByServiceName =
        Default.Values.ToFrozenDictionary(n => n.ServiceName, StringComparer.Ordinal);
}
