using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests;

/// <summary>The steps of <see cref="FilterIndexPropertyTests"/>' random worlds for the kinds indexed after the first
/// ten: egress-only internet gateways, managed prefix lists, VPC peering connections (across the two accounts), VPC
/// endpoints, flow logs and DHCP options sets (created, associated with VPCs, deleted), each created, changed and
/// deleted by its own operations; and the values their filters are probed with.</summary>
internal static class LaterKinds
{
    private static readonly string[] s_services = ["com.amazonaws.us-east-1.s3", "com.amazonaws.us-east-1.dynamodb"];

    public static void Step(Ec2ControlPlane cp, int op, RequestContext ctx, int a, int b, Func<AccountId, RequestContext> owner)
    {
        var n = cp.Network;
        T Pick<T>(IEnumerable<T> items, Func<T, string> id)
        {
            var list = items.OrderBy(id, StringComparer.Ordinal).ToList();
            return list.Count == 0 ? throw Ec2Errors.MissingParameter("nothing to pick") : list[a % list.Count];
        }
        var vpc = Pick(n.Vpcs.Values, v => v.Id.Value);
        var by = owner(vpc.OwnerId);
        switch (op)
        {
            case 13 when b % 3 == 0:
                cp.DeleteEgressOnlyInternetGateway(ctx, new DeleteEgressOnlyInternetGatewayRequest
                {
                    EgressOnlyInternetGatewayId = Pick(n.EgressOnlyInternetGateways.Keys, k => k.Value).Value,
                });
                break;
            case 13:
                cp.CreateEgressOnlyInternetGateway(by, new CreateEgressOnlyInternetGatewayRequest { VpcId = vpc.Id.Value });
                break;
            case 14:
                PrefixList(cp, n, ctx, a, b);
                break;
            case 15:
                Peering(cp, n, vpc, a, b, owner);
                break;
            case 16 when b % 3 == 0:
                cp.DeleteVpcEndpoints(ctx, new DeleteVpcEndpointsRequest { VpcEndpointIds = [Pick(n.VpcEndpoints.Keys, k => k.Value).Value] });
                break;
            case 16:
                var tables = n.RouteTables.Values.Where(t => t.VpcId == vpc.Id).OrderBy(t => t.Id.Value, StringComparer.Ordinal).Take(1 + b % 2);
                cp.CreateVpcEndpoint(by, new CreateVpcEndpointRequest
                {
                    VpcId = vpc.Id.Value, ServiceName = s_services[b % 2], RouteTableIds = [.. tables.Select(t => t.Id.Value)],
                });
                break;
            case 18:
                DhcpOptions(cp, n, ctx, vpc, a, b, owner);
                break;
            case 19 when b % 3 == 0:
                var reservation = Pick(n.SubnetCidrReservations.Values, r => r.Id);
                cp.SubnetCidrReservations.DeleteSubnetCidrReservation(owner(reservation.OwnerId),
                    new DeleteSubnetCidrReservationRequest { SubnetCidrReservationId = reservation.Id });
                break;
            case 19 when b % 3 == 1:
                // An Amazon-provided IPv6 /56: allocation asks the index which /56 are taken.
                cp.CreateVpc(ctx, new CreateVpcRequest { CidrBlock = $"10.{4 + a % 4}.0.0/16", AmazonProvidedIpv6CidrBlock = true });
                break;
            case 19:
                var subnet = Pick(n.Subnets.Values.Where(s => s.CidrBlock is not null), s => s.Id.Value);
                cp.SubnetCidrReservations.CreateSubnetCidrReservation(owner(subnet.OwnerId), new CreateSubnetCidrReservationRequest
                {
                    SubnetId = subnet.Id.Value, Cidr = subnet.CidrBlock!.Value.Subnet(28, (UInt128)(b % 16)).ToString(), ReservationType = "explicit",
                });
                break;
            case 17 when b % 3 == 0:
                cp.DeleteFlowLogs(ctx, new DeleteFlowLogsRequest { FlowLogIds = [Pick(n.FlowLogs.Keys, k => k.Value).Value] });
                break;
            default:
                var resource = b % 2 == 0 ? (vpc.Id.Value, "VPC") : Pick(n.Subnets.Values.Select(s => (s.Id.Value, "Subnet")), s => s.Item1);
                // The caller's own bucket (names are global): an S3 destination must exist.
                var bucket = $"lab-logs-{ctx.Account.Value}-{ctx.Region}-{a % 2}";
                cp.PutBucket(ctx, bucket, null);
                cp.CreateFlowLogs(ctx, new CreateFlowLogsRequest
                {
                    ResourceIds = [resource.Item1], ResourceType = resource.Item2, TrafficType = b % 3 == 1 ? "ALL" : "REJECT",
                    LogDestinationType = "s3", LogDestination = $"arn:aws:s3:::{bucket}/",
                });
                break;
        }
    }

