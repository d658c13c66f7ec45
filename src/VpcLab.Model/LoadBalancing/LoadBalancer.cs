using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>A Network Load Balancer: one node per enabled Availability Zone (<see cref="Nodes"/>), each a
/// requester-managed interface in the subnet chosen for that zone, optional security groups (on every node's
/// interface), and the cross-zone attribute (off by default for NLBs: a node forwards only to targets in its own
/// zone). docs/semantics.md#network-load-balancers.</summary>
public sealed record LoadBalancer(
    LoadBalancerArn Arn, string Name, AccountId OwnerId, string Region, VpcId VpcId, LoadBalancerScheme Scheme,
    LoadBalancerIpAddressType IpAddressType, ImmutableArray<LoadBalancerNode> Nodes, ImmutableArray<SecurityGroupId> SecurityGroups,
    string DnsName, DateTimeOffset CreatedTime, ImmutableSortedDictionary<string, string> Attributes)
{
    public const string CrossZoneAttribute = "load_balancing.cross_zone.enabled";
    public const string DeletionProtectionAttribute = "deletion_protection.enabled";

    /// <summary>The attribute <c>load_balancing.cross_zone.enabled</c> (false by default for Network Load
    /// Balancers).</summary>
    public bool CrossZoneEnabled => Attributes.GetValueOrDefault(CrossZoneAttribute) == "true";

    /// <summary>The attribute <c>deletion_protection.enabled</c>: DeleteLoadBalancer refuses while it is on.</summary>
    public bool DeletionProtection => Attributes.GetValueOrDefault(DeletionProtectionAttribute) == "true";

    /// <summary>The 16 hexadecimal digits that end the ARN and name the load balancer in its interfaces'
    /// descriptions.</summary>
    public string ShortId => Arn.Value[(Arn.Value.LastIndexOf('/') + 1)..];

    /// <summary>The description AWS gives each node's interface: <c>ELB net/NAME/ID</c>.</summary>
    public string InterfaceDescription => $"ELB net/{Name}/{ShortId}";

    public LoadBalancerNode? NodeIn(string availabilityZone)
    {
        foreach (var node in Nodes)
        {
            if (node.AvailabilityZone == availabilityZone)
                return node;
        }
        return null;
    }
}
