using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>A stateful, allow-only packet filter attached to network interfaces. A flow passes when any rule of
/// any attached group allows it in that direction; replies of an allowed flow always pass.</summary>
public sealed record SecurityGroup(
    SecurityGroupId Id, AccountId OwnerId, string Region, VpcId VpcId, string GroupName, string Description,
    ImmutableArray<SecurityGroupRule> Rules)
{
    /// <summary>The group every VPC is created with; it cannot be deleted and its name is reserved.</summary>
    public const string DefaultGroupName = "default";

    public bool IsDefault => GroupName == DefaultGroupName;
    public IEnumerable<SecurityGroupRule> Ingress => Rules.Where(r => !r.IsEgress);
    public IEnumerable<SecurityGroupRule> Egress => Rules.Where(r => r.IsEgress);
}
