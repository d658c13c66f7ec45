using Amazon.EC2;
using Amazon.EC2.Model;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>VPC peering through the real SDK with two accounts (access keys that are account ids).</summary>
public sealed partial class Ec2SdkTests
{
    [Fact]
    public async Task Peering_CrossAccount_CreateAcceptRouteDelete()
    {
        using var a = Client("111111111111");
        using var b = Client("222222222222");
        var vpcA = (await a.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.10.0.0/16" }, Ct)).Vpc;
        var vpcB = (await b.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.20.0.0/16" }, Ct)).Vpc;

        var created = (await a.CreateVpcPeeringConnectionAsync(new CreateVpcPeeringConnectionRequest
        {
            VpcId = vpcA.VpcId,
            PeerVpcId = vpcB.VpcId,
            PeerOwnerId = "222222222222",
            TagSpecifications = Named(ResourceType.VpcPeeringConnection, "a-to-b"),
        }, Ct)).VpcPeeringConnection;
        Assert.StartsWith("pcx-", created.VpcPeeringConnectionId, StringComparison.Ordinal);
        Assert.Equal(VpcPeeringConnectionStateReasonCode.InitiatingRequest, created.Status.Code);
        Assert.Equal("a-to-b", Assert.Single(created.Tags).Value);
        Assert.Equal("222222222222", created.AccepterVpcInfo.OwnerId);
        Assert.Equal("us-east-1", created.AccepterVpcInfo.Region);
        var id = created.VpcPeeringConnectionId;

        var seenByB = Assert.Single((await b.DescribeVpcPeeringConnectionsAsync(new DescribeVpcPeeringConnectionsRequest
        {
            Filters = [new Filter("status-code", ["pending-acceptance"])],
        }, Ct)).VpcPeeringConnections);
        Assert.Equal(id, seenByB.VpcPeeringConnectionId);
        Assert.Equal("Pending Acceptance by 222222222222", seenByB.Status.Message);
        Assert.NotNull(seenByB.ExpirationTime);
        Assert.Null(seenByB.AccepterVpcInfo.CidrBlock); // CIDRs only once active

        // The requester cannot accept its own request to another account.
        var refused = await Fails(() => a.AcceptVpcPeeringConnectionAsync(new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = id }, Ct));
        Assert.Equal("OperationNotPermitted", refused.ErrorCode);

        var accepted = (await b.AcceptVpcPeeringConnectionAsync(new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = id }, Ct)).VpcPeeringConnection;
        Assert.Equal(VpcPeeringConnectionStateReasonCode.Provisioning, accepted.Status.Code);
        foreach (var client in new[] { a, b })
        {
            var active = Assert.Single((await client.DescribeVpcPeeringConnectionsAsync(new DescribeVpcPeeringConnectionsRequest
            {
                VpcPeeringConnectionIds = [id],
            }, Ct)).VpcPeeringConnections);
            Assert.Equal(VpcPeeringConnectionStateReasonCode.Active, active.Status.Code);
            Assert.Equal("Active", active.Status.Message);
            Assert.Equal("10.20.0.0/16", active.AccepterVpcInfo.CidrBlock);
            Assert.Equal("10.20.0.0/16", Assert.Single(active.AccepterVpcInfo.CidrBlockSet).Cidr);
            Assert.Equal("10.10.0.0/16", active.RequesterVpcInfo.CidrBlock);
            Assert.Equal("111111111111", active.RequesterVpcInfo.OwnerId);
            Assert.False(active.AccepterVpcInfo.PeeringOptions.AllowDnsResolutionFromRemoteVpc);
        }

        var table = Assert.Single((await a.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new Filter("vpc-id", [vpcA.VpcId])],
        }, Ct)).RouteTables);
        Assert.True((await a.CreateRouteAsync(new CreateRouteRequest
        {
            RouteTableId = table.RouteTableId, DestinationCidrBlock = "10.20.0.0/16", VpcPeeringConnectionId = id,
        }, Ct)).Return);
        Route PcxRoute(RouteTable t) => Assert.Single(t.Routes, r => r.VpcPeeringConnectionId == id);
        async Task<RouteTable> TableNow() => Assert.Single((await a.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            RouteTableIds = [table.RouteTableId],
        }, Ct)).RouteTables);
        Assert.Equal(RouteState.Active, PcxRoute(await TableNow()).State);
        var byRoute = Assert.Single((await a.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new Filter("route.vpc-peering-connection-id", [id])],
        }, Ct)).RouteTables);
        Assert.Equal(table.RouteTableId, byRoute.RouteTableId);

        await b.DeleteVpcPeeringConnectionAsync(new DeleteVpcPeeringConnectionRequest { VpcPeeringConnectionId = id }, Ct);
        var deleted = Assert.Single((await a.DescribeVpcPeeringConnectionsAsync(new DescribeVpcPeeringConnectionsRequest
        {
            VpcPeeringConnectionIds = [id],
        }, Ct)).VpcPeeringConnections);
        Assert.Equal(VpcPeeringConnectionStateReasonCode.Deleted, deleted.Status.Code);
        Assert.Equal("Deleted by 222222222222", deleted.Status.Message);
        Assert.Equal(RouteState.Blackhole, PcxRoute(await TableNow()).State);
    }

    [Fact]
    public async Task Peering_Errors_AwsCodes()
    {
        using var b = Client("222222222222");
        var vpcA = await NewVpc("10.30.0.0/16");
        var vpcB = (await b.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.30.128.0/17" }, Ct)).Vpc;

        var missing = await Fails(() => _ec2.CreateVpcPeeringConnectionAsync(new CreateVpcPeeringConnectionRequest
        {
            VpcId = vpcA.VpcId, PeerVpcId = vpcB.VpcId, // the peer is not the caller's
        }, Ct));
        Assert.Equal("InvalidVpcID.NotFound", missing.ErrorCode);

        var failed = (await _ec2.CreateVpcPeeringConnectionAsync(new CreateVpcPeeringConnectionRequest
        {
            VpcId = vpcA.VpcId, PeerVpcId = vpcB.VpcId, PeerOwnerId = "222222222222",
        }, Ct)).VpcPeeringConnection;
        Assert.Equal(VpcPeeringConnectionStateReasonCode.Failed, failed.Status.Code);

        var malformed = await Fails(() => _ec2.DeleteVpcPeeringConnectionAsync(new DeleteVpcPeeringConnectionRequest { VpcPeeringConnectionId = "pcx-x" }, Ct));
        Assert.Equal("InvalidVpcPeeringConnectionId.Malformed", malformed.ErrorCode);
        var unknown = await Fails(() => _ec2.DeleteVpcPeeringConnectionAsync(new DeleteVpcPeeringConnectionRequest { VpcPeeringConnectionId = "pcx-0123456789abcdef0" }, Ct));
        Assert.Equal("InvalidVpcPeeringConnectionID.NotFound", unknown.ErrorCode);
        var state = await Fails(() => b.AcceptVpcPeeringConnectionAsync(new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = failed.VpcPeeringConnectionId }, Ct));
        Assert.Equal("InvalidStateTransition", state.ErrorCode);
    }
}
