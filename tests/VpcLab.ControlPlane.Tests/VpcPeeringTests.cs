using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests;

/// <summary>VPC peering: lifecycle, who may do what, errors, overlap, routes (docs/semantics.md#vpc-peering).</summary>
public sealed class VpcPeeringTests
{
    private static readonly RequestContext A = RequestContext.For("111111111111");
    private static readonly RequestContext B = RequestContext.For("222222222222");
    private static readonly RequestContext AWest = RequestContext.For("111111111111", "eu-west-1");
    private static readonly RequestContext BWest = RequestContext.For("222222222222", "eu-west-1");

    private static Vpc Vpc(TestLab lab, RequestContext ctx, string cidr = "10.0.0.0/16", bool ipv6 = false) => lab.Vpc(cidr, ipv6, ctx);

    private static VpcPeeringConnection Create(TestLab lab, RequestContext ctx, Vpc vpc, Vpc peer) =>
        lab.Cp.CreateVpcPeeringConnection(ctx, new CreateVpcPeeringConnectionRequest
        {
            VpcId = vpc.Id.Value,
            PeerVpcId = peer.Id.Value,
            PeerOwnerId = peer.OwnerId.Value,
            PeerRegion = peer.Region,
        }).VpcPeeringConnection;

    private static VpcPeeringConnection Describe(TestLab lab, RequestContext ctx, VpcPeeringConnection pcx) =>
        Assert.Single(lab.Cp.DescribeVpcPeeringConnections(ctx, new DescribeVpcPeeringConnectionsRequest { VpcPeeringConnectionIds = [pcx.Id.Value] })
            .VpcPeeringConnections);

    private static void Fails(TestLab lab, string code, Action action)
    {
        var before = lab.N;
        var error = Assert.Throws<Ec2Exception>(action);
        Assert.Equal(code, error.Code.Code);
        Assert.Same(before, lab.N);
    }

    private static (TestLab Lab, Vpc Requester, Vpc Accepter) CrossAccount()
    {
        var lab = new TestLab();
        return (lab, Vpc(lab, A, "10.0.0.0/16"), Vpc(lab, B, "10.1.0.0/16"));
    }

    [Fact]
    public void Cross_account_lifecycle_pending_then_active_then_deleted()
    {
        var (lab, a, b) = CrossAccount();
        var created = Create(lab, A, a, b);
        Assert.Equal(VpcPeeringConnectionState.InitiatingRequest, created.State);
        Assert.Equal("Initiating Request to 222222222222", created.StatusMessage);
        Assert.StartsWith("pcx-", created.Id.Value, StringComparison.Ordinal);

        var pending = Describe(lab, B, created);
        Assert.Equal(VpcPeeringConnectionState.PendingAcceptance, pending.State);
        Assert.Equal("Pending Acceptance by 222222222222", pending.StatusMessage);
        Assert.Equal(lab.Clock.GetUtcNow() + TimeSpan.FromDays(7), pending.ExpirationTime);
        Assert.Equal("pending-acceptance", Ec2ControlPlane.PeeringStateName(pending.State));

        var accepted = lab.Cp.AcceptVpcPeeringConnection(B, new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = created.Id.Value }).VpcPeeringConnection;
        Assert.Equal(VpcPeeringConnectionState.Provisioning, accepted.State);
        foreach (var ctx in new[] { A, B })
        {
            var active = Describe(lab, ctx, created);
            Assert.Equal(VpcPeeringConnectionState.Active, active.State);
            Assert.Equal("Active", active.StatusMessage);
            Assert.Null(active.ExpirationTime);
            Assert.Equal("10.1.0.0/16", Assert.Single(active.Accepter.CidrBlocks).ToString());
            Assert.Equal("10.0.0.0/16", Assert.Single(active.Requester.CidrBlocks).ToString());
        }