    private static void PrefixList(Ec2ControlPlane cp, Network n, RequestContext ctx, int a, int b)
    {
        var own = n.PrefixLists.Values.Where(p => !p.IsAwsManaged).OrderBy(p => p.Id.Value, StringComparer.Ordinal).ToList();
        if (b % 3 == 0 && own.Count > 0)
        {
            var list = own[a % own.Count];
            cp.DeleteManagedPrefixList(RequestContext.For(list.OwnerId), new DeleteManagedPrefixListRequest { PrefixListId = list.Id.Value });
            return;
        }
        if (b % 3 == 1 && own.Count > 0)
        {
            var list = own[a % own.Count];
            cp.ModifyManagedPrefixList(RequestContext.For(list.OwnerId), new ModifyManagedPrefixListRequest
            {
                PrefixListId = list.Id.Value, CurrentVersion = list.Version, PrefixListName = "pl" + (a % 3),
            });
            return;
        }
        cp.CreateManagedPrefixList(ctx, new CreateManagedPrefixListRequest
        {
            PrefixListName = "pl" + (a % 3), AddressFamily = "IPv4", MaxEntries = 5,
            Entries = [new AddPrefixListEntry { Cidr = $"10.{a % 4}.0.0/16" }],
        });
    }

    /// <summary>A set created (with tags now and then), associated with a VPC (or the VPC given "default"), or deleted
    /// (refused while a VPC uses it).</summary>
    private static void DhcpOptions(Ec2ControlPlane cp, Network n, RequestContext ctx, Vpc vpc, int a, int b, Func<AccountId, RequestContext> owner)
    {
        var sets = n.DhcpOptions.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        if (b % 3 == 0 && sets.Count > 0)
        {
            var set = sets[a % sets.Count];
            cp.DeleteDhcpOptions(owner(set.OwnerId), new DeleteDhcpOptionsRequest { DhcpOptionsId = set.Id });
            return;
        }
        if (b % 3 == 1 && sets.Count > 0)
        {
            var id = a % 4 == 0 ? Ec2ControlPlane.DefaultDhcpOptionsId : sets[a % sets.Count].Id;
            cp.AssociateDhcpOptions(owner(vpc.OwnerId), new AssociateDhcpOptionsRequest { DhcpOptionsId = id, VpcId = vpc.Id.Value });
            return;
        }
        List<NewDhcpConfiguration> options = [new() { Key = "domain-name", Values = [$"d{a % 3}.internal"] }];
        if (b % 2 == 0)
            options.Add(new() { Key = "ntp-servers", Values = ["10.0.0.1", $"10.0.0.{2 + a % 2}"] });
        cp.CreateDhcpOptions(ctx, new CreateDhcpOptionsRequest
        {
            DhcpConfigurations = options,
            TagSpecifications = b % 5 == 2 ? [new TagSpecification { ResourceType = "dhcp-options", Tags = [new Tag("env", $"v{a % 3}")] }] : null,
        });
    }

    /// <summary>A request between two VPCs (maybe of the two accounts), or the accepter's answer, or the end of one.</summary>
    private static void Peering(Ec2ControlPlane cp, Network n, Vpc vpc, int a, int b, Func<AccountId, RequestContext> owner)
    {
        var peerings = n.VpcPeeringConnections.Values.OrderBy(p => p.Id.Value, StringComparer.Ordinal).ToList();
        if (b % 4 >= 2 && peerings.Count > 0)
        {
            var pcx = peerings[a % peerings.Count];
            var accepter = owner(pcx.Accepter.OwnerId);
            var id = pcx.Id.Value;
            if (b % 8 is 2 or 3)
                cp.AcceptVpcPeeringConnection(accepter, new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = id });
            else if (b % 8 == 6)
                cp.RejectVpcPeeringConnection(accepter, new RejectVpcPeeringConnectionRequest { VpcPeeringConnectionId = id });
            else
                cp.DeleteVpcPeeringConnection(owner(pcx.Requester.OwnerId), new DeleteVpcPeeringConnectionRequest { VpcPeeringConnectionId = id });
            return;
        }
        var vpcs = n.Vpcs.Values.OrderBy(v => v.Id.Value, StringComparer.Ordinal).ToList();
        var peer = vpcs[(a / 7 + b) % vpcs.Count];
        cp.CreateVpcPeeringConnection(owner(vpc.OwnerId), new CreateVpcPeeringConnectionRequest
        {
            VpcId = vpc.Id.Value, PeerVpcId = peer.Id.Value, PeerOwnerId = peer.OwnerId.Value,
        });
    }

    /// <summary>Ids, names, owners and states of these kinds, for the filters' values.</summary>
    public static IEnumerable<string> Values(Network n) =>
        [
            "attached", "pending-acceptance", "active", "rejected", "deleted", "failed", "Gateway", "Interface", "ipv4", "ALL", "REJECT",
            "s3", "SUCCESS", "AWS", "111111111111", "222222222222", "create-complete", "modify-complete", "IPv4", "us-east-1", .. s_services,
            .. n.EgressOnlyInternetGateways.Keys.Select(k => k.Value),
            .. n.PrefixLists.Values.SelectMany(p => new[] { p.Id.Value, p.Name }),
            .. n.VpcPeeringConnections.Keys.Select(k => k.Value),
            .. n.VpcEndpoints.Keys.Select(k => k.Value),
            .. n.FlowLogs.Values.SelectMany(f => new[] { f.Id.Value, f.ResourceId }),
            "default", "domain-name", "ntp-servers", "d0.internal", "d1.internal", "10.0.0.1", "10.0.0.3",
            .. n.DhcpOptions.Keys,
            .. n.PrefixLists.Values.Where(p => p.IsAwsManaged).Select(p => p.Name),
        ];
}
