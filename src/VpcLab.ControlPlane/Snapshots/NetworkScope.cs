using System.Collections.Immutable;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Snapshots;

/// <summary>The part of a world one caller's describe calls list: the resources its account owns in one Region, the
/// peering connections with one side there, and AWS's managed prefix lists of the Region. Tags, accounts and Regions
/// stay whole, so names of resources on the far side of a peering still show. What <c>vpclab show --endpoint-url</c>
/// prints (docs/semantics.md#endpoint-url).</summary>
public static class NetworkScope
{
    public static Network Of(Network network, AccountId account, string region)
    {
        ArgumentNullException.ThrowIfNull(network);
        bool Mine(AccountId owner, string where) => owner == account && where == region;
        return network with
        {
            Vpcs = Keep(network.Vpcs, v => Mine(v.OwnerId, v.Region)),
            Subnets = Keep(network.Subnets, s => Mine(s.OwnerId, s.Region)),
            RouteTables = Keep(network.RouteTables, t => Mine(t.OwnerId, t.Region)),
            InternetGateways = Keep(network.InternetGateways, g => Mine(g.OwnerId, g.Region)),
            EgressOnlyInternetGateways = Keep(network.EgressOnlyInternetGateways, g => Mine(g.OwnerId, g.Region)),
            NatGateways = Keep(network.NatGateways, g => Mine(g.OwnerId, g.Region)),
            ElasticIps = Keep(network.ElasticIps, e => Mine(e.OwnerId, e.Region)),
            SecurityGroups = Keep(network.SecurityGroups, g => Mine(g.OwnerId, g.Region)),
            NetworkAcls = Keep(network.NetworkAcls, a => Mine(a.OwnerId, a.Region)),
            NetworkInterfaces = Keep(network.NetworkInterfaces, n => Mine(n.OwnerId, n.Region)),
            Instances = Keep(network.Instances, i => Mine(i.OwnerId, i.Region)),
            PrefixLists = Keep(network.PrefixLists, p => p.Region == region && (p.IsAwsManaged || p.OwnerId == account.Value)),
            VpcPeeringConnections = Keep(network.VpcPeeringConnections,
                p => Mine(p.Requester.OwnerId, p.Requester.Region) || Mine(p.Accepter.OwnerId, p.Accepter.Region)),
            VpcEndpoints = Keep(network.VpcEndpoints, e => Mine(e.OwnerId, e.Region)),
            VpcEndpointServiceConfigurations = Keep(network.VpcEndpointServiceConfigurations, s => Mine(s.OwnerId, s.Region)),
            Buckets = Keep(network.Buckets, b => Mine(b.OwnerId, b.Region)),
            FlowLogs = Keep(network.FlowLogs, f => Mine(f.OwnerId, f.Region)),
        };
    }

    private static ImmutableDictionary<TKey, TValue> Keep<TKey, TValue>(ImmutableDictionary<TKey, TValue> items, Func<TValue, bool> keep)
        where TKey : notnull =>
        items.RemoveRange(items.Where(i => !keep(i.Value)).Select(i => i.Key));
}
