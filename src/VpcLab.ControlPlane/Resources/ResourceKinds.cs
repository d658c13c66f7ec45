using System.Collections.Frozen;
using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The table of EC2 resource kinds: one row per kind the control plane looks up by id and tags. The deletion
/// blockers ask the index (<see cref="IndexedWorld.Any{T}"/>): a delete costs what it finds, not the world.</summary>
public static class ResourceKinds
{
    private static bool Owns(ResourceCaller c, AccountId owner, string region) => c.Owns(owner, region);

    public static readonly ResourceKind<VpcId, Vpc> Vpc = new(
        "VPC", IdPrefixes.Vpc, "VpcId", ResourceTypes.Vpc, ResourceIdErrors.VpcMalformed, ResourceIdErrors.VpcNotFound,
        id => new VpcId(id), (n, id) => n.Vpcs.GetValueOrDefault(id), (v, c) => Owns(c, v.OwnerId, v.Region))
    {
        // AWS: every subnet, gateway, interface and non-default group, table or ACL must go first.
        BlockedBy =
        [
            new("a subnet", (w, v) => w.Any(IndexedKinds.Subnet, "vpc-id", v.Id.Value)),
            new("an attached internet gateway", (w, v) => w.Any(IndexedKinds.InternetGateway, "attachment.vpc-id", v.Id.Value)),
            new("an egress-only internet gateway", (w, v) => w.Any(IndexedKinds.EgressOnlyInternetGateway, "attachment.vpc-id", v.Id.Value)),
            new("a NAT gateway not deleted", (w, v) => w.Any(IndexedKinds.NatGateway, "vpc-id", v.Id.Value, g => g.State != NatGatewayState.Deleted)),
            new("a network interface", (w, v) => w.Any(IndexedKinds.NetworkInterface, "vpc-id", v.Id.Value)),
            new("a non-default security group", (w, v) => w.Any(IndexedKinds.SecurityGroup, "vpc-id", v.Id.Value, g => !g.IsDefault)),
            new("a non-main route table", (w, v) => w.Any(IndexedKinds.RouteTable, "vpc-id", v.Id.Value, t => !t.IsMain)),
            new("a non-default network ACL", (w, v) => w.Any(IndexedKinds.NetworkAcl, "vpc-id", v.Id.Value, a => !a.IsDefault)),
            new("an instance not terminated", (w, v) => w.Any(IndexedKinds.Instance, "vpc-id", v.Id.Value, i => i.State != InstanceState.Terminated)),
            new("a VPC endpoint", (w, v) => w.Any(IndexedKinds.VpcEndpoint, "vpc-id", v.Id.Value)),
        ],
        DeletionCascades =
        [
            "its main route table, default network ACL and default security group",
            "its pending or active peering connections (to deleted)",
            "its flow logs",
            "terminated instances and deleted NAT gateways still listed in it",
        ],
    };

    public static readonly ResourceKind<SubnetId, Subnet> Subnet = new(
        "subnet", IdPrefixes.Subnet, "SubnetId", ResourceTypes.Subnet, ResourceIdErrors.SubnetMalformed, ResourceIdErrors.SubnetNotFound,
        id => new SubnetId(id), (n, id) => n.Subnets.GetValueOrDefault(id), (s, c) => Owns(c, s.OwnerId, s.Region))
    {
        BlockedBy =
        [
            new("a network interface", (w, s) => w.Any(IndexedKinds.NetworkInterface, "subnet-id", s.Id.Value)),
            new("a NAT gateway not deleted", (w, s) => w.Any(IndexedKinds.NatGateway, "subnet-id", s.Id.Value, g => g.State != NatGatewayState.Deleted)),
            new("an instance not terminated", (w, s) => w.Any(IndexedKinds.Instance, "subnet-id", s.Id.Value, i => i.State != InstanceState.Terminated)),
        ],
        DeletionCascades =
        [
            "its route table and network ACL associations",
            "its flow logs",
            "terminated instances and deleted NAT gateways still listed in it",
        ],
    };

