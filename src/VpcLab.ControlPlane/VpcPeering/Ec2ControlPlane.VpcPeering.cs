using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

/// <summary>VPC peering (spec gateways-endpoints-peering.md (f)): requests across accounts and Regions, AWS's
/// lifecycle and who may do what. Choices: docs/semantics.md#vpc-peering.</summary>
public sealed partial class Ec2ControlPlane
{
    /// <summary>The TagSpecification resource type of a peering connection.</summary>
    public const string VpcPeeringConnectionResourceType = "vpc-peering-connection";

    /// <summary>AWS: a request not acted on expires after 168 hours (fixed).</summary>
    public static readonly TimeSpan PeeringRequestLifetime = TimeSpan.FromDays(7);

    public CreateVpcPeeringConnectionResult CreateVpcPeeringConnection(RequestContext ctx, CreateVpcPeeringConnectionRequest request) =>
        Mutate(ctx, request.DryRun, tx =>
        {
            var vpc = tx.Vpc(request.VpcId);
            var peerVpcId = string.IsNullOrEmpty(request.PeerVpcId) ? throw Ec2Errors.MissingParameter("PeerVpcId") : request.PeerVpcId;
            if (!IdGenerator.IsWellFormed(peerVpcId, IdPrefixes.Vpc))
                throw Ec2Errors.VpcMalformed(peerVpcId);
            var peerOwner = string.IsNullOrEmpty(request.PeerOwnerId) ? tx.Account : new AccountId(request.PeerOwnerId);
            var peerRegion = string.IsNullOrEmpty(request.PeerRegion) ? tx.RegionName : request.PeerRegion;
            // The peer VPC must exist in the named account and Region (an unknown Region cannot hold it).
            if (!tx.N.Vpcs.TryGetValue(new VpcId(peerVpcId), out var peer) || peer.OwnerId != peerOwner || peer.Region != peerRegion)
                throw Ec2Errors.VpcNotFound(peerVpcId);
            if (peer.Id == vpc.Id)
                throw Ec2Errors.InvalidParameterValue($"The VPC peering connection cannot be created: {vpc.Id} cannot be peered with itself.");
            var existing = tx.N.VpcPeeringConnections.Values.Select(p => Effective(p, tx.Now))
                .FirstOrDefault(p => IsLive(p.State) && p.PeerOf(vpc.Id)?.VpcId == peer.Id);
            if (existing is not null)
                throw Ec2Errors.PeeringAlreadyExists(vpc.Id.Value, peer.Id.Value, existing.Id.Value);

            if (tx.N.VpcPeeringConnections.Values.Count(p => p.Requester.OwnerId == tx.Account
                    && Effective(p, tx.Now).State == VpcPeeringConnectionState.PendingAcceptance) >= tx.Quotas.OutstandingVpcPeeringConnectionRequests)
                throw Ec2Errors.OutstandingPeeringLimitExceeded(tx.Quotas.OutstandingVpcPeeringConnectionRequests);
            var id = new VpcPeeringConnectionId(tx.NewId(IdPrefixes.VpcPeeringConnection));
            var requester = Info(vpc);
            var accepter = Info(peer);
            // AWS fails the request at once when it can see both VPCs and any CIDR overlaps (here it always can).
            bool overlap = Overlaps(vpc, peer);
            var pcx = overlap
                ? new VpcPeeringConnection(id, requester, accepter, VpcPeeringConnectionState.Failed, OverlapMessage, tx.Now)
                : new VpcPeeringConnection(id, requester, accepter, VpcPeeringConnectionState.PendingAcceptance,
                    $"Pending Acceptance by {peerOwner}", tx.Now + PeeringRequestLifetime);
            tx.N = tx.N with { VpcPeeringConnections = tx.N.VpcPeeringConnections.SetItem(id, pcx) };
            tx.ApplyTagSpecifications(request.TagSpecifications, VpcPeeringConnectionResourceType, id.Value);
            // The response shows the transient initiating-request status, as AWS's does.
            return new CreateVpcPeeringConnectionResult(overlap ? Shown(pcx)
                : pcx with { State = VpcPeeringConnectionState.InitiatingRequest, StatusMessage = $"Initiating Request to {peerOwner}" });
        });

