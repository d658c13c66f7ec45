using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>One security group rule (sgr-…). <see cref="FromPort"/>/<see cref="ToPort"/> hold ports for TCP and
/// UDP, ICMP type and code for ICMP (−1 = any), and −1 where the protocol has neither.</summary>
public sealed record SecurityGroupRule(
    SecurityGroupRuleId Id, bool IsEgress, IpProtocol Protocol, int FromPort, int ToPort, RulePeer Peer,
    string? Description)
{
    /// <summary>Two rules are duplicates (InvalidPermission.Duplicate) when all but id and description agree.</summary>
    public bool SamePermission(SecurityGroupRule other) =>
        IsEgress == other.IsEgress && Protocol == other.Protocol && FromPort == other.FromPort
        && ToPort == other.ToPort && Peer == other.Peer;
}

/// <summary>The other end a rule names: exactly one of an IPv4 or IPv6 CIDR, a prefix list or a security group.</summary>
public abstract record RulePeer;

public sealed record CidrPeer(Cidr Cidr) : RulePeer
{
    public override string ToString() => Cidr.ToString();
}

public sealed record PrefixListPeer(PrefixListId PrefixListId) : RulePeer
{
    public override string ToString() => PrefixListId.Value;
}

/// <summary>A referenced group: matches packets whose address is a private IP of an interface carrying it.</summary>
public sealed record SecurityGroupPeer(SecurityGroupId GroupId, AccountId? UserId, VpcPeeringConnectionId? VpcPeeringConnectionId) : RulePeer
{
    public override string ToString() => GroupId.Value;
}