    public static readonly ResourceKind<RouteTableId, RouteTable> RouteTable = new(
        "route table", IdPrefixes.RouteTable, "RouteTableId", ResourceTypes.RouteTable, ResourceIdErrors.RouteTableMalformed, ResourceIdErrors.RouteTableNotFound,
        id => new RouteTableId(id), (n, id) => n.RouteTables.GetValueOrDefault(id), (t, c) => Owns(c, t.OwnerId, t.Region))
    {
        // AWS: the main table cannot be deleted; a custom table only without associations.
        BlockedBy = [new("an association", (_, t) => t.Associations.Length > 0)],
        DeletionCascades = ["VPC endpoints stop listing it (docs/semantics.md#vpc-endpoints)"],
    };

    public static readonly ResourceKind<InternetGatewayId, InternetGateway> InternetGateway = new(
        "internet gateway", IdPrefixes.InternetGateway, "InternetGatewayId", ResourceTypes.InternetGateway,
        ResourceIdErrors.InternetGatewayMalformed, ResourceIdErrors.InternetGatewayNotFound,
        id => new InternetGatewayId(id), (n, id) => n.InternetGateways.GetValueOrDefault(id), (g, c) => Owns(c, g.OwnerId, g.Region))
    {
        BlockedBy = [new("a VPC attachment", (_, g) => g.AttachedVpcId is not null)],
    };

    public static readonly ResourceKind<EgressOnlyInternetGatewayId, EgressOnlyInternetGateway> EgressOnlyInternetGateway = new(
        "egress-only internet gateway", IdPrefixes.EgressOnlyInternetGateway, "EgressOnlyInternetGatewayId", ResourceTypes.EgressOnlyInternetGateway,
        ResourceIdErrors.EgressOnlyInternetGatewayMalformed, ResourceIdErrors.EgressOnlyInternetGatewayNotFound,
        id => new EgressOnlyInternetGatewayId(id), (n, id) => n.EgressOnlyInternetGateways.GetValueOrDefault(id), (g, c) => Owns(c, g.OwnerId, g.Region))
    {
        DeletionCascades = ["routes to it stay and turn blackhole"],
    };

    public static readonly ResourceKind<NatGatewayId, NatGateway> NatGateway = new(
        "NAT gateway", IdPrefixes.NatGateway, "NatGatewayId", ResourceTypes.NatGateway, ResourceIdErrors.NatGatewayMalformed, ResourceIdErrors.NatGatewayNotFound,
        id => new NatGatewayId(id), (n, id) => n.NatGateways.GetValueOrDefault(id), (g, c) => Owns(c, g.OwnerId, g.Region))
    {
        DeletionCascades =
        [
            "its interface and that interface's flow logs",
            "its Elastic IP is disassociated (still allocated)",
            "it stays listed as deleted; routes to it turn blackhole",
        ],
    };

    public static readonly ResourceKind<AllocationId, ElasticIpAddress> ElasticIp = new(
        "Elastic IP address", IdPrefixes.Allocation, "AllocationId", ResourceTypes.ElasticIp, ResourceIdErrors.AllocationMalformed, ResourceIdErrors.AllocationNotFound,
        id => new AllocationId(id), (n, id) => n.ElasticIps.GetValueOrDefault(id), (e, c) => Owns(c, e.OwnerId, e.Region));

    public static readonly ResourceKind<SecurityGroupId, SecurityGroup> SecurityGroup = new(
        "security group", IdPrefixes.SecurityGroup, "GroupId", ResourceTypes.SecurityGroup, ResourceIdErrors.SecurityGroupMalformed, ResourceIdErrors.SecurityGroupNotFound,
        id => new SecurityGroupId(id), (n, id) => n.SecurityGroups.GetValueOrDefault(id), (g, c) => Owns(c, g.OwnerId, g.Region))
    {
        // AWS: not while another group's rule references it or an interface (or interface endpoint) carries it.
        BlockedBy =
        [
            new("a rule of another group", (w, g) => w.Any(IndexedKinds.SecurityGroup, "ip-permission.group-id", g.Id.Value, o => o.Id != g.Id)
                || w.Any(IndexedKinds.SecurityGroup, "egress.ip-permission.group-id", g.Id.Value, o => o.Id != g.Id)),
            new("a network interface", (w, g) => w.Any(IndexedKinds.NetworkInterface, "group-id", g.Id.Value)),
            new("a VPC endpoint", (w, g) => w.Any(IndexedKinds.VpcEndpoint, IndexedKinds.EndpointGroupLink, g.Id.Value)),
        ],
        DeletionCascades = ["the tags of its rules"],
    };