    public AcceptVpcPeeringConnectionResult AcceptVpcPeeringConnection(RequestContext ctx, AcceptVpcPeeringConnectionRequest request) =>
        Mutate(ctx, request.DryRun, tx =>
        {
            var pcx = Peering(tx, request.VpcPeeringConnectionId);
            if (pcx.State != VpcPeeringConnectionState.PendingAcceptance)
                throw Ec2Errors.PeeringWrongState(pcx.Id.Value);
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
                    if (tx.N.VpcPeeringConnections.Values.Count(p => p.IsActive && p.PeerOf(end) is not null) >= tx.Quotas.ActiveVpcPeeringConnectionsPerVpc)
                        throw Ec2Errors.ActivePeeringLimitExceeded(end.Value, tx.Quotas.ActiveVpcPeeringConnectionsPerVpc);
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
            tx.N = tx.N with { VpcPeeringConnections = tx.N.VpcPeeringConnections.SetItem(pcx.Id, updated) };
            // AWS answers with the transient provisioning status; the stored (and described) state is active.
            return new AcceptVpcPeeringConnectionResult(updated.IsActive
                ? updated with { State = VpcPeeringConnectionState.Provisioning, StatusMessage = "Provisioning" }
                : Shown(updated));
        });

    public ReturnResult RejectVpcPeeringConnection(RequestContext ctx, RejectVpcPeeringConnectionRequest request) =>
        Mutate(ctx, request.DryRun, tx =>
        {
            var pcx = Peering(tx, request.VpcPeeringConnectionId);
            if (pcx.State != VpcPeeringConnectionState.PendingAcceptance)
                throw Ec2Errors.PeeringWrongState(pcx.Id.Value);
            CheckAccepter(tx, pcx, "reject");
            var updated = pcx with { State = VpcPeeringConnectionState.Rejected, StatusMessage = $"Rejected by {tx.Account}", ExpirationTime = tx.Now };
            tx.N = tx.N with { VpcPeeringConnections = tx.N.VpcPeeringConnections.SetItem(pcx.Id, updated) };
            return ReturnResult.True;
        });

    public ReturnResult DeleteVpcPeeringConnection(RequestContext ctx, DeleteVpcPeeringConnectionRequest request) =>
        Mutate(ctx, request.DryRun, tx =>
        {
            var pcx = Peering(tx, request.VpcPeeringConnectionId);
            switch (pcx.State)
            {
                case VpcPeeringConnectionState.Active:
                    break; // either owner (visibility already means the caller owns one end, in its Region)
                case VpcPeeringConnectionState.PendingAcceptance:
                    if (!IsEnd(tx, pcx.Requester))
                        throw Ec2Errors.PeeringNotPermitted(tx.Account.Value, "delete", pcx.Id.Value);
                    break;
                default:
                    throw Ec2Errors.PeeringWrongState(pcx.Id.Value);
            }
            // An active inter-Region peering shows deleting for a while (PeeringDeletingTime), then deleted.
            var state = pcx.IsActive && pcx.IsInterRegion ? VpcPeeringConnectionState.Deleting : VpcPeeringConnectionState.Deleted;
            var updated = pcx with
            {
                State = state,
                StatusMessage = $"{(state == VpcPeeringConnectionState.Deleting ? "Deleting" : "Deleted")} by {tx.Account}",
                ExpirationTime = tx.Now,
            };
            tx.N = tx.N with { VpcPeeringConnections = tx.N.VpcPeeringConnections.SetItem(pcx.Id, updated) };
            return ReturnResult.True;
        });

