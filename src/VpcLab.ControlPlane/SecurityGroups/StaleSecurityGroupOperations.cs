using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The StaleSecurityGroups operations.</summary>
public sealed class StaleSecurityGroupOperations
{
    private readonly ControlPlaneState _state;

    internal StaleSecurityGroupOperations(ControlPlaneState state)
    {
        _state = state;
    }

    /// <summary>DescribeStaleSecurityGroups: the groups of a VPC whose rules reference a group of another VPC
    /// that is no longer reachable by an active peering (the peering was deleted, rejected, expired...), or a group
    /// that no longer exists. Such rules are kept and match nothing (spec (f) "stale"; docs/semantics.md#vpc-peering).</summary>
    public DescribeStaleSecurityGroupsResult DescribeStaleSecurityGroups(RequestContext ctx, DescribeStaleSecurityGroupsRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var vpc = tx.Require(ResourceKinds.Vpc, string.IsNullOrEmpty(request.VpcId) ? throw Ec2Errors.MissingParameter("VpcId") : request.VpcId);
            var stale = new List<StaleSecurityGroup>();
            foreach (var group in tx.Where(IndexedKinds.SecurityGroup, "vpc-id", vpc.Id.Value))
            {
                var ingress = StaleRules(tx, vpc, group.Rules.Where(r => !r.IsEgress));
                var egress = StaleRules(tx, vpc, group.Rules.Where(r => r.IsEgress));
                if (ingress.Count + egress.Count > 0)
                    stale.Add(new StaleSecurityGroup(group.Id, group.GroupName, group.Description, group.VpcId, ingress, egress));
            }
            return new DescribeStaleSecurityGroupsResult(stale);
        });

    private static List<StaleIpPermission> StaleRules(Transaction tx, Vpc vpc, IEnumerable<SecurityGroupRule> rules)
    {
        var result = new List<StaleIpPermission>();
        foreach (var rule in rules)
        {
            if (rule.Peer is not SecurityGroupPeer peer || StalePair(tx, vpc, peer) is not { } pair)
                continue;
            bool ports = rule.Protocol.HasPorts || rule.Protocol.Number is 1 or 58;
            result.Add(new StaleIpPermission(rule.Protocol.IsAll ? "-1" : rule.Protocol.Name,
                ports ? rule.FromPort : null, ports ? rule.ToPort : null, [pair]));
        }
        return result;
    }

    /// <summary>The reference as a stale pair, or null when it still works (same VPC, or an active peering).</summary>
    private static StaleGroupPair? StalePair(Transaction tx, Vpc vpc, SecurityGroupPeer peer)
    {
        if (!tx.N.SecurityGroups.TryGetValue(peer.GroupId, out var referenced))
        {
            return new StaleGroupPair(peer.GroupId.Value, null, peer.UserId?.Value, null,
                peer.VpcPeeringConnectionId?.Value, null);
        }
        if (referenced.VpcId == vpc.Id)
            return null;
        var between = VpcPeeringOperations.Of(tx, vpc.Id)
            .Select(p => VpcPeeringLifecycle.Effective(p, tx.Now))
            .Where(p => p.PeerOf(vpc.Id)?.VpcId == referenced.VpcId)
            .ToList();
        if (between.Any(p => p.IsActive))
            return null;
        // The connection the reference went through: the one the rule names, else the latest between the VPCs.
        var pcx = between.FirstOrDefault(p => p.Id == peer.VpcPeeringConnectionId)
            ?? between.OrderByDescending(p => p.Id.Value, StringComparer.Ordinal).FirstOrDefault();
        return new StaleGroupPair(referenced.Id.Value, referenced.GroupName, referenced.OwnerId.Value, referenced.VpcId.Value,
            pcx?.Id.Value ?? peer.VpcPeeringConnectionId?.Value, pcx is null ? null : VpcPeeringLifecycle.StateName(pcx.State));
    }
}
