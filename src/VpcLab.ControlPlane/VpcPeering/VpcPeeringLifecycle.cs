using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>A peering connection's lifecycle as time passes (spec gateways-endpoints-peering.md (f)): expiry of a
/// pending request, the transient deleting state, how long a finished connection stays visible and to whom, and
/// AWS's state names. Derived from the clock on every read and every action; never stored.
/// Choices: docs/semantics.md#vpc-peering.</summary>
public static class VpcPeeringLifecycle
{
    /// <summary>AWS: a request not acted on expires after 168 hours (fixed).</summary>
    public static readonly TimeSpan RequestLifetime = TimeSpan.FromDays(7);

    /// <summary>How long an inter-Region deletion shows <c>deleting</c> (AWS: "transient"; choice in
    /// docs/semantics.md#vpc-peering).</summary>
    public static readonly TimeSpan DeletingTime = TimeSpan.FromMinutes(1);

    /// <summary>The short and long visibility windows of finished connections (spec (f) lifecycle table).</summary>
    public static readonly TimeSpan ShortVisibility = TimeSpan.FromHours(2);
    public static readonly TimeSpan LongVisibility = TimeSpan.FromDays(2);

    /// <summary>AWS's status.code spelling.</summary>
    public static string StateName(VpcPeeringConnectionState state) => state switch
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
    /// expired, and an inter-Region deletion past <see cref="DeletingTime"/> is deleted. A finished connection's
    /// ExpirationTime holds the moment it finished (for expired: its expiration), from which its visibility window
    /// runs.</summary>
    public static VpcPeeringConnection Effective(VpcPeeringConnection pcx, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pcx);
        return pcx.State switch
        {
            VpcPeeringConnectionState.PendingAcceptance when pcx.ExpirationTime is { } expires && now >= expires =>
                pcx with { State = VpcPeeringConnectionState.Expired, StatusMessage = "Expired" },
            VpcPeeringConnectionState.Deleting when pcx.ExpirationTime is { } since && now >= since + DeletingTime =>
                pcx with
                {
                    State = VpcPeeringConnectionState.Deleted,
                    StatusMessage = pcx.StatusMessage.Replace("Deleting by", "Deleted by", StringComparison.Ordinal),
                    ExpirationTime = since + DeletingTime,
                },
            _ => pcx,
        };
    }

    /// <summary>Requested, pending, provisioning or active: a connection that still joins its VPCs (or will).</summary>
    public static bool IsLive(VpcPeeringConnectionState state) => state is VpcPeeringConnectionState.InitiatingRequest
        or VpcPeeringConnectionState.PendingAcceptance or VpcPeeringConnectionState.Provisioning or VpcPeeringConnectionState.Active;

    /// <summary>True when the caller is this end's owner calling from this end's Region.</summary>
    public static bool IsEnd(VpcPeeringConnectionVpcInfo end, ResourceCaller caller)
    {
        ArgumentNullException.ThrowIfNull(end);
        return caller.Owns(end.OwnerId, end.Region);
    }

    /// <summary>The owner rule of peering connections (<see cref="ResourceKinds.VpcPeeringConnection"/>): both
    /// owners see a connection, each from its own end's Region; a finished one only for its visibility window (a
    /// finished record without its end time, e.g. from an old snapshot, stays visible).</summary>
    public static bool IsVisible(VpcPeeringConnection pcx, ResourceCaller caller)
    {
        ArgumentNullException.ThrowIfNull(pcx);
        bool requester = IsEnd(pcx.Requester, caller);
        if (!requester && !IsEnd(pcx.Accepter, caller))
            return false;
        var now = Effective(pcx, caller.Now);
        return VisibilityWindow(now, caller.Account, requester) is not { } window || now.ExpirationTime is not { } ended
            || caller.Now < ended + window;
    }

    /// <summary>How long a finished connection stays visible to the owner of one end (null: not finished).
    /// failed: 2 h (AWS names the requester; the accepter's view is unconfirmed, we show it alike); expired: both
    /// 2 days; rejected: the requester 2 days, the accepter 2 h; deleted: the deleting owner 2 h, the other 2 days;
    /// within one account always 2 h.</summary>
    private static TimeSpan? VisibilityWindow(VpcPeeringConnection pcx, AccountId viewer, bool viewerIsRequester)
    {
        bool sameAccount = pcx.Requester.OwnerId == pcx.Accepter.OwnerId;
        return pcx.State switch
        {
            VpcPeeringConnectionState.Failed => ShortVisibility,
            VpcPeeringConnectionState.Expired => LongVisibility,
            VpcPeeringConnectionState.Rejected => sameAccount || !viewerIsRequester ? ShortVisibility : LongVisibility,
            VpcPeeringConnectionState.Deleted => sameAccount || pcx.StatusMessage == $"Deleted by {viewer}" ? ShortVisibility : LongVisibility,
            _ => null,
        };
    }
}
