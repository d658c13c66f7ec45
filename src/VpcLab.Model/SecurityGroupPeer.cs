using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>A referenced group: matches packets whose address is a private IP of an interface carrying it.</summary>
public sealed record SecurityGroupPeer(SecurityGroupId GroupId, AccountId? UserId, VpcPeeringConnectionId? VpcPeeringConnectionId) : RulePeer
{
    public override string ToString() => GroupId.Value;
}
