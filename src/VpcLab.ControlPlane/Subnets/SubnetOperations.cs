using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

/// <summary>The Subnets operations.</summary>
public sealed class SubnetOperations
{
    private readonly ControlPlaneState _state;

    internal SubnetOperations(ControlPlaneState state)
    {
        _state = state;
    }

    public CreateSubnetResult CreateSubnet(RequestContext ctx, CreateSubnetRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var vpc = tx.Require(ResourceKinds.Vpc, request.VpcId);
            bool native = Ipv6OnlySubnets.CheckCreate(request);
            var siblings = tx.Where(IndexedKinds.Subnet, "vpc-id", vpc.Id.Value).ToList();
            Cidr? cidr = native ? null : CheckSubnetIpv4(vpc, request.CidrBlock, siblings);
            if (siblings.Count >= tx.Quotas.SubnetsPerVpc)
                throw SubnetErrors.SubnetLimitExceeded();
            var zone = ResolveZone(tx, request.AvailabilityZone, request.AvailabilityZoneId, siblings.Count);
            var id = new SubnetId(tx.NewId(IdPrefixes.Subnet));
            VpcCidrBlock? v6 = null;
            if (request.Ipv6CidrBlock is not null)
                v6 = new VpcCidrBlock(tx.NewId(IdPrefixes.SubnetCidrAssociation), CheckSubnetIpv6(tx, vpc, request.Ipv6CidrBlock, null), CidrBlockState.Associated);
            var subnet = Ipv6OnlySubnets.New(new Subnet(id, vpc.Id, tx.Account, tx.RegionName, zone, cidr, v6, false, false, false), native);
            tx.Put(subnet);
            // AWS: every subnet is associated (with an aclassoc- id) with the VPC's default network ACL at once,
            // so ReplaceNetworkAclAssociation has an association to replace.
            var defaultAcl = tx.Where(IndexedKinds.NetworkAcl, "vpc-id", vpc.Id.Value).First(a => a.IsDefault);
            tx.Put(defaultAcl with
            {
                Associations = defaultAcl.Associations.Add(new NetworkAclAssociation(new NetworkAclAssociationId(tx.NewId(IdPrefixes.NetworkAclAssociation)), id)),
            });
            tx.ApplyTagSpecifications(request.TagSpecifications, ResourceTypes.Subnet, id.Value);
            return new CreateSubnetResult(subnet);
        });

    /// <summary>AZ by name or by zone id; neither given: AWS picks one (the lab: round robin by subnet count,
    /// docs/semantics.md#subnet-zone).</summary>
    internal static AvailabilityZone ResolveZone(Transaction tx, string? name, string? zoneId, int existing)
    {
        var zones = tx.Region.Zones;
        if (name is not null && zoneId is not null)
            throw Ec2Errors.InvalidParameterCombination("Only one of availabilityZone or availabilityZoneId may be specified.");
        if (name is not null)
            return zones.FirstOrDefault(z => z.Name == name) ?? throw SubnetErrors.InvalidAvailabilityZone(name, zones.Select(z => z.Name));
        if (zoneId is not null)
            return zones.FirstOrDefault(z => z.ZoneId == zoneId) ?? throw SubnetErrors.InvalidAvailabilityZoneId(zoneId, zones.Select(z => z.ZoneId));
        return zones[existing % zones.Length];
    }

    /// <summary>A subnet IPv4 block: AWS: /16–/28, inside one of the VPC's IPv4 CIDRs, overlapping no sibling's (spec §2).</summary>
    private static Cidr CheckSubnetIpv4(Vpc vpc, string? text, List<Subnet> siblings)
    {
        var cidr = Transaction.ParseCidr(text, "cidrBlock");
        if (!cidr.IsV4)
            throw Ec2Errors.InvalidCidr(text, "cidrBlock");
        if (cidr.PrefixLength is < 16 or > 28 || !vpc.CidrBlocks.Any(b => b.State == CidrBlockState.Associated && b.Cidr.Contains(cidr)))
            throw SubnetErrors.SubnetRange(cidr);
        if (siblings.Any(s => s.CidrBlock is { } other && other.Overlaps(cidr)))
            throw SubnetErrors.SubnetConflict(cidr);
        return cidr;
    }

    /// <summary>A subnet IPv6 block: a /64 inside one of the VPC's /56s, not overlapping another subnet's.</summary>
    private static Cidr CheckSubnetIpv6(Transaction tx, Vpc vpc, string text, SubnetId? self)
    {
        var cidr = Transaction.ParseCidr(text, "ipv6CidrBlock");
        if (!cidr.IsV6)
            throw Ec2Errors.InvalidCidr(text, "ipv6CidrBlock");
        if (cidr.PrefixLength != 64 || !vpc.Ipv6CidrBlocks.Any(b => b.Cidr.Contains(cidr)))
            throw SubnetErrors.SubnetRange(cidr);
        if (tx.Where(IndexedKinds.Subnet, "vpc-id", vpc.Id.Value).Any(s => s.Id != self && s.Ipv6Cidr is { } other && other.Overlaps(cidr)))
            throw SubnetErrors.SubnetConflict(cidr);
        return cidr;
    }

    public DescribeSubnetsResult DescribeSubnets(RequestContext ctx, DescribeSubnetsRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var named = Transaction.Named(request.SubnetIds, id => tx.Require(ResourceKinds.Subnet, id));
            var n = tx.N;
            var schema = new FilterSchema<Subnet>(IndexedKinds.Subnet)
                .Add("available-ip-address-count", s => SubnetAddressCount.Available(n, tx.Index, s).ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Add("map-public-ip-on-launch", s => Wire.Bool(s.MapPublicIpOnLaunch))
                .Add("assign-ipv6-address-on-creation", s => Wire.Bool(s.AssignIpv6AddressOnCreation))
                .Add("enable-dns64", s => Wire.Bool(s.EnableDns64))
                .Add("owner-id", s => s.OwnerId.Value)
                .Add("state", _ => "available");
            return new DescribeSubnetsResult([.. schema.Select(tx, request.Filters, named)]);
        });

    public EmptyResult DeleteSubnet(RequestContext ctx, DeleteSubnetRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var subnet = tx.Require(ResourceKinds.Subnet, request.SubnetId);
            if (ResourceKinds.Subnet.FirstBlocker(tx.World, subnet) is not null)
                throw SubnetErrors.SubnetHasDependencies(subnet.Id.Value);
            // Deleting a subnet removes its route table and network ACL associations with it.
            foreach (var table in tx.Where(IndexedKinds.RouteTable, "association.subnet-id", subnet.Id.Value).ToList())
                tx.Put(table with { Associations = table.Associations.RemoveAll(a => a.SubnetId == subnet.Id) });
            foreach (var acl in tx.Where(IndexedKinds.NetworkAcl, "association.subnet-id", subnet.Id.Value).ToList())
                tx.Put(acl with { Associations = acl.Associations.RemoveAll(x => x.SubnetId == subnet.Id) });
            tx.Remove(subnet.Id);
            tx.RemoveTags(subnet.Id.Value);
            FlowLogOperations.DeleteFlowLogsOf(tx, subnet.Id.Value); // src/VpcLab.ControlPlane/FlowLogs/
            SubnetCidrReservationOperations.RemoveAll(tx, subnet.Id);
            // Terminated instances and deleted NAT gateways of the subnet go with it, so no record in the
            // snapshot names a subnet that no longer exists.
            PurgeRemains(tx, "subnet-id", subnet.Id.Value);
            return EmptyResult.Instance;
        });

    public EmptyResult ModifySubnetAttribute(RequestContext ctx, ModifySubnetAttributeRequest request) =>
        _state.Mutate(ctx, null, tx =>
        {
            var subnet = tx.Require(ResourceKinds.Subnet, request.SubnetId);
            int given = (request.MapPublicIpOnLaunch is not null ? 1 : 0) + (request.AssignIpv6AddressOnCreation is not null ? 1 : 0)
                + (request.EnableDns64 is not null ? 1 : 0) + (request.PrivateDnsHostnameTypeOnLaunch is not null ? 1 : 0)
                + (request.EnableResourceNameDnsARecordOnLaunch is not null ? 1 : 0) + (request.EnableResourceNameDnsAAAARecordOnLaunch is not null ? 1 : 0);
            // AWS: "You can only modify one attribute at a time."
            if (given != 1)
                throw Ec2Errors.InvalidParameterCombination("Specify exactly one attribute: MapPublicIpOnLaunch, AssignIpv6AddressOnCreation, EnableDns64, PrivateDnsHostnameTypeOnLaunch, EnableResourceNameDnsARecordOnLaunch or EnableResourceNameDnsAAAARecordOnLaunch.");
            subnet = Ipv6OnlySubnets.ModifyHostnameOptions(subnet, request);
            if (request.EnableDns64 is { } dns64)
                subnet = subnet with { EnableDns64 = dns64.Value ?? throw Ec2Errors.MissingParameter("EnableDns64.Value") };
            if (request.MapPublicIpOnLaunch is { } map)
                subnet = subnet with { MapPublicIpOnLaunch = Ipv6OnlySubnets.CheckMapPublicIp(subnet, map.Value ?? throw Ec2Errors.MissingParameter("MapPublicIpOnLaunch.Value")) };
            if (request.AssignIpv6AddressOnCreation is { } assign)
            {
                bool value = Ipv6OnlySubnets.CheckAssignIpv6(subnet, assign.Value ?? throw Ec2Errors.MissingParameter("AssignIpv6AddressOnCreation.Value"));
                if (value && subnet.Ipv6Cidr is null)
                    throw Ec2Errors.InvalidParameterValue($"Invalid value 'true' for assignIpv6AddressOnCreation: subnet {subnet.Id} has no IPv6 CIDR block.");
                subnet = subnet with { AssignIpv6AddressOnCreation = value };
            }
            tx.Put(subnet);
            return EmptyResult.Instance;
        });

    public AssociateSubnetCidrBlockResult AssociateSubnetCidrBlock(RequestContext ctx, AssociateSubnetCidrBlockRequest request) =>
        _state.Mutate(ctx, null, tx =>
        {
            var subnet = tx.Require(ResourceKinds.Subnet, request.SubnetId);
            var vpc = tx.N.Vpcs[subnet.VpcId];
            if (request.Ipv6CidrBlock is null)
                throw Ec2Errors.MissingParameter("Ipv6CidrBlock");
            if (subnet.Ipv6CidrBlock is not null)
                throw Ec2Errors.ResourceAlreadyAssociated(subnet.Id.Value);
            var cidr = CheckSubnetIpv6(tx, vpc, request.Ipv6CidrBlock, subnet.Id);
            var block = new VpcCidrBlock(tx.NewId(IdPrefixes.SubnetCidrAssociation), cidr, CidrBlockState.Associated);
            tx.Put(subnet with { Ipv6CidrBlock = block });
            return new AssociateSubnetCidrBlockResult(subnet.Id.Value, block);
        });

    public DisassociateSubnetCidrBlockResult DisassociateSubnetCidrBlock(RequestContext ctx, DisassociateSubnetCidrBlockRequest request) =>
        _state.Mutate(ctx, null, tx =>
        {
            var id = request.AssociationId ?? throw Ec2Errors.MissingParameter("AssociationId");
            var subnet = tx.Where(IndexedKinds.Subnet, "ipv6-cidr-block-association.association-id", id).FirstOrDefault(s => tx.Owned(s.OwnerId, s.Region))
                ?? throw SubnetErrors.SubnetCidrAssociationNotFound(id);
            var block = subnet.Ipv6CidrBlock!;
            Ipv6OnlySubnets.CheckDisassociate(subnet);
            // AWS refuses while interfaces in the subnet hold IPv6 addresses from the block.
            if (tx.Where(IndexedKinds.NetworkInterface, "subnet-id", subnet.Id.Value).Any(e => e.Ipv6Addresses.Any(a => block.Cidr.Contains(a))))
                throw Ec2Errors.DependencyViolation($"The subnet CIDR block {block.Cidr} has addresses in use by network interfaces.");
            tx.Put(subnet with { Ipv6CidrBlock = null, AssignIpv6AddressOnCreation = false });
            return new DisassociateSubnetCidrBlockResult(subnet.Id.Value, block with { State = CidrBlockState.Disassociating });
        });

    /// <summary>Removes the terminated instances and deleted NAT gateways of a subnet or VPC (<paramref name="parent"/>:
    /// "subnet-id" or "vpc-id", the filter both kinds index), and their tags; found through the index.</summary>
    internal static void PurgeRemains(Transaction tx, string parent, string parentId)
    {
        var instances = tx.Where(IndexedKinds.Instance, parent, parentId).Where(i => i.State == InstanceState.Terminated).Select(i => i.Id).ToList();
        var nats = tx.Where(IndexedKinds.NatGateway, parent, parentId).Where(g => g.State == NatGatewayState.Deleted).Select(g => g.Id).ToList();
        if (instances.Count == 0 && nats.Count == 0)
            return;
        foreach (var id in instances)
            tx.Remove(id);
        foreach (var id in nats)
            tx.Remove(id);
        foreach (var id in instances.Select(i => i.Value).Concat(nats.Select(g => g.Value)))
            tx.RemoveTags(id);
    }
}
