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
