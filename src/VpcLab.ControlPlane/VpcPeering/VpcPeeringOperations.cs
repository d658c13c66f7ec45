using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

/// <summary>VPC peering (spec gateways-endpoints-peering.md (f)): requests across accounts and Regions, AWS's
/// lifecycle and who may do what. Choices: docs/semantics.md#vpc-peering.</summary>
public sealed class VpcPeeringOperations
{
    private readonly ControlPlaneState _state;

    internal VpcPeeringOperations(ControlPlaneState state)
    {
        _state = state;
    }

    public CreateVpcPeeringConnectionResult CreateVpcPeeringConnection(RequestContext ctx, CreateVpcPeeringConnectionRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var vpc = tx.Require(ResourceKinds.Vpc, request.VpcId);
            var peerVpcId = string.IsNullOrEmpty(request.PeerVpcId) ? throw Ec2Errors.MissingParameter("PeerVpcId") : request.PeerVpcId;
            if (!ResourceKinds.Vpc.IsWellFormed(peerVpcId))
                throw ResourceIdErrors.VpcMalformed(peerVpcId);
            var peerOwner = string.IsNullOrEmpty(request.PeerOwnerId) ? tx.Account : new AccountId(request.PeerOwnerId);
            var peerRegion = string.IsNullOrEmpty(request.PeerRegion) ? tx.RegionName : request.PeerRegion;
            // The peer VPC must exist in the named account and Region (an unknown Region cannot hold it).
            if (!tx.N.Vpcs.TryGetValue(new VpcId(peerVpcId), out var peer) || peer.OwnerId != peerOwner || peer.Region != peerRegion)
                throw ResourceIdErrors.VpcNotFound(peerVpcId);
            if (peer.Id == vpc.Id)
                throw Ec2Errors.InvalidParameterValue($"The VPC peering connection cannot be created: {vpc.Id} cannot be peered with itself.");
            var existing = Of(tx, vpc.Id).Select(p => VpcPeeringLifecycle.Effective(p, tx.Now))
                .FirstOrDefault(p => VpcPeeringLifecycle.IsLive(p.State) && p.PeerOf(vpc.Id)?.VpcId == peer.Id);
            if (existing is not null)
                throw PeeringErrors.PeeringAlreadyExists(vpc.Id.Value, peer.Id.Value, existing.Id.Value);

            if (tx.Where(IndexedKinds.VpcPeeringConnection, "requester-vpc-info.owner-id", tx.Account.Value).Count(p =>
                    VpcPeeringLifecycle.Effective(p, tx.Now).State == VpcPeeringConnectionState.PendingAcceptance) >= tx.Quotas.OutstandingVpcPeeringConnectionRequests)
                throw PeeringErrors.OutstandingPeeringLimitExceeded(tx.Quotas.OutstandingVpcPeeringConnectionRequests);
            var id = new VpcPeeringConnectionId(tx.NewId(IdPrefixes.VpcPeeringConnection));
            var requester = Info(vpc);
            var accepter = Info(peer);
            // AWS fails the request at once when it can see both VPCs and any CIDR overlaps (here it always can).
            bool overlap = Overlaps(vpc, peer);
            var pcx = overlap
                ? new VpcPeeringConnection(id, requester, accepter, VpcPeeringConnectionState.Failed, OverlapMessage, tx.Now)
                : new VpcPeeringConnection(id, requester, accepter, VpcPeeringConnectionState.PendingAcceptance,
                    $"Pending Acceptance by {peerOwner}", tx.Now + VpcPeeringLifecycle.RequestLifetime);
            tx.Put(pcx);
            tx.ApplyTagSpecifications(request.TagSpecifications, ResourceTypes.VpcPeeringConnection, id.Value);
            // The response shows the transient initiating-request status, as AWS's does.
            return new CreateVpcPeeringConnectionResult(overlap ? Shown(pcx)
                : pcx with { State = VpcPeeringConnectionState.InitiatingRequest, StatusMessage = $"Initiating Request to {peerOwner}" });
        });

    public AcceptVpcPeeringConnectionResult AcceptVpcPeeringConnection(RequestContext ctx, AcceptVpcPeeringConnectionRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var pcx = Peering(tx, request.VpcPeeringConnectionId);
            if (pcx.State != VpcPeeringConnectionState.PendingAcceptance)
                throw PeeringErrors.PeeringWrongState(pcx.Id.Value);
            CheckAccepter(tx, pcx, "accept");
            // Checked again at acceptance: a CIDR may have been added to either VPC meanwhile.
            VpcPeeringConnection updated;
            if (!tx.N.Vpcs.TryGetValue(pcx.Requester.VpcId, out var requester) || !tx.N.Vpcs.TryGetValue(pcx.Accepter.VpcId, out var accepter))
            {
                updated = pcx with { State = VpcPeeringConnectionState.Failed, StatusMessage = "Failed", ExpirationTime = tx.Now };
            }
            else if (Overlaps(requester, accepter))
            {
                updated = pcx with { State = VpcPeeringConnectionState.Failed, StatusMessage = OverlapMessage, ExpirationTime = tx.Now };
            }
            else
            {
                foreach (var end in new[] { requester.Id, accepter.Id })
                {
                    if (Of(tx, end).Count(p => p.IsActive && p.PeerOf(end) is not null) >= tx.Quotas.ActiveVpcPeeringConnectionsPerVpc)
                        throw PeeringErrors.ActivePeeringLimitExceeded(end.Value, tx.Quotas.ActiveVpcPeeringConnectionsPerVpc);
                }
                updated = pcx with
                {
                    Requester = Info(requester) with { AllowDnsResolutionFromRemoteVpc = pcx.Requester.AllowDnsResolutionFromRemoteVpc },
                    Accepter = Info(accepter) with { AllowDnsResolutionFromRemoteVpc = pcx.Accepter.AllowDnsResolutionFromRemoteVpc },
                    State = VpcPeeringConnectionState.Active,
                    StatusMessage = "Active",
                    ExpirationTime = null,
                };
            }
            tx.Put(updated);
            // AWS answers with the transient provisioning status; the stored (and described) state is active.
            return new AcceptVpcPeeringConnectionResult(updated.IsActive
                ? updated with { State = VpcPeeringConnectionState.Provisioning, StatusMessage = "Provisioning" }
                : Shown(updated));
        });

    public ReturnResult RejectVpcPeeringConnection(RequestContext ctx, RejectVpcPeeringConnectionRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var pcx = Peering(tx, request.VpcPeeringConnectionId);
            if (pcx.State != VpcPeeringConnectionState.PendingAcceptance)
                throw PeeringErrors.PeeringWrongState(pcx.Id.Value);
            CheckAccepter(tx, pcx, "reject");
            var updated = pcx with { State = VpcPeeringConnectionState.Rejected, StatusMessage = $"Rejected by {tx.Account}", ExpirationTime = tx.Now };
            tx.Put(updated);
            return ReturnResult.True;
        });

    public ReturnResult DeleteVpcPeeringConnection(RequestContext ctx, DeleteVpcPeeringConnectionRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var pcx = Peering(tx, request.VpcPeeringConnectionId);
            switch (pcx.State)
            {
                case VpcPeeringConnectionState.Active:
                    break; // either owner (visibility already means the caller owns one end, in its Region)
                case VpcPeeringConnectionState.PendingAcceptance:
                    if (!VpcPeeringLifecycle.IsEnd(pcx.Requester, tx.Caller))
                        throw PeeringErrors.PeeringNotPermitted(tx.Account.Value, "delete", pcx.Id.Value);
                    break;
                default:
                    throw PeeringErrors.PeeringWrongState(pcx.Id.Value);
            }
            // An active inter-Region peering shows deleting for a while (PeeringDeletingTime), then deleted.
            var state = pcx.IsActive && pcx.IsInterRegion ? VpcPeeringConnectionState.Deleting : VpcPeeringConnectionState.Deleted;
            var updated = pcx with
            {
                State = state,
                StatusMessage = $"{(state == VpcPeeringConnectionState.Deleting ? "Deleting" : "Deleted")} by {tx.Account}",
                ExpirationTime = tx.Now,
            };
            tx.Put(updated);
            return ReturnResult.True;
        });

    public DescribeVpcPeeringConnectionsResult DescribeVpcPeeringConnections(RequestContext ctx, DescribeVpcPeeringConnectionsRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var named = Transaction.Named(request.VpcPeeringConnectionIds, id => Peering(tx, id, "VpcPeeringConnectionId"));
            // The state and its message and expiry derive from the clock: evaluated on the connection as of now.
            var schema = new FilterSchema<VpcPeeringConnection>(IndexedKinds.VpcPeeringConnection)
                .Add("expiration-time", p => p.ExpirationTime?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture))
                .Add("status-code", p => VpcPeeringLifecycle.StateName(p.State))
                .Add("status-message", p => p.StatusMessage);
            return new DescribeVpcPeeringConnectionsResult([.. schema.Select(tx, request.Filters, named).Select(Shown)]);
        });

    public ModifyVpcPeeringConnectionOptionsResult ModifyVpcPeeringConnectionOptions(RequestContext ctx, ModifyVpcPeeringConnectionOptionsRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var pcx = Peering(tx, request.VpcPeeringConnectionId);
            if (request.RequesterPeeringConnectionOptions is null && request.AccepterPeeringConnectionOptions is null)
                throw Ec2Errors.MissingParameter("RequesterPeeringConnectionOptions or AccepterPeeringConnectionOptions");
            if (pcx.State != VpcPeeringConnectionState.Active)
                throw PeeringErrors.PeeringWrongState(pcx.Id.Value);
            VpcPeeringConnectionVpcInfo Side(VpcPeeringConnectionVpcInfo info, PeeringConnectionOptionsRequest? options)
            {
                if (options is null)
                    return info;
                // Each account sets its own side only.
                if (!VpcPeeringLifecycle.IsEnd(info, tx.Caller))
                    throw Ec2Errors.OperationNotPermitted($"User ({tx.Account}) cannot modify the options of {info.VpcId} on peering {pcx.Id}: that side belongs to {info.OwnerId} in {info.Region}.");
                if (options.AllowEgressFromLocalClassicLinkToRemoteVpc == true || options.AllowEgressFromLocalVpcToRemoteClassicLink == true)
                    throw Ec2Errors.InvalidParameterValue("ClassicLink has been retired: the ClassicLink peering options cannot be enabled.");
                if (options.AllowDnsResolutionFromRemoteVpc is not { } allow)
                    return info;
                if (allow)
                {
                    foreach (var end in new[] { pcx.Requester.VpcId, pcx.Accepter.VpcId })
                    {
                        if (tx.N.Vpcs.TryGetValue(end, out var v) && !v.EnableDnsHostnames)
                            throw PeeringErrors.PeeringDnsHostnamesDisabled(end.Value);
                    }
                }
                return info with { AllowDnsResolutionFromRemoteVpc = allow };
            }
            var updated = pcx with
            {
                Requester = Side(pcx.Requester, request.RequesterPeeringConnectionOptions),
                Accepter = Side(pcx.Accepter, request.AccepterPeeringConnectionOptions),
            };
            tx.Put(updated);
            return new ModifyVpcPeeringConnectionOptionsResult(
                request.RequesterPeeringConnectionOptions is null ? null : updated.Requester.AllowDnsResolutionFromRemoteVpc,
                request.AccepterPeeringConnectionOptions is null ? null : updated.Accepter.AllowDnsResolutionFromRemoteVpc);
        });

    /// <summary>The peering connections of a VPC (either end, any state), in id order, through the index: what an
    /// operation on a VPC's peerings costs is the VPC's own peerings, not the world's.</summary>
    internal static IEnumerable<VpcPeeringConnection> Of(Transaction tx, VpcId vpc) =>
        tx.Where(IndexedKinds.VpcPeeringConnection, "requester-vpc-info.vpc-id", vpc.Value)
            .Concat(tx.Where(IndexedKinds.VpcPeeringConnection, "accepter-vpc-info.vpc-id", vpc.Value))
            .DistinctBy(p => p.Id).OrderBy(p => p.Id.Value, StringComparer.Ordinal);

    /// <summary>DeleteVpc: the VPC's live peerings (pending or active) go to deleted, with no DependencyViolation
    /// (docs/semantics.md#vpc-peering); routes to them in the other VPC turn blackhole.</summary>
    internal static void DeletePeeringsOf(Transaction tx, VpcId vpc)
    {
        // AWS: "You cannot delete a VPC for which you have a pending-acceptance request from a VPC in another
        // account. You must first reject the VPC peering connection request." (docs/semantics.md#vpc-peering)
        var peerings = Of(tx, vpc).Select(p => VpcPeeringLifecycle.Effective(p, tx.Now)).ToList();
        if (peerings.Any(p => p.State == VpcPeeringConnectionState.PendingAcceptance && p.Accepter.VpcId == vpc && p.Requester.OwnerId != p.Accepter.OwnerId))
            throw VpcErrors.VpcHasDependencies(vpc.Value);
        foreach (var pcx in peerings.Where(p => VpcPeeringLifecycle.IsLive(p.State) && p.PeerOf(vpc) is not null))
        {
            var updated = pcx with { State = VpcPeeringConnectionState.Deleted, StatusMessage = $"Deleted by {tx.Account}", ExpirationTime = tx.Now };
            tx.Put(updated);
        }
    }

    /// <summary>AssociateVpcCidrBlock and peering (spec (f) Overlap): the requester VPC of a pending request may not
    /// add any CIDR; a CIDR overlapping the peer of an active peering is refused; otherwise an active peering
    /// records the new CIDR on that end. (An accepter adding an overlapping CIDR while pending fails the request
    /// at acceptance.)</summary>
    internal static void PeeringsOnNewCidr(Transaction tx, VpcId vpc, Cidr cidr)
    {
        foreach (var pcx in Of(tx, vpc).Select(p => VpcPeeringLifecycle.Effective(p, tx.Now)).Where(p => p.PeerOf(vpc) is not null).ToList())
        {
            if (pcx.State == VpcPeeringConnectionState.PendingAcceptance && pcx.Requester.VpcId == vpc)
                throw Ec2Errors.OperationNotPermitted($"The CIDR block {cidr} cannot be associated with {vpc}: it requested VPC peering connection {pcx.Id}, which is pending acceptance.");
            if (!pcx.IsActive)
                continue;
            var peer = pcx.PeerOf(vpc)!;
            if (peer.CidrBlocks.Concat(peer.Ipv6CidrBlocks).Any(c => c.Family == cidr.Family && (c.Contains(cidr) || cidr.Contains(c))))
                throw Ec2Errors.InvalidParameterValue($"The CIDR block {cidr} overlaps a CIDR of {peer.VpcId}, peered with {vpc} by {pcx.Id}.");
            static VpcPeeringConnectionVpcInfo With(VpcPeeringConnectionVpcInfo end, Cidr c) => c.IsV4
                ? end with { CidrBlocks = end.CidrBlocks.Add(c) }
                : end with { Ipv6CidrBlocks = end.Ipv6CidrBlocks.Add(c) };
            var updated = pcx.Requester.VpcId == vpc ? pcx with { Requester = With(pcx.Requester, cidr) } : pcx with { Accepter = With(pcx.Accepter, cidr) };
            tx.Put(updated);
        }
    }

    /// <summary>A connection as Describe prints it: ExpirationTime only while a request is pending (or expired).</summary>
    private static VpcPeeringConnection Shown(VpcPeeringConnection pcx) =>
        pcx.State is VpcPeeringConnectionState.PendingAcceptance or VpcPeeringConnectionState.Expired or VpcPeeringConnectionState.InitiatingRequest
            ? pcx
            : pcx with { ExpirationTime = null };

    private const string OverlapMessage = "Overlapping CIDR range";

    private static VpcPeeringConnectionVpcInfo Info(Vpc vpc) => new(
        vpc.OwnerId, vpc.Region, vpc.Id,
        [.. vpc.CidrBlocks.Where(b => b.State == CidrBlockState.Associated).Select(b => b.Cidr)],
        [.. vpc.Ipv6CidrBlocks.Where(b => b.State == CidrBlockState.Associated).Select(b => b.Cidr)],
        false);

    /// <summary>Any IPv4 CIDR (primary or secondary) of one overlapping any of the other, or any IPv6 CIDR likewise.</summary>
    private static bool Overlaps(Vpc a, Vpc b) =>
        a.AssociatedCidrs.Any(x => b.AssociatedCidrs.Any(y => x.Family == y.Family && (x.Contains(y) || y.Contains(x))));

    /// <summary>Only the accepter's owner may accept or reject, and only from the accepter's Region.</summary>
    private static void CheckAccepter(Transaction tx, VpcPeeringConnection pcx, string verb)
    {
        if (tx.Account != pcx.Accepter.OwnerId)
            throw PeeringErrors.PeeringNotPermitted(tx.Account.Value, verb, pcx.Id.Value);
        if (tx.RegionName != pcx.Accepter.Region)
            throw PeeringErrors.PeeringWrongRegion(tx.RegionName, pcx.Id.Value, pcx.Accepter.Region);
    }

    /// <summary>A connection the caller can see (<see cref="ResourceKinds.VpcPeeringConnection"/>), as of now.</summary>
    private static VpcPeeringConnection Peering(Transaction tx, string? id, string? parameter = null) =>
        VpcPeeringLifecycle.Effective(tx.Require(ResourceKinds.VpcPeeringConnection, id, parameter), tx.Now);

    /// <summary>A route target: a connection the caller can see, of which the table's VPC is one end, that is
    /// pending acceptance (the route is a blackhole until active) or active (docs/semantics.md#vpc-peering).</summary>
    internal static RouteTarget PeeringRouteTarget(Transaction tx, RouteTable table, string id)
    {
        var pcx = Peering(tx, id);
        if (pcx.State is not (VpcPeeringConnectionState.PendingAcceptance or VpcPeeringConnectionState.Active))
            throw ResourceIdErrors.PeeringNotFound(id);
        if (pcx.PeerOf(table.VpcId) is null)
            throw Ec2Errors.InvalidParameterValue($"route table {table.Id} and VPC peering connection {id} belong to different networks");
        return new RouteTarget(RouteTargetKind.VpcPeeringConnection, id);
    }
}
