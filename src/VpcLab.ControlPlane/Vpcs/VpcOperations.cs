using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

/// <summary>The Vpcs operations.</summary>
public sealed class VpcOperations
{
    private readonly ControlPlaneState _state;

    internal VpcOperations(ControlPlaneState state)
    {
        _state = state;
    }

    private static readonly Cidr Rfc1918A = Cidr.Parse("10.0.0.0/8");
    private static readonly Cidr Rfc1918B = Cidr.Parse("172.16.0.0/12");
    private static readonly Cidr Rfc1918C = Cidr.Parse("192.168.0.0/16");
    private static readonly Cidr Benchmark198 = Cidr.Parse("198.19.0.0/16");
    private static readonly Cidr LinkLocal = Cidr.Parse("169.254.0.0/16");
    private static readonly Cidr DockerDefault = Cidr.Parse("172.31.0.0/16");

    // Never usable as VPC CIDRs: "this network", loopback, link-local, multicast and reserved space.
    private static readonly Cidr[] NeverVpcRanges =
        [Cidr.Parse("0.0.0.0/8"), Cidr.Parse("127.0.0.0/8"), LinkLocal, Cidr.Parse("224.0.0.0/3")];

    public CreateVpcResult CreateVpc(RequestContext ctx, CreateVpcRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var cidr = Transaction.ParseCidr(request.CidrBlock, "cidrBlock");
            if (!cidr.IsV4)
                throw Ec2Errors.InvalidCidr(request.CidrBlock, "cidrBlock");
            CheckVpcCidrSize(cidr);
            if (NeverVpcRanges.Any(r => r.Overlaps(cidr)))
                throw VpcErrors.VpcRange(cidr);
            // AWS (CreateVpc Ipv6CidrBlock): "You must also specify Ipv6Pool in the request"; the lab has no BYOIP pool
            // (docs/semantics.md#vpc-ipv6-pool).
            if (request.Ipv6CidrBlock is not null && request.Ipv6Pool is null)
                throw Ec2Errors.MissingParameter("Ipv6Pool");
            if (request.Ipv6Pool is not null)
                throw VpcErrors.Ipv6PoolNotFound(request.Ipv6Pool);
            var tenancy = request.InstanceTenancy ?? "default";
            if (tenancy is not ("default" or "dedicated"))
                throw Ec2Errors.InvalidParameterValue($"Value ({tenancy}) for parameter instanceTenancy is invalid. Valid values: default, dedicated");
            if (tx.AtRegionQuota(IndexedKinds.Vpc, tx.Quotas.VpcsPerRegion))
                throw VpcErrors.VpcLimitExceeded();

            var id = new VpcId(tx.NewId(IdPrefixes.Vpc));
            var blocks = ImmutableArray.Create(new VpcCidrBlock(tx.NewId(IdPrefixes.VpcCidrAssociation), cidr, CidrBlockState.Associated));
            var v6 = ImmutableArray<VpcCidrBlock>.Empty;
            if (request.AmazonProvidedIpv6CidrBlock == true)
                v6 = [new VpcCidrBlock(tx.NewId(IdPrefixes.VpcCidrAssociation), tx.AllocateIpv6Block(), CidrBlockState.Associated)];
            var vpc = new Vpc(id, tx.Account, tx.RegionName, blocks, v6, EnableDnsSupport: true, EnableDnsHostnames: false,
                IsDefault: false, tenancy);
            tx.Put(vpc);
            tx.ApplyTagSpecifications(request.TagSpecifications, ResourceTypes.Vpc, id.Value);
            CreateVpcDefaults(tx, vpc);
            return new CreateVpcResult(vpc);
        });

    /// <summary>AWS creates with every VPC its main route table (local routes for each CIDR), its default
    /// network ACL (rule 100 allow all both ways, plus 101 for ::/0 with IPv6) and its default security group
    /// (inbound all from itself; outbound all to 0.0.0.0/0, and ::/0 with IPv6).</summary>
    internal static void CreateVpcDefaults(Transaction tx, Vpc vpc)
    {
        var routes = vpc.AssociatedCidrs.Select(c => new Route(RouteDestination.To(c), RouteTarget.Local, RouteOrigin.CreateRouteTable));
        tx.Put(new RouteTable(new RouteTableId(tx.NewId(IdPrefixes.RouteTable)), vpc.Id, tx.Account, tx.RegionName, [.. routes],
            [new RouteTableAssociation(new RouteTableAssociationId(tx.NewId(IdPrefixes.RouteTableAssociation)), true, null, null)]));

        var entries = new List<NetworkAclEntry>();
        foreach (var egress in new[] { false, true })
        {
            entries.Add(new NetworkAclEntry(100, egress, IpProtocol.All, RuleAction.Allow, Cidr.AnyV4, null, null));
            if (vpc.HasIpv6)
                entries.Add(new NetworkAclEntry(101, egress, IpProtocol.All, RuleAction.Allow, Cidr.AnyV6, null, null));
        }
        tx.Put(new NetworkAcl(new NetworkAclId(tx.NewId(IdPrefixes.NetworkAcl)), tx.Account, tx.RegionName, vpc.Id, true, [.. entries], []));

        var sgId = new SecurityGroupId(tx.NewId(IdPrefixes.SecurityGroup));
        var inbound = new SecurityGroupRule(new SecurityGroupRuleId(tx.NewId(IdPrefixes.SecurityGroupRule)), false, IpProtocol.All, -1, -1,
            new SecurityGroupPeer(sgId, tx.Account, null), null);
        tx.Put(new SecurityGroup(sgId, tx.Account, tx.RegionName, vpc.Id, SecurityGroup.DefaultGroupName,
            "default VPC security group", [inbound, .. DefaultEgressRules.ForNewGroup(tx, vpc)]));
    }

    private static void CheckVpcCidrSize(Cidr cidr)
    {
        // AWS: VPC IPv4 blocks are /16 to /28 (spec §2).
        if (cidr.PrefixLength is < 16 or > 28)
            throw VpcErrors.VpcRange(cidr);
    }

    public DescribeVpcsResult DescribeVpcs(RequestContext ctx, DescribeVpcsRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var named = Transaction.Named(request.VpcIds, id => tx.Require(ResourceKinds.Vpc, id));
            return new DescribeVpcsResult([.. VpcFilters(tx.World).Select(tx, request.Filters, named)]);
        });

    private static FilterSchema<Vpc> VpcFilters(IndexedWorld world) => new FilterSchema<Vpc>(IndexedKinds.Vpc)
        .Add("owner-id", v => v.OwnerId.Value)
        .Add("state", _ => "available")
        .Add("instance-tenancy", v => v.InstanceTenancy)
        .Add("enable-dns-support", v => Wire.Bool(v.EnableDnsSupport))
        .Add("enable-dns-hostnames", v => Wire.Bool(v.EnableDnsHostnames))
        .Add("has-internet-gateway", v => Wire.Bool(world.HasInternetGateway(v.Id)));

    /// <summary>AWS's lower-camel wire name of a CIDR association state.</summary>
    public static string StateName(CidrBlockState state) => state switch
    {
        CidrBlockState.Associating => "associating",
        CidrBlockState.Associated => "associated",
        CidrBlockState.Disassociating => "disassociating",
        CidrBlockState.Disassociated => "disassociated",
        CidrBlockState.Failing => "failing",
        _ => "failed",
    };

    public EmptyResult DeleteVpc(RequestContext ctx, DeleteVpcRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var vpc = tx.Require(ResourceKinds.Vpc, request.VpcId);
            var n = tx.N;
            // AWS: every subnet, gateway, interface and non-default group, table or ACL must go first.
            if (ResourceKinds.Vpc.FirstBlocker(tx.World, vpc) is not null)
                throw VpcErrors.VpcHasDependencies(vpc.Id.Value);
            var main = tx.Where(IndexedKinds.RouteTable, "vpc-id", vpc.Id.Value).ToList();
            var acls = tx.Where(IndexedKinds.NetworkAcl, "vpc-id", vpc.Id.Value).ToList();
            var sgs = tx.Where(IndexedKinds.SecurityGroup, "vpc-id", vpc.Id.Value).ToList();
            tx.Remove(vpc.Id);
            foreach (var table in main)
                tx.Remove(table.Id);
            foreach (var acl in acls)
                tx.Remove(acl.Id);
            foreach (var group in sgs)
                tx.Remove(group.Id);
            SubnetOperations.PurgeRemains(tx, "vpc-id", vpc.Id.Value);
            VpcPeeringOperations.DeletePeeringsOf(tx, vpc.Id); // src/VpcLab.ControlPlane/VpcPeering/
            FlowLogOperations.DeleteFlowLogsOf(tx, vpc.Id.Value); // src/VpcLab.ControlPlane/FlowLogs/
            foreach (var id in main.Select(t => t.Id.Value).Concat(acls.Select(a => a.Id.Value)).Concat(sgs.Select(g => g.Id.Value)).Append(vpc.Id.Value))
                tx.RemoveTags(id);
            return EmptyResult.Instance;
        });

    public AssociateVpcCidrBlockResult AssociateVpcCidrBlock(RequestContext ctx, AssociateVpcCidrBlockRequest request) =>
        _state.Mutate(ctx, null, tx =>
        {
            var vpc = tx.Require(ResourceKinds.Vpc, request.VpcId);
            bool v6 = request.AmazonProvidedIpv6CidrBlock == true;
            if (v6 == (request.CidrBlock is not null))
                throw Ec2Errors.InvalidParameterCombination("The request must contain exactly one of cidrBlock or amazonProvidedIpv6CidrBlock");
            VpcCidrBlock block;
            if (v6)
            {
                if (vpc.Ipv6CidrBlocks.Length >= tx.Quotas.Ipv6CidrBlocksPerVpc)
                    throw VpcErrors.CidrLimitExceeded(vpc.Id.Value, tx.Quotas.Ipv6CidrBlocksPerVpc);
                block = new VpcCidrBlock(tx.NewId(IdPrefixes.VpcCidrAssociation), tx.AllocateIpv6Block(), CidrBlockState.Associated);
                vpc = vpc with { Ipv6CidrBlocks = vpc.Ipv6CidrBlocks.Add(block) };
            }
            else
            {
                var cidr = Transaction.ParseCidr(request.CidrBlock, "cidrBlock");
                if (!cidr.IsV4)
                    throw Ec2Errors.InvalidCidr(request.CidrBlock, "cidrBlock");
                CheckVpcCidrSize(cidr);
                CheckSecondaryCidr(tx, vpc, cidr);
                if (vpc.CidrBlocks.Length >= tx.Quotas.Ipv4CidrBlocksPerVpc)
                    throw VpcErrors.CidrLimitExceeded(vpc.Id.Value, tx.Quotas.Ipv4CidrBlocksPerVpc);
                block = new VpcCidrBlock(tx.NewId(IdPrefixes.VpcCidrAssociation), cidr, CidrBlockState.Associated);
                vpc = vpc with { CidrBlocks = vpc.CidrBlocks.Add(block) };
            }
            VpcPeeringOperations.PeeringsOnNewCidr(tx, vpc.Id, block.Cidr); // src/VpcLab.ControlPlane/VpcPeering/
            tx.Put(vpc);
            // A new CIDR gets a local route in every route table of the VPC.
            foreach (var table in tx.Where(IndexedKinds.RouteTable, "vpc-id", vpc.Id.Value).ToList())
                tx.Put(table with { Routes = table.Routes.Add(new Route(RouteDestination.To(block.Cidr), RouteTarget.Local, RouteOrigin.CreateRouteTable)) });
            if (v6)
            {
                AddIpv6RulesToDefaultAcl(tx, vpc.Id);
                DefaultEgressRules.OnIpv6Associated(tx, vpc.Id);
            }
            // AWS answers the new block `associating` (the API reference's and CLI's examples); the lab's association is
            // complete at once, so DescribeVpcs shows it `associated` (docs/semantics.md#cidr-association-state).
            var reported = block with { State = CidrBlockState.Associating };
            return new AssociateVpcCidrBlockResult(vpc.Id.Value, v6 ? null : reported, v6 ? reported : null);
        });

    /// <summary>AWS: associating IPv6 adds rule 101 (::/0 allow) to the default ACL, per direction, only if that
    /// direction's rules are still the defaults (spec §5).</summary>
    private static void AddIpv6RulesToDefaultAcl(Transaction tx, VpcId vpc)
    {
        var acl = tx.Where(IndexedKinds.NetworkAcl, "vpc-id", vpc.Value).FirstOrDefault(a => a.IsDefault);
        if (acl is null)
            return;
        var entries = acl.Entries;
        foreach (var egress in new[] { false, true })
        {
            var direction = entries.Where(e => e.Egress == egress).ToList();
            bool pristine = direction.Count == 1 && direction[0] == new NetworkAclEntry(100, egress, IpProtocol.All, RuleAction.Allow, Cidr.AnyV4, null, null);
            if (pristine)
                entries = entries.Add(new NetworkAclEntry(101, egress, IpProtocol.All, RuleAction.Allow, Cidr.AnyV6, null, null));
        }
        tx.Put(acl with { Entries = entries });
    }

    /// <summary>The secondary-CIDR rules of spec §2 (range restrictions by the primary's range, no overlap,
    /// not covering an existing route's destination).</summary>
    private static void CheckSecondaryCidr(Transaction tx, Vpc vpc, Cidr cidr)
    {
        foreach (var existing in vpc.CidrBlocks.Select(b => b.Cidr))
        {
            if (existing.Overlaps(cidr))
                throw VpcErrors.VpcCidrConflict(cidr, vpc.Id.Value);
        }
        if (NeverVpcRanges.Any(r => r.Overlaps(cidr)))
            throw VpcErrors.VpcRange(cidr);
        var primary = vpc.PrimaryCidr;
        Cidr[] forbidden;
        if (Rfc1918A.Contains(primary))
            forbidden = [Rfc1918B, Rfc1918C, Benchmark198];
        else if (Rfc1918B.Contains(primary))
            forbidden = [Rfc1918A, Rfc1918C, DockerDefault, Benchmark198];
        else if (Rfc1918C.Contains(primary))
            forbidden = [Rfc1918A, Rfc1918B, Benchmark198];
        else
            forbidden = [Rfc1918A, Rfc1918B, Rfc1918C];
        foreach (var range in forbidden)
        {
            if (range.Overlaps(cidr))
                throw VpcErrors.VpcCidrRestricted(cidr, $"It overlaps {range}, which cannot be added to a VPC whose primary CIDR is {primary}.");
        }
        var ten15 = Cidr.Parse("10.0.0.0/15");
        var ten16 = Cidr.Parse("10.0.0.0/16");
        if (vpc.CidrBlocks.Any(b => ten15.Contains(b.Cidr)) && ten16.Overlaps(cidr))
            throw VpcErrors.VpcCidrRestricted(cidr, "10.0.0.0/16 cannot be added when a CIDR of the VPC lies in 10.0.0.0/15.");
        // AWS: a new CIDR may not be the same as or larger than an existing route's destination in the VPC.
        var routeDestinations = tx.Where(IndexedKinds.RouteTable, "vpc-id", vpc.Id.Value)
            .SelectMany(t => t.Routes).Where(r => !r.IsLocal && r.Destination.Cidr is { IsV4: true })
            .Select(r => r.Destination.Cidr!.Value);
        foreach (var destination in routeDestinations)
        {
            if (cidr.Contains(destination))
                throw VpcErrors.VpcCidrRestricted(cidr, $"It is the same as or larger than the destination {destination} of an existing route.");
        }
    }

    public DisassociateVpcCidrBlockResult DisassociateVpcCidrBlock(RequestContext ctx, DisassociateVpcCidrBlockRequest request) =>
        _state.Mutate(ctx, null, tx =>
        {
            var id = request.AssociationId ?? throw Ec2Errors.MissingParameter("AssociationId");
            var vpc = tx.Where(IndexedKinds.Vpc, "cidr-block-association.association-id", id)
                .Concat(tx.Where(IndexedKinds.Vpc, "ipv6-cidr-block-association.association-id", id)).FirstOrDefault(v => tx.Owned(v.OwnerId, v.Region))
                ?? throw VpcErrors.VpcCidrAssociationNotFound(id);
            var block = vpc.CidrBlocks.Concat(vpc.Ipv6CidrBlocks).First(b => b.AssociationId == id);
            bool v6 = block.Cidr.IsV6;
            if (!v6 && vpc.CidrBlocks[0].AssociationId == id)
                throw VpcErrors.PrimaryCidrNotDisassociable(id);
            bool inUse = tx.Where(IndexedKinds.Subnet, "vpc-id", vpc.Id.Value).Any(s =>
                (v6 ? s.Ipv6CidrBlock is { } b && block.Cidr.Contains(b.Cidr) : s.CidrBlock is { } c && block.Cidr.Contains(c)));
            if (inUse)
                throw VpcErrors.CidrInUseBySubnets(id);
            vpc = v6 ? vpc with { Ipv6CidrBlocks = vpc.Ipv6CidrBlocks.Remove(block) } : vpc with { CidrBlocks = vpc.CidrBlocks.Remove(block) };
            tx.Put(vpc);
            foreach (var table in tx.Where(IndexedKinds.RouteTable, "vpc-id", vpc.Id.Value).ToList())
                tx.Put(table with { Routes = table.Routes.RemoveAll(r => r.Destination.Cidr == block.Cidr && r.Origin == RouteOrigin.CreateRouteTable) });
            var gone = block with { State = CidrBlockState.Disassociating };
            return new DisassociateVpcCidrBlockResult(vpc.Id.Value, v6 ? null : gone, v6 ? gone : null);
        });

    public EmptyResult ModifyVpcAttribute(RequestContext ctx, ModifyVpcAttributeRequest request) =>
        _state.Mutate(ctx, null, tx =>
        {
            var vpc = tx.Require(ResourceKinds.Vpc, request.VpcId);
            // AWS: one attribute per call.
            int given = (request.EnableDnsSupport is not null ? 1 : 0) + (request.EnableDnsHostnames is not null ? 1 : 0)
                + (request.EnableNetworkAddressUsageMetrics is not null ? 1 : 0);
            if (given > 1)
                throw VpcErrors.ModifyVpcAttributeOneAtATime();
            if (given == 0)
                throw Ec2Errors.MissingParameter("EnableDnsSupport, EnableDnsHostnames or EnableNetworkAddressUsageMetrics");
            if (request.EnableDnsSupport is { } support)
                vpc = vpc with { EnableDnsSupport = support.Value ?? throw Ec2Errors.MissingParameter("EnableDnsSupport.Value") };
            if (request.EnableNetworkAddressUsageMetrics is { } metrics)
                vpc = vpc with { EnableNetworkAddressUsageMetrics = metrics.Value ?? throw Ec2Errors.MissingParameter("EnableNetworkAddressUsageMetrics.Value") };
            if (request.EnableDnsHostnames is { } hostnames)
                vpc = vpc with { EnableDnsHostnames = hostnames.Value ?? throw Ec2Errors.MissingParameter("EnableDnsHostnames.Value") };
            tx.Put(vpc);
            return EmptyResult.Instance;
        });

    public DescribeVpcAttributeResult DescribeVpcAttribute(RequestContext ctx, DescribeVpcAttributeRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var vpc = tx.Require(ResourceKinds.Vpc, request.VpcId);
            return request.Attribute switch
            {
                "enableDnsSupport" => new DescribeVpcAttributeResult(vpc.Id.Value, vpc.EnableDnsSupport, null),
                "enableDnsHostnames" => new DescribeVpcAttributeResult(vpc.Id.Value, null, vpc.EnableDnsHostnames),
                "enableNetworkAddressUsageMetrics" => new DescribeVpcAttributeResult(vpc.Id.Value, null, null, vpc.EnableNetworkAddressUsageMetrics),
                null => throw Ec2Errors.MissingParameter("Attribute"),
                var other => throw Ec2Errors.InvalidParameterValue($"Value ({other}) for parameter attribute is invalid. Valid values: enableDnsSupport, enableDnsHostnames, enableNetworkAddressUsageMetrics"),
            };
        });
}