    /// <summary>A rule lives in its group: the record found is the group that holds it, filed in the index under the
    /// rule's id (<see cref="IndexedKinds.RuleIdLink"/>). Without the index (a bare snapshot) the groups are scanned.</summary>
    public static readonly ResourceKind<SecurityGroupRuleId, SecurityGroup> SecurityGroupRule = new(
        "security group rule", IdPrefixes.SecurityGroupRule, "SecurityGroupRuleId", ResourceTypes.SecurityGroupRule,
        ResourceIdErrors.SecurityGroupRuleMalformed, ResourceIdErrors.SecurityGroupRuleNotFound,
        id => new SecurityGroupRuleId(id), (n, id) => n.SecurityGroups.Values.FirstOrDefault(g => g.Rules.Any(r => r.Id == id)),
        (g, c) => Owns(c, g.OwnerId, g.Region))
    {
        IndexedLookup = (w, id) => w.Where(IndexedKinds.SecurityGroup, IndexedKinds.RuleIdLink, id.Value).FirstOrDefault(),
    };

    public static readonly ResourceKind<NetworkAclId, NetworkAcl> NetworkAcl = new(
        "network ACL", IdPrefixes.NetworkAcl, "NetworkAclId", ResourceTypes.NetworkAcl, ResourceIdErrors.NetworkAclMalformed, ResourceIdErrors.NetworkAclNotFound,
        id => new NetworkAclId(id), (n, id) => n.NetworkAcls.GetValueOrDefault(id), (a, c) => Owns(c, a.OwnerId, a.Region))
    {
        BlockedBy = [new("a subnet association", (_, a) => a.Associations.Length > 0)],
    };

    public static readonly ResourceKind<NetworkInterfaceId, NetworkInterface> NetworkInterface = new(
        "network interface", IdPrefixes.NetworkInterface, "NetworkInterfaceId", ResourceTypes.NetworkInterface,
        ResourceIdErrors.NetworkInterfaceMalformed, ResourceIdErrors.NetworkInterfaceNotFound,
        id => new NetworkInterfaceId(id), (n, id) => n.NetworkInterfaces.GetValueOrDefault(id), (e, c) => Owns(c, e.OwnerId, e.Region))
    {
        BlockedBy =
        [
            new("an attachment", (_, e) => e.Attachment is not null),
            new("its manager (requester-managed)", (_, e) => e.RequesterManaged),
        ],
        DeletionCascades = ["Elastic IPs mapped to it are disassociated (still allocated)", "its flow logs"],
    };

    public static readonly ResourceKind<InstanceId, Instance> Instance = new(
        "instance", IdPrefixes.Instance, "InstanceId", ResourceTypes.Instance, ResourceIdErrors.InstanceMalformed, ResourceIdErrors.InstanceNotFound,
        id => new InstanceId(id), (n, id) => n.Instances.GetValueOrDefault(id), (i, c) => Owns(c, i.OwnerId, i.Region))
    {
        DeletionCascades =
        [
            "interfaces with DeleteOnTermination (the others are detached)",
            "auto-assigned public IPv4 addresses are released",
        ],
    };

