using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

public sealed partial class Ec2ControlPlane
{
    public EmptyResult CreateTags(RequestContext ctx, CreateTagsRequest request) =>
        Mutate(ctx, request.DryRun, tx =>
        {
            var resources = request.Resources is { Count: > 0 } r ? r : throw Ec2Errors.MissingParameter("ResourceId");
            var tags = request.Tags is { Count: > 0 } t ? t.Select(Transaction.ValidateTag).ToList() : throw Ec2Errors.MissingParameter("Tag");
            foreach (var id in resources)
            {
                if (ResourceTypeOf(tx, id) is null)
                    throw Ec2Errors.InvalidId(id);
                tx.SetTags(id, tags);
            }
            return EmptyResult.Instance;
        });

    public EmptyResult DeleteTags(RequestContext ctx, DeleteTagsRequest request) =>
        Mutate(ctx, request.DryRun, tx =>
        {
            var resources = request.Resources is { Count: > 0 } r ? r : throw Ec2Errors.MissingParameter("ResourceId");
            foreach (var id in resources)
            {
                if (ResourceTypeOf(tx, id) is null)
                    throw Ec2Errors.InvalidId(id);
                var current = tx.N.TagsOf(id);
                var items = current.Items;
                if (request.Tags is not { Count: > 0 } tags)
                {
                    items = items.Clear();
                }
                else
                {
                    // AWS: a tag with a value deletes the key only when the value matches; without, whatever it is.
                    foreach (var tag in tags)
                    {
                        var key = tag.Key ?? throw Ec2Errors.MissingParameter("Tag.Key");
                        if (items.TryGetValue(key, out var value) && (tag.Value is null || tag.Value == value))
                            items = items.Remove(key);
                    }
                }
                tx.N = items.IsEmpty
                    ? tx.N with { Tags = tx.N.Tags.Remove(id) }
                    : tx.N with { Tags = tx.N.Tags.SetItem(id, new Model.Tags(items)) };
            }
            return EmptyResult.Instance;
        });

    public DescribeTagsResult DescribeTags(RequestContext ctx, DescribeTagsRequest request) =>
        Read(ctx, request.DryRun, tx =>
        {
            var rows = new List<TagDescription>();
            foreach (var (id, tags) in tx.N.Tags)
            {
                if (ResourceTypeOf(tx, id) is not { } type)
                    continue;
                rows.AddRange(tags.Items.Select(kv => new TagDescription(id, type, kv.Key, kv.Value)));
            }
            var schema = new FilterSchema<TagDescription>(_ => null)
                .Add("key", t => t.Key)
                .Add("value", t => t.Value)
                .Add("resource-id", t => t.ResourceId)
                .Add("resource-type", t => t.ResourceType);
            return new DescribeTagsResult([.. schema.Apply(rows, request.Filters, tx.N)
                .OrderBy(t => t.ResourceId, StringComparer.Ordinal).ThenBy(t => t.Key, StringComparer.Ordinal)]);
        });

    /// <summary>The resource type of an id the caller may tag, or null when no such resource of theirs exists.</summary>
    private static string? ResourceTypeOf(Transaction tx, string id)
    {
        var n = tx.N;
        var dash = id.LastIndexOf('-');
        var prefix = dash > 0 ? id[..dash] : "";
        return prefix switch
        {
            IdPrefixes.Vpc when n.Vpcs.TryGetValue(new VpcId(id), out var x) && tx.Owned(x.OwnerId, x.Region) => ResourceTypes.Vpc,
            IdPrefixes.Subnet when n.Subnets.TryGetValue(new SubnetId(id), out var x) && tx.Owned(x.OwnerId, x.Region) => ResourceTypes.Subnet,
            IdPrefixes.RouteTable when n.RouteTables.TryGetValue(new RouteTableId(id), out var x) && tx.Owned(x.OwnerId, x.Region) => ResourceTypes.RouteTable,
            IdPrefixes.InternetGateway when n.InternetGateways.TryGetValue(new InternetGatewayId(id), out var x) && tx.Owned(x.OwnerId, x.Region) => ResourceTypes.InternetGateway,
            IdPrefixes.EgressOnlyInternetGateway when n.EgressOnlyInternetGateways.TryGetValue(new EgressOnlyInternetGatewayId(id), out var x) && tx.Owned(x.OwnerId, x.Region) => ResourceTypes.EgressOnlyInternetGateway,
            IdPrefixes.NatGateway when n.NatGateways.TryGetValue(new NatGatewayId(id), out var x) && tx.Owned(x.OwnerId, x.Region) => ResourceTypes.NatGateway,
            IdPrefixes.Allocation when n.ElasticIps.TryGetValue(new AllocationId(id), out var x) && tx.Owned(x.OwnerId, x.Region) => ResourceTypes.ElasticIp,
            IdPrefixes.SecurityGroup when n.SecurityGroups.TryGetValue(new SecurityGroupId(id), out var x) && tx.Owned(x.OwnerId, x.Region) => ResourceTypes.SecurityGroup,
            IdPrefixes.SecurityGroupRule when n.SecurityGroups.Values.Any(g => tx.Owned(g.OwnerId, g.Region) && g.Rules.Any(r => r.Id.Value == id)) => ResourceTypes.SecurityGroupRule,
            IdPrefixes.NetworkAcl when n.NetworkAcls.TryGetValue(new NetworkAclId(id), out var x) && tx.Owned(x.OwnerId, x.Region) => ResourceTypes.NetworkAcl,
            IdPrefixes.NetworkInterface when n.NetworkInterfaces.TryGetValue(new NetworkInterfaceId(id), out var x) && tx.Owned(x.OwnerId, x.Region) => ResourceTypes.NetworkInterface,
            IdPrefixes.Instance when n.Instances.TryGetValue(new InstanceId(id), out var x) && tx.Owned(x.OwnerId, x.Region) => ResourceTypes.Instance,
            IdPrefixes.PrefixList when n.PrefixLists.TryGetValue(new PrefixListId(id), out var x) && x.OwnerId == tx.Account.Value && x.Region == tx.RegionName => ResourceTypes.PrefixList,
            // Either end's owner, from its Region (docs/semantics.md#vpc-peering: one shared tag set).
            IdPrefixes.VpcPeeringConnection when n.VpcPeeringConnections.TryGetValue(new VpcPeeringConnectionId(id), out var x) && Visible(tx, x) => VpcPeeringConnectionResourceType,
            IdPrefixes.VpcEndpoint when n.VpcEndpoints.TryGetValue(new VpcEndpointId(id), out var x) && tx.Owned(x.OwnerId, x.Region) => VpcEndpointResourceType,
            IdPrefixes.FlowLog when n.FlowLogs.TryGetValue(new FlowLogId(id), out var x) && tx.Owned(x.OwnerId, x.Region) => VpcFlowLogResourceType,
            _ => null,
        };
    }
}
