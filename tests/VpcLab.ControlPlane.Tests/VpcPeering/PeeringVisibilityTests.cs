using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests.VpcPeering;

/// <summary>How long finished peering connections stay visible, per owner, and the transient deleting status
/// (spec gateways-endpoints-peering.md (f) lifecycle table; docs/semantics.md#vpc-peering). Account 1 requests from
/// us-east-1, account 2 owns the accepter VPC (us-east-1, or eu-west-1 for inter-Region).</summary>
public sealed class PeeringVisibilityTests
{
    private static readonly RequestContext A = RequestContext.For("111111111111");
    private static readonly RequestContext B = RequestContext.For("222222222222");
    private static readonly RequestContext BWest = RequestContext.For("222222222222", "eu-west-1");

    private static readonly TimeSpan Hours2 = TimeSpan.FromHours(2);
    private static readonly TimeSpan Days2 = TimeSpan.FromDays(2);

    public enum Ending { DeletedByRequester, DeletedByAccepter, RejectedByAccepter, Expired, Failed, DeletedSameAccount, RejectedSameAccount }

    /// <summary>Sets up a connection that ends as asked, and returns the lab, its id and the code it ends with.</summary>
    private static (TestLab Lab, string Id) End(Ending ending)
    {
        var lab = new TestLab();
        bool same = ending is Ending.DeletedSameAccount or Ending.RejectedSameAccount;
        var accepterCtx = same ? A : B;
        var a = lab.Vpc("10.0.0.0/16", ctx: A);
        var b = lab.Vpc(ending == Ending.Failed ? "10.0.0.0/16" : "10.1.0.0/16", ctx: accepterCtx);
        var id = lab.Cp.CreateVpcPeeringConnection(A, new CreateVpcPeeringConnectionRequest
        {
            VpcId = a.Id.Value, PeerVpcId = b.Id.Value, PeerOwnerId = b.OwnerId.Value, PeerRegion = b.Region,
        }).VpcPeeringConnection.Id.Value;
        switch (ending)
        {
            case Ending.DeletedByRequester or Ending.DeletedByAccepter or Ending.DeletedSameAccount:
                lab.Cp.AcceptVpcPeeringConnection(accepterCtx, new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = id });
                lab.Cp.DeleteVpcPeeringConnection(ending == Ending.DeletedByAccepter ? B : A, new DeleteVpcPeeringConnectionRequest { VpcPeeringConnectionId = id });
                break;
            case Ending.RejectedByAccepter or Ending.RejectedSameAccount:
                lab.Cp.RejectVpcPeeringConnection(accepterCtx, new RejectVpcPeeringConnectionRequest { VpcPeeringConnectionId = id });
                break;
            case Ending.Expired:
                lab.Clock.Advance(Ec2ControlPlane.PeeringRequestLifetime);
                break;
        }
        return (lab, id);
    }

    private static VpcPeeringConnection? Seen(TestLab lab, RequestContext ctx, string id) =>
        lab.Cp.DescribeVpcPeeringConnections(ctx, new DescribeVpcPeeringConnectionsRequest())
            .VpcPeeringConnections.SingleOrDefault(p => p.Id.Value == id);

    /// <summary>(how it ended, the state it shows, who looks: "requester"/"accepter", how long it stays visible).</summary>
    public static TheoryData<Ending, VpcPeeringConnectionState, string, TimeSpan> Cases => new()
    {
        // AWS: deleted: the owner who deleted sees it 2 hours, the other owner 2 days.
        { Ending.DeletedByRequester, VpcPeeringConnectionState.Deleted, "requester", Hours2 },
        { Ending.DeletedByRequester, VpcPeeringConnectionState.Deleted, "accepter", Days2 },
        { Ending.DeletedByAccepter, VpcPeeringConnectionState.Deleted, "requester", Days2 },
        { Ending.DeletedByAccepter, VpcPeeringConnectionState.Deleted, "accepter", Hours2 },
        // AWS: rejected: the requester 2 days, the accepter 2 hours.
        { Ending.RejectedByAccepter, VpcPeeringConnectionState.Rejected, "requester", Days2 },
        { Ending.RejectedByAccepter, VpcPeeringConnectionState.Rejected, "accepter", Hours2 },
        // AWS: within one account, 2 hours.
        { Ending.DeletedSameAccount, VpcPeeringConnectionState.Deleted, "requester", Hours2 },
        { Ending.RejectedSameAccount, VpcPeeringConnectionState.Rejected, "requester", Hours2 },
        // AWS: expired: both sides 2 days.
        { Ending.Expired, VpcPeeringConnectionState.Expired, "requester", Days2 },
        { Ending.Expired, VpcPeeringConnectionState.Expired, "accepter", Days2 },
        // AWS: failed: 2 hours.
        { Ending.Failed, VpcPeeringConnectionState.Failed, "requester", Hours2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finished_connections_stay_visible_for_their_window(Ending ending, VpcPeeringConnectionState state, string viewer, TimeSpan window)
    {
        var (lab, id) = End(ending);
        bool same = ending is Ending.DeletedSameAccount or Ending.RejectedSameAccount;
        var ctx = viewer == "requester" || same ? A : B;
        var seen = Seen(lab, ctx, id);
        Assert.NotNull(seen);
        Assert.Equal(state, seen.State);
        lab.Clock.Advance(window - TimeSpan.FromSeconds(1));
        Assert.NotNull(Seen(lab, ctx, id));
        lab.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(Seen(lab, ctx, id));
        // Gone means gone: asking by id is NotFound.
        var error = Assert.Throws<Ec2Exception>(() => lab.Cp.DescribeVpcPeeringConnections(ctx,
            new DescribeVpcPeeringConnectionsRequest { VpcPeeringConnectionIds = [id] }));
        Assert.Equal("InvalidVpcPeeringConnectionID.NotFound", error.Code.Code);
    }

    // ExpirationTime is a pending request's; a finished connection does not show one (expired keeps its own).
    [Theory]
    [InlineData(Ending.DeletedByRequester, false)]
    [InlineData(Ending.RejectedByAccepter, false)]
    [InlineData(Ending.Failed, false)]
    [InlineData(Ending.Expired, true)]
    public void Finished_connections_show_no_expiration_time_except_expired(Ending ending, bool shown)
    {
        var (lab, id) = End(ending);
        Assert.Equal(shown, Seen(lab, A, id)!.ExpirationTime is not null);
    }

    // AWS: deleting an inter-Region peering shows deleting first, then deleted; routes to it are blackholes at once.
    [Fact]
    public void Inter_region_delete_shows_deleting_then_deleted()
    {
        var lab = new TestLab();
        var a = lab.Vpc("10.0.0.0/16", ctx: A);
        var b = lab.Vpc("10.1.0.0/16", ctx: BWest);
        var id = lab.Cp.CreateVpcPeeringConnection(A, new CreateVpcPeeringConnectionRequest
        {
            VpcId = a.Id.Value, PeerVpcId = b.Id.Value, PeerOwnerId = b.OwnerId.Value, PeerRegion = b.Region,
        }).VpcPeeringConnection.Id.Value;
        lab.Cp.AcceptVpcPeeringConnection(BWest, new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = id });
        lab.Cp.DeleteVpcPeeringConnection(A, new DeleteVpcPeeringConnectionRequest { VpcPeeringConnectionId = id });

        var deleting = Seen(lab, A, id)!;
        Assert.Equal(VpcPeeringConnectionState.Deleting, deleting.State);
        Assert.Equal("deleting", Ec2ControlPlane.PeeringStateName(deleting.State));
        Assert.Equal(VpcPeeringConnectionState.Deleting, Seen(lab, BWest, id)!.State);
        Assert.False(lab.N.VpcPeeringConnections[new VpcPeeringConnectionId(id)].IsActive);
        // Neither side may act on it while it is being deleted.
        var error = Assert.Throws<Ec2Exception>(() => lab.Cp.DeleteVpcPeeringConnection(BWest, new DeleteVpcPeeringConnectionRequest { VpcPeeringConnectionId = id }));
        Assert.Equal("InvalidStateTransition", error.Code.Code);

        lab.Clock.Advance(Ec2ControlPlane.PeeringDeletingTime);
        var deleted = Seen(lab, A, id)!;
        Assert.Equal(VpcPeeringConnectionState.Deleted, deleted.State);
        Assert.Equal("Deleted by 111111111111", deleted.StatusMessage);
        // The deleter's 2-hour window runs from the end of deleting.
        lab.Clock.Advance(Hours2 - TimeSpan.FromSeconds(1));
        Assert.NotNull(Seen(lab, A, id));
        lab.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(Seen(lab, A, id));
        Assert.NotNull(Seen(lab, BWest, id));
    }

    // A same-Region delete goes straight to deleted.
    [Fact]
    public void Same_region_delete_is_deleted_at_once()
    {
        var (lab, id) = End(Ending.DeletedByRequester);
        Assert.Equal(VpcPeeringConnectionState.Deleted, Seen(lab, A, id)!.State);
    }
}
