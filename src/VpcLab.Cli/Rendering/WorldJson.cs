using VpcLab.Model;

namespace VpcLab.Cli.Rendering;

/// <summary>The shape <c>show --json</c> prints: each kind of resource as a list, with its tags.</summary>
public sealed record WorldJson(
    IReadOnlyList<Vpc> Vpcs, IReadOnlyList<Subnet> Subnets, IReadOnlyList<RouteTable> RouteTables,
    IReadOnlyList<InternetGateway> InternetGateways, IReadOnlyList<EgressOnlyInternetGateway> EgressOnlyInternetGateways,
    IReadOnlyList<NatGateway> NatGateways, IReadOnlyList<ElasticIpAddress> ElasticIps,
    IReadOnlyList<SecurityGroup> SecurityGroups, IReadOnlyList<NetworkAcl> NetworkAcls,
    IReadOnlyList<NetworkInterface> NetworkInterfaces, IReadOnlyList<Instance> Instances,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Tags)
{
    public IReadOnlyList<VpcEndpoint> VpcEndpoints { get; init; } = [];

    public IReadOnlyList<S3Bucket> Buckets { get; init; } = [];

    /// <summary>Customer-managed prefix lists (the AWS-managed ones are the same in every world).</summary>
    public IReadOnlyList<ManagedPrefixList> PrefixLists { get; init; } = [];

    public IReadOnlyList<VpcPeeringConnection> VpcPeeringConnections { get; init; } = [];

    public IReadOnlyList<FlowLog> FlowLogs { get; init; } = [];

    public static WorldJson From(Network n) => new(
        [.. n.Vpcs.Values], [.. n.Subnets.Values], [.. n.RouteTables.Values], [.. n.InternetGateways.Values],
        [.. n.EgressOnlyInternetGateways.Values], [.. n.NatGateways.Values], [.. n.ElasticIps.Values],
        [.. n.SecurityGroups.Values], [.. n.NetworkAcls.Values], [.. n.NetworkInterfaces.Values], [.. n.Instances.Values],
        n.Tags.Where(t => !t.Value.IsEmpty).ToDictionary(t => t.Key, t => (IReadOnlyDictionary<string, string>)t.Value.Items, StringComparer.Ordinal))
    {
        VpcEndpoints = [.. n.VpcEndpoints.Values],
        Buckets = [.. n.Buckets.Values],
        PrefixLists = [.. n.PrefixLists.Values.Where(p => !p.IsAwsManaged)],
        VpcPeeringConnections = [.. n.VpcPeeringConnections.Values],
        FlowLogs = [.. n.FlowLogs.Values],
    };
}
