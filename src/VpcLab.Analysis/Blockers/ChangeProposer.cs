using System.Globalization;
using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.Blockers;

/// <summary>The smallest change that lets a packet past the component that dropped it (docs/semantics.md#blocked-paths):
/// a security group rule or NACL entry for exactly this packet (its protocol, destination port or ICMP type and code,
/// and the other end's single address), a route to the peered VPC's CIDR or to the one internet address, or the
/// acceptance of a pending peering connection. Null when VpcLab knows no such change (a missing public IPv4, a
/// blackhole to a deleted gateway…).</summary>
internal static class ChangeProposer
{
    public static ProposedChange? Propose(Network world, Hop hop, Explanation explanation, DropReason reason, int serial) => reason switch
    {
        DropReason.SubnetAclRestriction => NetworkAclEntry(world, hop),
        DropReason.EniSgRulesMismatch or DropReason.SgHasNoRules => SecurityGroupRule(world, hop, explanation, serial),
        DropReason.NoRouteToDestination => Route(world, hop),
        DropReason.BadStateRoute => AcceptPeering(world, hop),
        _ => null,
    };

    private static ProposedChange? NetworkAclEntry(Network world, Hop hop)
    {
        if (hop.AclRule is not { } decided || !world.NetworkAcls.TryGetValue(new NetworkAclId(hop.Component.Id), out var acl))
            return null;
        bool egress = decided.Egress;
        var used = acl.Entries.Where(e => e.Egress == egress).Select(e => e.RuleNumber).ToHashSet();
        // Before the rule that denied: just below an explicit deny, or after every numbered rule when none matched.
        int number = decided.IsDefaultDeny
            ? Math.Min((used.Count == 0 ? 0 : used.Max()) + 1, NetworkAcl.MaxRuleNumber)
            : Enumerable.Range(NetworkAcl.MinRuleNumber, decided.RuleNumber - 1).Reverse().FirstOrDefault(n => !used.Contains(n));
        if (number < NetworkAcl.MinRuleNumber || used.Contains(number))
            return null;
        var header = hop.OutboundHeader;
        var flow = header.ToFlowKey();
        var cidr = Cidr.Host(egress ? header.Destination : header.Source);
        var entry = new NetworkAclEntry(number, egress, header.Protocol, RuleAction.Allow, cidr,
            header.Protocol.Number is 6 or 17 ? PortRange.Single(header.DestinationPort) : null,
            header.Protocol.IsIcmp ? new IcmpTypeCode(flow.IcmpType, flow.IcmpCode) : null);
        var ports = Ports(header);
        return new ProposedChange(ChangeKind.AddNetworkAclEntry, acl.Id.Value,
            $"{acl.Id}: {(egress ? "outbound" : "inbound")} rule {number} allow {header.Protocol.Name} {ports} {(egress ? "to" : "from")} {cidr}",
            $"CreateNetworkAclEntry NetworkAclId={acl.Id} RuleNumber={number} Egress={egress.ToString().ToLowerInvariant()} Protocol={header.Protocol.Number} RuleAction=allow {(cidr.IsV4 ? "CidrBlock" : "Ipv6CidrBlock")}={cidr}{PortArgument(header, flow)}")
        {
            Apply = n => n with { NetworkAcls = n.NetworkAcls.SetItem(acl.Id, acl with { Entries = acl.Entries.Add(entry) }) },
        };
    }

    private static ProposedChange? SecurityGroupRule(Network world, Hop hop, Explanation explanation, int serial)
    {
        if (explanation.SecurityGroups.FirstOrDefault() is not { } first || !world.SecurityGroups.TryGetValue(new SecurityGroupId(first.Id), out var group))
            return null;
        bool egress = hop.Direction == TrafficDirection.Egress;
        var header = hop.OutboundHeader;
        var flow = header.ToFlowKey();
        var peer = Cidr.Host(egress ? header.Destination : header.Source);
        (int from, int to) = header.Protocol.Number is 6 or 17 ? (header.DestinationPort, header.DestinationPort)
            : header.Protocol.IsIcmp ? (flow.IcmpType, flow.IcmpCode) : (-1, -1);
        var rule = new Model.SecurityGroupRule(new SecurityGroupRuleId(string.Create(CultureInfo.InvariantCulture, $"sgr-proposed{serial:D4}")),
            egress, header.Protocol, from, to, new CidrPeer(peer), "proposed by vpclab trace");
        return new ProposedChange(ChangeKind.AddSecurityGroupRule, group.Id.Value,
            $"{group.Id}: allow {(egress ? "outbound" : "inbound")} {header.Protocol.Name} {Ports(header)} {(egress ? "to" : "from")} {peer}",
            $"{(egress ? "AuthorizeSecurityGroupEgress" : "AuthorizeSecurityGroupIngress")} GroupId={group.Id} IpProtocol={header.Protocol.Name} FromPort={from} ToPort={to} {(peer.IsV4 ? "CidrIp" : "CidrIpv6")}={peer}")
        {
            Apply = n => n with { SecurityGroups = n.SecurityGroups.SetItem(group.Id, group with { Rules = group.Rules.Add(rule) }) },
        };
    }