    /// <summary>The caller may use its own lists and the AWS-managed lists of its Region; it may tag only its own.</summary>
    public static readonly ResourceKind<PrefixListId, ManagedPrefixList> PrefixList = new(
        "prefix list", IdPrefixes.PrefixList, "PrefixListId", ResourceTypes.PrefixList, ResourceIdErrors.PrefixListMalformed, ResourceIdErrors.PrefixListNotFound,
        id => new PrefixListId(id), (n, id) => n.PrefixLists.GetValueOrDefault(id),
        (p, c) => p.Region == c.Region && (p.IsAwsManaged || p.OwnerId == c.Account.Value),
        isTaggableBy: (p, c) => p.OwnerId == c.Account.Value && p.Region == c.Region)
    {
        BlockedBy =
        [
            new("a route", (w, p) => w.Any(IndexedKinds.RouteTable, "route.destination-prefix-list-id", p.Id.Value)),
            new("a security group rule", (w, p) => w.Any(IndexedKinds.SecurityGroup, "ip-permission.prefix-list-id", p.Id.Value)
                || w.Any(IndexedKinds.SecurityGroup, "egress.ip-permission.prefix-list-id", p.Id.Value)),
        ],
    };

    /// <summary>Either end's owner, from its end's Region, within the visibility window of a finished connection
    /// (docs/semantics.md#vpc-peering: one shared tag set).</summary>
    public static readonly ResourceKind<VpcPeeringConnectionId, VpcPeeringConnection> VpcPeeringConnection = new(
        "VPC peering connection", IdPrefixes.VpcPeeringConnection, "VpcPeeringConnectionId", ResourceTypes.VpcPeeringConnection,
        ResourceIdErrors.PeeringMalformed, ResourceIdErrors.PeeringNotFound,
        id => new VpcPeeringConnectionId(id), (n, id) => n.VpcPeeringConnections.GetValueOrDefault(id), VpcPeeringLifecycle.IsVisible);

    public static readonly ResourceKind<VpcEndpointId, VpcEndpoint> VpcEndpoint = new(
        "VPC endpoint", IdPrefixes.VpcEndpoint, "VpcEndpointId", ResourceTypes.VpcEndpoint, ResourceIdErrors.VpcEndpointMalformed, ResourceIdErrors.VpcEndpointNotFound,
        id => new VpcEndpointId(id), (n, id) => n.VpcEndpoints.GetValueOrDefault(id), (e, c) => Owns(c, e.OwnerId, e.Region))
    {
        DeletionCascades = ["its gateway routes and its interfaces (with their flow logs)"],
    };

    /// <summary>AWS answers an ill-formed flow log id with NotFound too (DeleteFlowLogs lists it as unsuccessful).</summary>
    public static readonly ResourceKind<FlowLogId, FlowLog> FlowLog = new(
        "flow log", IdPrefixes.FlowLog, "FlowLogId", ResourceTypes.VpcFlowLog, ResourceIdErrors.FlowLogNotFound, ResourceIdErrors.FlowLogNotFound,
        id => new FlowLogId(id), (n, id) => n.FlowLogs.GetValueOrDefault(id), (f, c) => Owns(c, f.OwnerId, f.Region));

    /// <summary>Every kind, in the order above.</summary>
    public static readonly ImmutableArray<ResourceKind> All =
    [
        Vpc, Subnet, RouteTable, InternetGateway, EgressOnlyInternetGateway, NatGateway, ElasticIp, SecurityGroup, SecurityGroupRule,
        NetworkAcl, NetworkInterface, Instance, PrefixList, VpcPeeringConnection, VpcEndpoint, FlowLog, VolumeKind.Kind,
        LaunchTemplateKind.Kind,
        VpcEndpointServiceKind.Kind,
        DhcpOptionsKind.Kind,
    ];

    private static readonly FrozenDictionary<string, ResourceKind> s_byPrefix = All.ToFrozenDictionary(k => k.IdPrefix, StringComparer.Ordinal);

    /// <summary>The kind an id names by its prefix (the text before its last '-'), or null.</summary>
    public static ResourceKind? ForId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var dash = id.LastIndexOf('-');
        return dash > 0 && s_byPrefix.TryGetValue(id[..dash], out var kind) ? kind : null;
    }

    /// <summary>The DescribeTags resource type of an id the caller may tag, or null when it names nothing of theirs.</summary>
    public static string? TaggableResourceType(IndexedWorld world, string id, ResourceCaller caller) =>
        ForId(id) is { } kind && kind.IsTaggableBy(world, id, caller) ? kind.TagResourceType : null;
}