    public DescribeVpcPeeringConnectionsResult DescribeVpcPeeringConnections(RequestContext ctx, DescribeVpcPeeringConnectionsRequest request) =>
        Read(ctx, request.DryRun, tx =>
        {
            var all = tx.N.VpcPeeringConnections.Values.Where(p => Visible(tx, p)).Select(p => Effective(p, tx.Now));
            var selected = Transaction.ByIds(request.VpcPeeringConnectionIds, all, id => Peering(tx, id, "VpcPeeringConnectionId"));
            var schema = new FilterSchema<VpcPeeringConnection>(p => p.Id.Value)
                .AddMany("accepter-vpc-info.cidr-block", p => CidrTexts(p.Accepter))
                .Add("accepter-vpc-info.owner-id", p => p.Accepter.OwnerId.Value)
                .Add("accepter-vpc-info.vpc-id", p => p.Accepter.VpcId.Value)
                .Add("expiration-time", p => p.ExpirationTime?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture))
                .AddMany("requester-vpc-info.cidr-block", p => CidrTexts(p.Requester))
                .Add("requester-vpc-info.owner-id", p => p.Requester.OwnerId.Value)
                .Add("requester-vpc-info.vpc-id", p => p.Requester.VpcId.Value)
                .Add("status-code", p => PeeringStateName(p.State))
                .Add("status-message", p => p.StatusMessage)
                .Add("vpc-peering-connection-id", p => p.Id.Value);
            return new DescribeVpcPeeringConnectionsResult(
                [.. schema.Apply(selected, request.Filters, tx.N).OrderBy(p => p.Id.Value, StringComparer.Ordinal).Select(Shown)]);
        });

    public ModifyVpcPeeringConnectionOptionsResult ModifyVpcPeeringConnectionOptions(RequestContext ctx, ModifyVpcPeeringConnectionOptionsRequest request) =>
        Mutate(ctx, request.DryRun, tx =>
        {
            var pcx = Peering(tx, request.VpcPeeringConnectionId);
            if (request.RequesterPeeringConnectionOptions is null && request.AccepterPeeringConnectionOptions is null)
                throw Ec2Errors.MissingParameter("RequesterPeeringConnectionOptions or AccepterPeeringConnectionOptions");
            if (pcx.State != VpcPeeringConnectionState.Active)
                throw Ec2Errors.PeeringWrongState(pcx.Id.Value);
            VpcPeeringConnectionVpcInfo Side(VpcPeeringConnectionVpcInfo info, PeeringConnectionOptionsRequest? options)
            {
                if (options is null)
                    return info;
                // Each account sets its own side only.
                if (!IsEnd(tx, info))
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
                            throw Ec2Errors.PeeringDnsHostnamesDisabled(end.Value);
                    }
                }
                return info with { AllowDnsResolutionFromRemoteVpc = allow };
            }
            var updated = pcx with
            {
                Requester = Side(pcx.Requester, request.RequesterPeeringConnectionOptions),
                Accepter = Side(pcx.Accepter, request.AccepterPeeringConnectionOptions),
            };
            tx.N = tx.N with { VpcPeeringConnections = tx.N.VpcPeeringConnections.SetItem(pcx.Id, updated) };
            return new ModifyVpcPeeringConnectionOptionsResult(
                request.RequesterPeeringConnectionOptions is null ? null : updated.Requester.AllowDnsResolutionFromRemoteVpc,
                request.AccepterPeeringConnectionOptions is null ? null : updated.Accepter.AllowDnsResolutionFromRemoteVpc);
        });

    /// <summary>DeleteVpc: the VPC's live peerings (pending or active) go to deleted, with no DependencyViolation
    /// (docs/semantics.md#vpc-peering); routes to them in the other VPC turn blackhole.</summary>
    private static void DeletePeeringsOf(Transaction tx, VpcId vpc)
    {
        foreach (var pcx in tx.N.VpcPeeringConnections.Values.Select(p => Effective(p, tx.Now)).Where(p => IsLive(p.State) && p.PeerOf(vpc) is not null).ToList())
        {
            var updated = pcx with { State = VpcPeeringConnectionState.Deleted, StatusMessage = $"Deleted by {tx.Account}", ExpirationTime = tx.Now };
            tx.N = tx.N with { VpcPeeringConnections = tx.N.VpcPeeringConnections.SetItem(pcx.Id, updated) };
        }
    }

    /// <summary>AssociateVpcCidrBlock and peering (spec (f) Overlap): the requester VPC of a pending request may not
    /// add any CIDR; a CIDR overlapping the peer of an active peering is refused; otherwise an active peering
    /// records the new CIDR on that end. (An accepter adding an overlapping CIDR while pending fails the request
    /// at acceptance.)</summary>
    private static void PeeringsOnNewCidr(Transaction tx, VpcId vpc, Cidr cidr)
    {
        foreach (var pcx in tx.N.VpcPeeringConnections.Values.Select(p => Effective(p, tx.Now)).Where(p => p.PeerOf(vpc) is not null).ToList())
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
            tx.N = tx.N with { VpcPeeringConnections = tx.N.VpcPeeringConnections.SetItem(pcx.Id, updated) };
        }
    }

    /// <summary>AWS's status.code spelling.</summary>
    public static string PeeringStateName(VpcPeeringConnectionState state) => state switch
    {
        VpcPeeringConnectionState.InitiatingRequest => "initiating-request",
        VpcPeeringConnectionState.PendingAcceptance => "pending-acceptance",
        VpcPeeringConnectionState.Provisioning => "provisioning",
        VpcPeeringConnectionState.Active => "active",
        VpcPeeringConnectionState.Deleting => "deleting",
        VpcPeeringConnectionState.Deleted => "deleted",
        VpcPeeringConnectionState.Rejected => "rejected",
        VpcPeeringConnectionState.Failed => "failed",
        _ => "expired",
    };

    /// <summary>The connection as of <paramref name="now"/>: a pending request past its expiration time is
    /// expired, and an inter-Region deletion past <see cref="PeeringDeletingTime"/> is deleted (derived from the
    /// clock on every read and every action; never stored). A finished connection's ExpirationTime holds the moment
    /// it finished (for expired: its expiration), from which its visibility window runs.</summary>
    public static VpcPeeringConnection Effective(VpcPeeringConnection pcx, DateTimeOffset now) => pcx.State switch
    {
        VpcPeeringConnectionState.PendingAcceptance when pcx.ExpirationTime is { } expires && now >= expires =>
            pcx with { State = VpcPeeringConnectionState.Expired, StatusMessage = "Expired" },
        VpcPeeringConnectionState.Deleting when pcx.ExpirationTime is { } since && now >= since + PeeringDeletingTime =>
            pcx with
            {
                State = VpcPeeringConnectionState.Deleted,
                StatusMessage = pcx.StatusMessage.Replace("Deleting by", "Deleted by", StringComparison.Ordinal),
                ExpirationTime = since + PeeringDeletingTime,
            },
        _ => pcx,
    };

    /// <summary>How long an inter-Region deletion shows <c>deleting</c> (AWS: "transient"; choice in
    /// docs/semantics.md#vpc-peering).</summary>
    public static readonly TimeSpan PeeringDeletingTime = TimeSpan.FromMinutes(1);

    /// <summary>The short and long visibility windows of finished connections (spec (f) lifecycle table).</summary>
    public static readonly TimeSpan PeeringShortVisibility = TimeSpan.FromHours(2);
    public static readonly TimeSpan PeeringLongVisibility = TimeSpan.FromDays(2);

    /// <summary>How long a finished connection stays visible to the owner of one end (null: not finished).
    /// failed: 2 h (AWS names the requester; the accepter's view is unconfirmed, we show it alike); expired: both 2 days; rejected: the requester 2 days,
    /// the accepter 2 h; deleted: the deleting owner 2 h, the other 2 days; within one account always 2 h.</summary>
    private static TimeSpan? VisibilityWindow(VpcPeeringConnection pcx, AccountId viewer, bool viewerIsRequester)
    {
        bool sameAccount = pcx.Requester.OwnerId == pcx.Accepter.OwnerId;
        return pcx.State switch
        {
            VpcPeeringConnectionState.Failed => PeeringShortVisibility,
            VpcPeeringConnectionState.Expired => PeeringLongVisibility,
            VpcPeeringConnectionState.Rejected => sameAccount || !viewerIsRequester ? PeeringShortVisibility : PeeringLongVisibility,
            VpcPeeringConnectionState.Deleted => sameAccount || pcx.StatusMessage == $"Deleted by {viewer}" ? PeeringShortVisibility : PeeringLongVisibility,
            _ => null,
        };
    }

    /// <summary>A connection as Describe prints it: ExpirationTime only while a request is pending (or expired).</summary>
    private static VpcPeeringConnection Shown(VpcPeeringConnection pcx) =>
        pcx.State is VpcPeeringConnectionState.PendingAcceptance or VpcPeeringConnectionState.Expired or VpcPeeringConnectionState.InitiatingRequest
            ? pcx
            : pcx with { ExpirationTime = null };

    private const string OverlapMessage = "Overlapping CIDR range";

    private static bool IsLive(VpcPeeringConnectionState state) => state is VpcPeeringConnectionState.InitiatingRequest
        or VpcPeeringConnectionState.PendingAcceptance or VpcPeeringConnectionState.Provisioning or VpcPeeringConnectionState.Active;

    private static VpcPeeringConnectionVpcInfo Info(Vpc vpc) => new(
        vpc.OwnerId, vpc.Region, vpc.Id,
        [.. vpc.CidrBlocks.Where(b => b.State == CidrBlockState.Associated).Select(b => b.Cidr)],
        [.. vpc.Ipv6CidrBlocks.Where(b => b.State == CidrBlockState.Associated).Select(b => b.Cidr)],
        false);

    /// <summary>Any IPv4 CIDR (primary or secondary) of one overlapping any of the other, or any IPv6 CIDR likewise.</summary>
    private static bool Overlaps(Vpc a, Vpc b) =>
        a.AssociatedCidrs.Any(x => b.AssociatedCidrs.Any(y => x.Family == y.Family && (x.Contains(y) || y.Contains(x))));

    private static IEnumerable<string> CidrTexts(VpcPeeringConnectionVpcInfo info) =>
        info.CidrBlocks.Concat(info.Ipv6CidrBlocks).Select(c => c.ToString());

    /// <summary>True when the caller is this end's owner calling from this end's Region.</summary>
    private static bool IsEnd(Transaction tx, VpcPeeringConnectionVpcInfo end) => tx.Owned(end.OwnerId, end.Region);

    /// <summary>Both owners see a connection, each from its own end's Region; a finished one only for its
    /// visibility window (a finished record without its end time, e.g. from an old snapshot, stays visible).</summary>
    private static bool Visible(Transaction tx, VpcPeeringConnection pcx)
    {
        bool requester = IsEnd(tx, pcx.Requester);
        if (!requester && !IsEnd(tx, pcx.Accepter))
            return false;
        var now = Effective(pcx, tx.Now);
        return VisibilityWindow(now, tx.Account, requester) is not { } window || now.ExpirationTime is not { } ended
            || tx.Now < ended + window;
    }

    /// <summary>Only the accepter's owner may accept or reject, and only from the accepter's Region.</summary>
    private static void CheckAccepter(Transaction tx, VpcPeeringConnection pcx, string verb)
    {
        if (tx.Account != pcx.Accepter.OwnerId)
            throw Ec2Errors.PeeringNotPermitted(tx.Account.Value, verb, pcx.Id.Value);
        if (tx.RegionName != pcx.Accepter.Region)
            throw Ec2Errors.PeeringWrongRegion(tx.RegionName, pcx.Id.Value, pcx.Accepter.Region);
    }

    /// <summary>A connection the caller can see (id shape, then existence and visibility), as of now.</summary>
    private static VpcPeeringConnection Peering(Transaction tx, string? id, string parameter = "VpcPeeringConnectionId")
    {
        if (string.IsNullOrEmpty(id))
            throw Ec2Errors.MissingParameter(parameter);
        if (!IdGenerator.IsWellFormed(id, IdPrefixes.VpcPeeringConnection))
            throw Ec2Errors.PeeringMalformed(id);
        return tx.N.VpcPeeringConnections.TryGetValue(new VpcPeeringConnectionId(id), out var pcx) && Visible(tx, pcx)
            ? Effective(pcx, tx.Now)
            : throw Ec2Errors.PeeringNotFound(id);
    }

    /// <summary>A route target: a connection the caller can see, of which the table's VPC is one end, that is
    /// pending acceptance (the route is a blackhole until active) or active (docs/semantics.md#vpc-peering).</summary>
    private static RouteTarget PeeringRouteTarget(Transaction tx, RouteTable table, string id)
    {
        var pcx = Peering(tx, id);
        if (pcx.State is not (VpcPeeringConnectionState.PendingAcceptance or VpcPeeringConnectionState.Active))
            throw Ec2Errors.PeeringNotFound(id);
        if (pcx.PeerOf(table.VpcId) is null)
            throw Ec2Errors.InvalidParameterValue($"route table {table.Id} and VPC peering connection {id} belong to different networks");
        return new RouteTarget(RouteTargetKind.VpcPeeringConnection, id);
    }
}