    /// <summary>A route where none matched: to a peering connection with the VPC that holds the destination (its CIDR, as
    /// peering routes are written), else, for an address outside every VPC, to the VPC's internet gateway (IPv4 or
    /// IPv6) or egress-only gateway (IPv6), for that one address.</summary>
    private static ProposedChange? Route(Network world, Hop hop)
    {
        if (!world.RouteTables.TryGetValue(new RouteTableId(hop.Component.Id), out var table))
            return null;
        var destination = hop.OutboundHeader.Destination;
        var target = PeeringTo(world, table.VpcId, destination) ?? InternetTarget(world, table.VpcId, destination);
        if (target is not { } t)
            return null;
        var route = new Model.Route(RouteDestination.To(t.Destination), t.Target, RouteOrigin.CreateRoute);
        var member = t.Target.Kind switch
        {
            RouteTargetKind.VpcPeeringConnection => "VpcPeeringConnectionId",
            RouteTargetKind.EgressOnlyInternetGateway => "EgressOnlyInternetGatewayId",
            _ => "GatewayId",
        };
        return new ProposedChange(ChangeKind.AddRoute, table.Id.Value, $"{table.Id}: route {t.Destination} -> {t.Target.Id}",
            $"CreateRoute RouteTableId={table.Id} {(t.Destination.IsV4 ? "DestinationCidrBlock" : "DestinationIpv6CidrBlock")}={t.Destination} {member}={t.Target.Id}")
        {
            Apply = n => n with { RouteTables = n.RouteTables.SetItem(table.Id, table with { Routes = table.Routes.Add(route) }) },
        };
    }

    private static (Cidr Destination, RouteTarget Target)? PeeringTo(Network world, VpcId vpc, IpAddress destination)
    {
        foreach (var pcx in world.VpcPeeringConnections.Values.OrderBy(p => p.Id.Value, StringComparer.Ordinal))
        {
            if (pcx.State is not (VpcPeeringConnectionState.Active or VpcPeeringConnectionState.PendingAcceptance or VpcPeeringConnectionState.Provisioning)
                || pcx.PeerOf(vpc) is not { } peer || !world.Vpcs.TryGetValue(peer.VpcId, out var peerVpc))
                continue;
            if (peerVpc.AssociatedCidrs.FirstOrDefault(c => c.Contains(destination)) is { } block && block.PrefixLength > 0)
                return (block, new RouteTarget(RouteTargetKind.VpcPeeringConnection, pcx.Id.Value));
        }
        return null;
    }

    private static (Cidr Destination, RouteTarget Target)? InternetTarget(Network world, VpcId vpc, IpAddress destination)
    {
        if (world.Vpcs.Values.Any(v => v.AssociatedCidrs.Any(c => c.Contains(destination))))
            return null;
        var host = Cidr.Host(destination);
        if (world.InternetGateways.Values.Where(g => g.AttachedVpcId == vpc).OrderBy(g => g.Id.Value, StringComparer.Ordinal).FirstOrDefault() is { } igw)
            return (host, new RouteTarget(RouteTargetKind.InternetGateway, igw.Id.Value));
        if (!host.IsV4 && world.EgressOnlyInternetGateways.Values.Where(g => g.VpcId == vpc).OrderBy(g => g.Id.Value, StringComparer.Ordinal).FirstOrDefault() is { } eigw)
            return (host, new RouteTarget(RouteTargetKind.EgressOnlyInternetGateway, eigw.Id.Value));
        return null;
    }

    /// <summary>A route to a peering connection that is not active yet: its accepter accepts it.</summary>
    private static ProposedChange? AcceptPeering(Network world, Hop hop)
    {
        if (hop.Route is not { TargetKind: RouteTargetKind.VpcPeeringConnection } route
            || !world.VpcPeeringConnections.TryGetValue(new VpcPeeringConnectionId(route.TargetId), out var pcx)
            || pcx.State is not (VpcPeeringConnectionState.PendingAcceptance or VpcPeeringConnectionState.Provisioning))
            return null;
        return new ProposedChange(ChangeKind.AcceptVpcPeeringConnection, pcx.Id.Value,
            $"{pcx.Id}: accepted by {pcx.Accepter.OwnerId} ({pcx.Accepter.VpcId})", $"AcceptVpcPeeringConnection VpcPeeringConnectionId={pcx.Id}")
        {
            Apply = n => n with
            {
                VpcPeeringConnections = n.VpcPeeringConnections.SetItem(pcx.Id, pcx with
                {
                    State = VpcPeeringConnectionState.Active, StatusMessage = "Active", ExpirationTime = null,
                    Accepter = pcx.Accepter.CidrBlocks.IsDefaultOrEmpty ? CidrsOf(n, pcx.Accepter) : pcx.Accepter,
                    Requester = pcx.Requester.CidrBlocks.IsDefaultOrEmpty ? CidrsOf(n, pcx.Requester) : pcx.Requester,
                }),
            },
        };
    }

    /// <summary>AWS records each end's CIDRs when the connection becomes active.</summary>
    private static VpcPeeringConnectionVpcInfo CidrsOf(Network n, VpcPeeringConnectionVpcInfo end) =>
        n.Vpcs.TryGetValue(end.VpcId, out var vpc)
            ? end with { CidrBlocks = [.. vpc.CidrBlocks.Where(b => b.State == CidrBlockState.Associated).Select(b => b.Cidr)],
                Ipv6CidrBlocks = [.. vpc.Ipv6CidrBlocks.Where(b => b.State == CidrBlockState.Associated).Select(b => b.Cidr)] }
            : end;

    private static string Ports(PacketHeader header)
    {
        var flow = header.ToFlowKey();
        return header.Protocol.Number is 6 or 17 ? $"port {header.DestinationPort}"
            : header.Protocol.IsIcmp ? $"type {flow.IcmpType} code {flow.IcmpCode}" : "";
    }

    private static string PortArgument(PacketHeader header, FlowKey flow) =>
        header.Protocol.Number is 6 or 17 ? $" PortRange.From={header.DestinationPort} PortRange.To={header.DestinationPort}"
        : header.Protocol.IsIcmp ? $" IcmpTypeCode.Type={flow.IcmpType} IcmpTypeCode.Code={flow.IcmpCode}" : "";
}
