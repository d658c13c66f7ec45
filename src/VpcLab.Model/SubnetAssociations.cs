namespace VpcLab.Model;

/// <summary>Which route table and network ACL each subnet of a snapshot uses. AWS: a subnet uses its explicitly
/// associated route table, else its VPC's main table; it is associated with exactly one network ACL, its VPC's
/// default unless replaced. The one place this rule lives: <see cref="Network.RouteTableFor"/>,
/// <see cref="Network.NetworkAclFor"/> and the engine's compiler all ask it. Built in one pass over the tables;
/// ties, which a valid snapshot never has, go to the lowest id.</summary>
public sealed class SubnetAssociations
{
    private readonly Dictionary<SubnetId, RouteTable> _explicitTables = [];
    private readonly Dictionary<VpcId, RouteTable> _mainTables = [];
    private readonly Dictionary<SubnetId, NetworkAcl> _explicitAcls = [];
    private readonly Dictionary<VpcId, NetworkAcl> _defaultAcls = [];

    private SubnetAssociations(Network network)
    {
        foreach (var table in network.RouteTables.Values.OrderBy(t => t.Id.Value, StringComparer.Ordinal))
        {
            foreach (var a in table.Associations)
            {
                if (a.Main)
                    _mainTables.TryAdd(table.VpcId, table);
                if (a.SubnetId is { } subnet)
                    _explicitTables.TryAdd(subnet, table);
            }
        }
        foreach (var acl in network.NetworkAcls.Values.OrderBy(a => a.Id.Value, StringComparer.Ordinal))
        {
            if (acl.IsDefault)
                _defaultAcls.TryAdd(acl.VpcId, acl);
            foreach (var a in acl.Associations)
                _explicitAcls.TryAdd(a.SubnetId, acl);
        }
    }

    public static SubnetAssociations Of(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new SubnetAssociations(network);
    }

    /// <summary>The VPC's main route table; null only in a malformed snapshot.</summary>
    public RouteTable? MainRouteTableOf(VpcId vpc) => _mainTables.GetValueOrDefault(vpc);

    /// <summary>The subnet's explicitly associated route table, else its VPC's main table; null only in a
    /// malformed snapshot (a VPC without a main table).</summary>
    public RouteTable? RouteTableOf(Subnet subnet)
    {
        ArgumentNullException.ThrowIfNull(subnet);
        return _explicitTables.GetValueOrDefault(subnet.Id) ?? MainRouteTableOf(subnet.VpcId);
    }

    /// <summary>The subnet's network ACL: its explicit association, else its VPC's default; null only in a
    /// malformed snapshot (a VPC without a default network ACL).</summary>
    public NetworkAcl? NetworkAclOf(Subnet subnet)
    {
        ArgumentNullException.ThrowIfNull(subnet);
        return _explicitAcls.GetValueOrDefault(subnet.Id) ?? _defaultAcls.GetValueOrDefault(subnet.VpcId);
    }
}