        Assert.True(lab.Cp.DeleteVpcPeeringConnection(B, new DeleteVpcPeeringConnectionRequest { VpcPeeringConnectionId = created.Id.Value }).Return);
        var deleted = Describe(lab, A, created);
        Assert.Equal(VpcPeeringConnectionState.Deleted, deleted.State);
        Assert.Equal("Deleted by 222222222222", deleted.StatusMessage);
    }

    [Fact]
    public void Reject_by_accepter_and_delete_pending_by_requester()
    {
        var (lab, a, b) = CrossAccount();
        var pcx = Create(lab, A, a, b);
        lab.Cp.RejectVpcPeeringConnection(B, new RejectVpcPeeringConnectionRequest { VpcPeeringConnectionId = pcx.Id.Value });
        var rejected = Describe(lab, A, pcx);
        Assert.Equal(VpcPeeringConnectionState.Rejected, rejected.State);
        Assert.Equal("Rejected by 222222222222", rejected.StatusMessage);

        // A rejected request does not block a new one; a pending one may be deleted by its requester.
        var again = Create(lab, A, a, b);
        lab.Cp.DeleteVpcPeeringConnection(A, new DeleteVpcPeeringConnectionRequest { VpcPeeringConnectionId = again.Id.Value });
        Assert.Equal(VpcPeeringConnectionState.Deleted, Describe(lab, B, again).State);
    }

    [Fact]
    public void Pending_request_expires_after_seven_days()
    {
        var (lab, a, b) = CrossAccount();
        var pcx = Create(lab, A, a, b);
        lab.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.Equal(VpcPeeringConnectionState.PendingAcceptance, Describe(lab, B, pcx).State);
        lab.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(VpcPeeringConnectionState.Expired, Describe(lab, A, pcx).State);
        Assert.Equal("expired", Ec2ControlPlane.PeeringStateName(Describe(lab, B, pcx).State));
        Fails(lab, "InvalidStateTransition", () => lab.Cp.AcceptVpcPeeringConnection(B, new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = pcx.Id.Value }));
        // An expired request no longer blocks a new one.
        Assert.Equal(VpcPeeringConnectionState.PendingAcceptance, Describe(lab, A, Create(lab, A, a, b)).State);
    }

    [Theory]
    [InlineData("10.0.0.0/16", "10.0.128.0/17", null, false)] // primary IPv4 overlap
    [InlineData("10.0.0.0/16", "10.1.0.0/16", "10.1.0.0/24", false)] // a secondary CIDR of the requester overlaps
    [InlineData("10.0.0.0/16", "10.1.0.0/16", null, true)] // same IPv6 /56 on both (forced below)
    public void Overlapping_cidrs_fail_the_request_at_creation(string cidrA, string cidrB, string? secondaryA, bool sameIpv6)
    {
        var lab = new TestLab();
        var a = Vpc(lab, A, cidrA, ipv6: sameIpv6);
        if (secondaryA is not null)
            lab.Cp.AssociateVpcCidrBlock(A, new AssociateVpcCidrBlockRequest { VpcId = a.Id.Value, CidrBlock = secondaryA });
        var b = Vpc(lab, B, cidrB);
        if (sameIpv6)
        {
            // Two VPCs never get the same Amazon /56; put the same block on b directly in the snapshot for the test.
            var n = lab.Cp.Network;
            b = n.Vpcs[b.Id] with { Ipv6CidrBlocks = n.Vpcs[a.Id].Ipv6CidrBlocks };
            const System.Reflection.BindingFlags Private = System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance;
            var state = typeof(Ec2ControlPlane).GetField("_state", Private)!.GetValue(lab.Cp)!;
            var world = state.GetType().GetField("_world", Private)!;
            var changed = n with { Vpcs = n.Vpcs.SetItem(b.Id, b) };
            world.SetValue(state, Activator.CreateInstance(world.FieldType, changed, WorldIndex.Build(changed)));
        }
        var pcx = Create(lab, A, lab.N.Vpcs[a.Id], b);
        Assert.Equal(VpcPeeringConnectionState.Failed, pcx.State);
        Assert.Equal("Overlapping CIDR range", pcx.StatusMessage);
        Fails(lab, "InvalidStateTransition", () => lab.Cp.AcceptVpcPeeringConnection(B, new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = pcx.Id.Value }));
        Fails(lab, "InvalidStateTransition", () => lab.Cp.DeleteVpcPeeringConnection(A, new DeleteVpcPeeringConnectionRequest { VpcPeeringConnectionId = pcx.Id.Value }));
    }

    [Fact]
    public void Overlap_is_checked_again_at_acceptance()
    {
        var lab = new TestLab();
        var a = Vpc(lab, A, "10.0.0.0/16");
        var b = Vpc(lab, B, "10.4.0.0/16");
        var pcx = Create(lab, A, a, b);
        // The requester may not add any CIDR while pending; the accepter may, and an overlap fails the request at acceptance.
        Fails(lab, "OperationNotPermitted", () => lab.Cp.AssociateVpcCidrBlock(A, new AssociateVpcCidrBlockRequest { VpcId = a.Id.Value, CidrBlock = "10.5.0.0/16" }));
        lab.Cp.AssociateVpcCidrBlock(B, new AssociateVpcCidrBlockRequest { VpcId = b.Id.Value, CidrBlock = "10.0.0.0/16" });
        var result = lab.Cp.AcceptVpcPeeringConnection(B, new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = pcx.Id.Value }).VpcPeeringConnection;
        Assert.Equal(VpcPeeringConnectionState.Failed, result.State);
        Assert.Equal(VpcPeeringConnectionState.Failed, Describe(lab, A, pcx).State);
    }

    [Fact]
    public void Cross_region_accept_only_in_the_accepter_region()
    {
        var lab = new TestLab();
        var a = Vpc(lab, A, "10.0.0.0/16");
        var b = Vpc(lab, AWest, "10.1.0.0/16");
        var pcx = Create(lab, A, a, b);
        Assert.True(pcx.IsInterRegion);
        var wrong = Assert.Throws<Ec2Exception>(() => lab.Cp.AcceptVpcPeeringConnection(A, new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = pcx.Id.Value }));
        Assert.Equal("OperationNotPermitted", wrong.Code.Code);
        Assert.Contains("must be accepted in region eu-west-1", wrong.Message, StringComparison.Ordinal);
        // Visible in each end's Region, not elsewhere.
        Fails(lab, "InvalidVpcPeeringConnectionID.NotFound", () => Describe(lab, RequestContext.For("111111111111", "us-west-2"), pcx));
        lab.Cp.AcceptVpcPeeringConnection(AWest, new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = pcx.Id.Value });
        Assert.Equal(VpcPeeringConnectionState.Active, Describe(lab, A, pcx).State);
        Assert.Equal(VpcPeeringConnectionState.Active, Describe(lab, AWest, pcx).State);
        Assert.Equal("eu-west-1", Describe(lab, A, pcx).Accepter.Region);
    }

    public static TheoryData<string, string> Errors() => new()
    {
        { "malformed-id", "InvalidVpcPeeringConnectionId.Malformed" },
        { "unknown-id", "InvalidVpcPeeringConnectionID.NotFound" },
        { "other-account-describe", "InvalidVpcPeeringConnectionID.NotFound" },
        { "requester-accepts", "OperationNotPermitted" },
        { "requester-rejects", "OperationNotPermitted" },
        { "accepter-deletes-pending", "OperationNotPermitted" },
        { "accept-twice", "InvalidStateTransition" },
        { "reject-active", "InvalidStateTransition" },
        { "delete-rejected", "InvalidStateTransition" },
        { "second-live-peering", "VpcPeeringConnectionAlreadyExists" },
        { "second-live-peering-reverse", "VpcPeeringConnectionAlreadyExists" },
        { "peer-vpc-unknown", "InvalidVpcID.NotFound" },
        { "peer-vpc-wrong-owner", "InvalidVpcID.NotFound" },
        { "peer-vpc-wrong-region", "InvalidVpcID.NotFound" },
        { "peer-self", "InvalidParameterValue" },
        { "modify-other-side", "OperationNotPermitted" },
        { "modify-dns-hostnames-off", "InvalidVpcPeeringConnectionState.DnsHostnamesDisabled" },
        { "modify-pending", "InvalidStateTransition" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Each_error_has_the_aws_code_and_changes_nothing(string scenario, string code)
    {
        var (lab, a, b) = CrossAccount();
        var other = Vpc(lab, B, "10.2.0.0/16");
        var pending = Create(lab, A, a, b);
        var activeId = Create(lab, A, a, other).Id.Value;
        lab.Cp.AcceptVpcPeeringConnection(B, new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = activeId });
        var id = pending.Id.Value;
        Action action = scenario switch
        {
            "malformed-id" => () => lab.Cp.AcceptVpcPeeringConnection(B, new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = "pcx-zz" }),
            "unknown-id" => () => lab.Cp.DeleteVpcPeeringConnection(A, new DeleteVpcPeeringConnectionRequest { VpcPeeringConnectionId = "pcx-0123456789abcdef0" }),
            "other-account-describe" => () => lab.Cp.DescribeVpcPeeringConnections(RequestContext.For("333333333333"),
                new DescribeVpcPeeringConnectionsRequest { VpcPeeringConnectionIds = [id] }),
            "requester-accepts" => () => lab.Cp.AcceptVpcPeeringConnection(A, new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = id }),
            "requester-rejects" => () => lab.Cp.RejectVpcPeeringConnection(A, new RejectVpcPeeringConnectionRequest { VpcPeeringConnectionId = id }),
            "accepter-deletes-pending" => () => lab.Cp.DeleteVpcPeeringConnection(B, new DeleteVpcPeeringConnectionRequest { VpcPeeringConnectionId = id }),
            "accept-twice" => () => lab.Cp.AcceptVpcPeeringConnection(B, new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = activeId }),
            "reject-active" => () => lab.Cp.RejectVpcPeeringConnection(B, new RejectVpcPeeringConnectionRequest { VpcPeeringConnectionId = activeId }),
            "delete-rejected" => Rejected(lab, id),
            "second-live-peering" => () => Create(lab, A, a, b),
            "second-live-peering-reverse" => () => Create(lab, B, other, a),
            "peer-vpc-unknown" => () => lab.Cp.CreateVpcPeeringConnection(A, new CreateVpcPeeringConnectionRequest { VpcId = a.Id.Value, PeerVpcId = "vpc-0123456789abcdef0" }),
            "peer-vpc-wrong-owner" => () => lab.Cp.CreateVpcPeeringConnection(A, new CreateVpcPeeringConnectionRequest { VpcId = a.Id.Value, PeerVpcId = b.Id.Value }),
            "peer-vpc-wrong-region" => () => lab.Cp.CreateVpcPeeringConnection(A, new CreateVpcPeeringConnectionRequest
            {
                VpcId = a.Id.Value, PeerVpcId = b.Id.Value, PeerOwnerId = "222222222222", PeerRegion = "eu-west-1",
            }),
            "peer-self" => () => lab.Cp.CreateVpcPeeringConnection(A, new CreateVpcPeeringConnectionRequest { VpcId = a.Id.Value, PeerVpcId = a.Id.Value }),
            "modify-other-side" => () => lab.Cp.ModifyVpcPeeringConnectionOptions(A, new ModifyVpcPeeringConnectionOptionsRequest
            {
                VpcPeeringConnectionId = activeId, AccepterPeeringConnectionOptions = new() { AllowDnsResolutionFromRemoteVpc = false },
            }),
            "modify-dns-hostnames-off" => () => lab.Cp.ModifyVpcPeeringConnectionOptions(A, new ModifyVpcPeeringConnectionOptionsRequest
            {
                VpcPeeringConnectionId = activeId, RequesterPeeringConnectionOptions = new() { AllowDnsResolutionFromRemoteVpc = true },
            }),
            "modify-pending" => () => lab.Cp.ModifyVpcPeeringConnectionOptions(A, new ModifyVpcPeeringConnectionOptionsRequest
            {
                VpcPeeringConnectionId = id, RequesterPeeringConnectionOptions = new() { AllowDnsResolutionFromRemoteVpc = false },
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };
        Fails(lab, code, action);
    }

    private static Action Rejected(TestLab lab, string id)
    {
        lab.Cp.RejectVpcPeeringConnection(B, new RejectVpcPeeringConnectionRequest { VpcPeeringConnectionId = id });
        return () => lab.Cp.DeleteVpcPeeringConnection(A, new DeleteVpcPeeringConnectionRequest { VpcPeeringConnectionId = id });
    }

    [Fact]
    public void Each_owner_sets_its_own_dns_option()
    {
        var (lab, a, b) = CrossAccount();
        foreach (var (ctx, vpc) in new[] { (A, a), (B, b) })
            lab.Cp.ModifyVpcAttribute(ctx, new ModifyVpcAttributeRequest { VpcId = vpc.Id.Value, EnableDnsHostnames = new AttributeBooleanValue { Value = true } });
        var pcx = Create(lab, A, a, b);
        lab.Cp.AcceptVpcPeeringConnection(B, new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = pcx.Id.Value });
        var result = lab.Cp.ModifyVpcPeeringConnectionOptions(B, new ModifyVpcPeeringConnectionOptionsRequest
        {
            VpcPeeringConnectionId = pcx.Id.Value, AccepterPeeringConnectionOptions = new() { AllowDnsResolutionFromRemoteVpc = true },
        });
        Assert.True(result.AccepterAllowDnsResolutionFromRemoteVpc);
        Assert.Null(result.RequesterAllowDnsResolutionFromRemoteVpc);
        var now = Describe(lab, A, pcx);
        Assert.True(now.Accepter.AllowDnsResolutionFromRemoteVpc);
        Assert.False(now.Requester.AllowDnsResolutionFromRemoteVpc);
    }

    [Fact]
    public void Describe_filters_and_tags()
    {
        var (lab, a, b) = CrossAccount();
        var tagged = lab.Cp.CreateVpcPeeringConnection(A, new CreateVpcPeeringConnectionRequest
        {
            VpcId = a.Id.Value, PeerVpcId = b.Id.Value, PeerOwnerId = "222222222222",
            TagSpecifications = [new TagSpecification { ResourceType = "vpc-peering-connection", Tags = [new Tag { Key = "Name", Value = "a-b" }] }],
        }).VpcPeeringConnection;
        Assert.Equal("a-b", lab.N.NameOf(tagged.Id.Value));
        string[] Ids(RequestContext ctx, string name, string value) =>
            [.. lab.Cp.DescribeVpcPeeringConnections(ctx, new DescribeVpcPeeringConnectionsRequest { Filters = [new Filter(name, value)] })
                .VpcPeeringConnections.Select(p => p.Id.Value)];
        Assert.Equal([tagged.Id.Value], Ids(B, "status-code", "pending-acceptance"));
        Assert.Equal([tagged.Id.Value], Ids(A, "accepter-vpc-info.owner-id", "222222222222"));
        Assert.Equal([tagged.Id.Value], Ids(A, "requester-vpc-info.vpc-id", a.Id.Value));
        Assert.Equal([tagged.Id.Value], Ids(A, "tag:Name", "a-b"));
        Assert.Equal([tagged.Id.Value], Ids(A, "status-message", "Pending Acceptance by*"));
        Assert.Empty(Ids(A, "status-code", "active"));
        Assert.Equal([tagged.Id.Value], Ids(A, "requester-vpc-info.cidr-block", "10.0.0.0/16"));
    }

    [Fact]
    public void Routes_to_a_peering_are_blackhole_until_active_and_after_deletion()
    {
        var (lab, a, b) = CrossAccount();
        var unrelated = Vpc(lab, A, "10.9.0.0/16");
        var pcx = Create(lab, A, a, b);
        var table = lab.N.MainRouteTable(a.Id);
        RouteState State() => lab.N.RouteState(lab.N.RouteTables[table.Id],
            lab.N.RouteTables[table.Id].Routes.Single(r => r.Target.Kind == RouteTargetKind.VpcPeeringConnection));

        lab.Cp.CreateRoute(A, new CreateRouteRequest { RouteTableId = table.Id.Value, DestinationCidrBlock = "10.1.0.0/16", VpcPeeringConnectionId = pcx.Id.Value });
        Assert.Equal(RouteState.Blackhole, State());
        lab.Cp.AcceptVpcPeeringConnection(B, new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = pcx.Id.Value });
        Assert.Equal(RouteState.Active, State());
        // The accepter's side may route to it too.
        var tableB = lab.N.MainRouteTable(b.Id);
        lab.Cp.CreateRoute(B, new CreateRouteRequest { RouteTableId = tableB.Id.Value, DestinationCidrBlock = "10.0.0.0/16", VpcPeeringConnectionId = pcx.Id.Value });
        lab.Cp.ReplaceRoute(A, new ReplaceRouteRequest { RouteTableId = table.Id.Value, DestinationCidrBlock = "10.1.0.0/16", VpcPeeringConnectionId = pcx.Id.Value });

        var unrelatedTable = lab.N.MainRouteTable(unrelated.Id);
        Fails(lab, "InvalidParameterValue", () => lab.Cp.CreateRoute(A, new CreateRouteRequest
        { RouteTableId = unrelatedTable.Id.Value, DestinationCidrBlock = "10.1.0.0/16", VpcPeeringConnectionId = pcx.Id.Value }));
        Fails(lab, "InvalidVpcPeeringConnectionID.NotFound", () => lab.Cp.CreateRoute(A, new CreateRouteRequest
        { RouteTableId = table.Id.Value, DestinationCidrBlock = "10.7.0.0/16", VpcPeeringConnectionId = "pcx-0123456789abcdef0" }));
        Fails(lab, "InvalidVpcPeeringConnectionId.Malformed", () => lab.Cp.CreateRoute(A, new CreateRouteRequest
        { RouteTableId = table.Id.Value, DestinationCidrBlock = "10.7.0.0/16", VpcPeeringConnectionId = "pcx-nope" }));

        lab.Cp.DeleteVpcPeeringConnection(A, new DeleteVpcPeeringConnectionRequest { VpcPeeringConnectionId = pcx.Id.Value });
        Assert.Equal(RouteState.Blackhole, State());
        Fails(lab, "InvalidVpcPeeringConnectionID.NotFound", () => lab.Cp.CreateRoute(A, new CreateRouteRequest
        { RouteTableId = table.Id.Value, DestinationCidrBlock = "10.8.0.0/16", VpcPeeringConnectionId = pcx.Id.Value }));
    }

    [Fact]
    public void Cidr_added_to_an_active_peering_is_captured_unless_it_overlaps_the_peer()
    {
        var (lab, a, b) = CrossAccount();
        var pcx = Create(lab, A, a, b);
        lab.Cp.AcceptVpcPeeringConnection(B, new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = pcx.Id.Value });
        Fails(lab, "InvalidParameterValue", () => lab.Cp.AssociateVpcCidrBlock(A, new AssociateVpcCidrBlockRequest { VpcId = a.Id.Value, CidrBlock = "10.1.0.0/24" }));
        lab.Cp.AssociateVpcCidrBlock(A, new AssociateVpcCidrBlockRequest { VpcId = a.Id.Value, CidrBlock = "10.5.0.0/16" });
        Assert.Equal(["10.0.0.0/16", "10.5.0.0/16"], Describe(lab, B, pcx).Requester.CidrBlocks.Select(c => c.ToString()));
    }

    [Fact]
    public void Deleting_a_vpc_deletes_its_peerings_without_dependency_violation()
    {
        var (lab, a, b) = CrossAccount();
        var pcx = Create(lab, A, a, b);
        lab.Cp.AcceptVpcPeeringConnection(B, new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = pcx.Id.Value });
        var tableB = lab.N.MainRouteTable(b.Id);
        lab.Cp.CreateRoute(B, new CreateRouteRequest { RouteTableId = tableB.Id.Value, DestinationCidrBlock = "10.0.0.0/16", VpcPeeringConnectionId = pcx.Id.Value });
        lab.Cp.DeleteVpc(A, new DeleteVpcRequest { VpcId = a.Id.Value });
        var deleted = Describe(lab, B, pcx);
        Assert.Equal(VpcPeeringConnectionState.Deleted, deleted.State);
        Assert.Equal("Deleted by 111111111111", deleted.StatusMessage);
        var table = lab.N.RouteTables[tableB.Id];
        Assert.Equal(RouteState.Blackhole, lab.N.RouteState(table, table.Routes.Single(r => r.Target.Kind == RouteTargetKind.VpcPeeringConnection)));
    }

    [Fact]
    public void Deleting_the_accepter_vpc_of_a_pending_cross_account_request_is_refused_until_rejected()
    {
        // AWS (https://docs.aws.amazon.com/vpc/latest/peering/delete-vpc-peering-connection.html): "You cannot
        // delete a VPC for which you have a pending-acceptance request from a VPC in another account. You must first
        // reject the VPC peering connection request."; the requester deleting its VPC deletes the request.
        var (lab, a, b) = CrossAccount();
        var pcx = Create(lab, A, a, b);
        Fails(lab, "DependencyViolation", () => lab.Cp.DeleteVpc(B, new DeleteVpcRequest { VpcId = b.Id.Value }));
        Assert.Equal(VpcPeeringConnectionState.PendingAcceptance, Describe(lab, B, pcx).State);
        lab.Cp.RejectVpcPeeringConnection(B, new RejectVpcPeeringConnectionRequest { VpcPeeringConnectionId = pcx.Id.Value });
        lab.Cp.DeleteVpc(B, new DeleteVpcRequest { VpcId = b.Id.Value });
        Assert.False(lab.N.Vpcs.ContainsKey(b.Id));

        var (lab2, a2, b2) = CrossAccount();
        var pending = Create(lab2, A, a2, b2);
        lab2.Cp.DeleteVpc(A, new DeleteVpcRequest { VpcId = a2.Id.Value });
        Assert.Equal(VpcPeeringConnectionState.Deleted, Describe(lab2, B, pending).State);
    }

    [Fact]
    public void Tags_are_shared_by_both_owners()
    {
        var (lab, a, b) = CrossAccount();
        var pcx = Create(lab, A, a, b);
        lab.Cp.CreateTags(B, new CreateTagsRequest { Resources = [pcx.Id.Value], Tags = [new Tag { Key = "side", Value = "b" }] });
        var tag = Assert.Single(lab.Cp.DescribeTags(A, new DescribeTagsRequest()).Tags, t => t.ResourceId == pcx.Id.Value);
        Assert.Equal("vpc-peering-connection", tag.ResourceType);
        Fails(lab, "InvalidID", () => lab.Cp.CreateTags(RequestContext.For("333333333333"),
            new CreateTagsRequest { Resources = [pcx.Id.Value], Tags = [new Tag { Key = "x", Value = "y" }] }));
    }

    [Fact]
    public void Quotas_outstanding_requests_and_active_peerings_per_vpc()
    {
        var lab = new TestLab(quotas: Ec2Quotas.Generous with { OutstandingVpcPeeringConnectionRequests = 1, ActiveVpcPeeringConnectionsPerVpc = 1 });
        var a = Vpc(lab, A, "10.0.0.0/16");
        var b = Vpc(lab, B, "10.1.0.0/16");
        var c = Vpc(lab, B, "10.2.0.0/16");
        var first = Create(lab, A, a, b);
        Fails(lab, "OutstandingVpcPeeringConnectionLimitExceeded", () => Create(lab, A, a, c));
        lab.Cp.AcceptVpcPeeringConnection(B, new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = first.Id.Value });
        var second = Create(lab, A, a, c);
        Fails(lab, "ActiveVpcPeeringConnectionPerVpcLimitExceeded",
            () => lab.Cp.AcceptVpcPeeringConnection(B, new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = second.Id.Value }));
    }

    [Fact]
    public void Same_account_same_region_peering_both_ends_in_one_caller()
    {
        var lab = new TestLab();
        var a = Vpc(lab, A, "10.0.0.0/16");
        var b = Vpc(lab, A, "10.1.0.0/16");
        var pcx = lab.Cp.CreateVpcPeeringConnection(A, new CreateVpcPeeringConnectionRequest { VpcId = a.Id.Value, PeerVpcId = b.Id.Value }).VpcPeeringConnection;
        Assert.Equal("Initiating Request to 111111111111", pcx.StatusMessage);
        lab.Cp.AcceptVpcPeeringConnection(A, new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = pcx.Id.Value });
        Assert.Equal(VpcPeeringConnectionState.Active, Describe(lab, A, pcx).State);
        _ = BWest;
    }
}
