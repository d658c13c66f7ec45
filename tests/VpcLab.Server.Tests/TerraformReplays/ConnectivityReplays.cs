using Amazon.EC2;
using Amazon.EC2.Model;
using static VpcLab.Server.Tests.TerraformReplays.ProviderReplay;

namespace VpcLab.Server.Tests.TerraformReplays;

/// <summary>The calls of aws_vpc_endpoint (+_route_table_association), aws_vpc_peering_connection (+_accepter,
/// _options), aws_flow_log and aws_ec2_managed_prefix_list (provider source: internal/service/ec2/vpc_endpoint*.go,
/// vpc_peering_connection*.go, vpc_flow_log.go, vpc_managed_prefix_list.go).</summary>
internal static class ConnectivityReplays
{
    // aws_vpc_endpoint (Gateway, S3) + aws_vpc_endpoint_route_table_association: CreateVpcEndpoint,
    // waitVPCEndpointAvailable, read (and the service's prefix list: DescribePrefixLists by prefix-list-name), the
    // association (ModifyVpcEndpoint AddRouteTableIds, found in RouteTableIds), delete (RemoveRouteTableIds,
    // DeleteVpcEndpoints, waitVPCEndpointDeleted).
    public static async Task AwsVpcEndpoint(ProviderReplay r)
    {
        var vpc = await VpcResourceReplays.CreateVpcAsync(r, "10.50.0.0/16");
        var table = await RoutingReplays.CreateRouteTableAsync(r, vpc.VpcId);
        const string service = "com.amazonaws.us-east-1.s3";
        var endpoint = (await r.Client.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc.VpcId,
            ServiceName = service,
            VpcEndpointType = VpcEndpointType.Gateway,
            TagSpecifications = Tags(ResourceType.VpcEndpoint, "replay"),
        }, r.Ct)).VpcEndpoint;
        // The provider lower-cases the state before comparing ("the State values returned from the service may be in
        // varied case"); the SDK for .NET maps the wire's "available" to its constant "Available".
        await r.WaitAsync("aws_vpc_endpoint create", async () => (await DescribeEndpointAsync(r, endpoint.VpcEndpointId))?.State?.Value.ToLowerInvariant(), "available");
        var read = (await DescribeEndpointAsync(r, endpoint.VpcEndpointId))!;
        Present(read.OwnerId, "OwnerId");
        Present(read.PolicyDocument, "PolicyDocument");
        Present(read.RequesterManaged, "RequesterManaged");
        Present(read.PrivateDnsEnabled, "PrivateDnsEnabled");
        var prefixList = Assert.Single((await r.Client.DescribePrefixListsAsync(new DescribePrefixListsRequest
        {
            Filters = [new Filter("prefix-list-name", [service])],
        }, r.Ct)).PrefixLists);
        Assert.NotEmpty(prefixList.Cidrs);
        await r.Client.ModifyVpcEndpointAsync(new ModifyVpcEndpointRequest { VpcEndpointId = endpoint.VpcEndpointId, AddRouteTableIds = [table.RouteTableId] }, r.Ct);
        Assert.Contains(table.RouteTableId, (await DescribeEndpointAsync(r, endpoint.VpcEndpointId))!.RouteTableIds);
        await r.Client.ModifyVpcEndpointAsync(new ModifyVpcEndpointRequest { VpcEndpointId = endpoint.VpcEndpointId, RemoveRouteTableIds = [table.RouteTableId] }, r.Ct);
        var deleted = await r.Client.DeleteVpcEndpointsAsync(new DeleteVpcEndpointsRequest { VpcEndpointIds = [endpoint.VpcEndpointId] }, r.Ct);
        Assert.Empty(deleted.Unsuccessful);
        await r.WaitAsync("aws_vpc_endpoint delete", async () =>
        {
            try
            {
                return (await DescribeEndpointAsync(r, endpoint.VpcEndpointId))?.State?.Value.ToLowerInvariant() ?? "deleted";
            }
            catch (AmazonEC2Exception e) when (e.ErrorCode == "InvalidVpcEndpointId.NotFound")
            {
                return "deleted";
            }
        }, "deleted");
        await r.Client.DeleteRouteTableAsync(new DeleteRouteTableRequest { RouteTableId = table.RouteTableId }, r.Ct);
        await VpcResourceReplays.DeleteVpcAsync(r, vpc.VpcId);
    }

    private static async Task<VpcEndpoint?> DescribeEndpointAsync(ProviderReplay r, string id) =>
        (await r.Client.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { VpcEndpointIds = [id] }, r.Ct)).VpcEndpoints.SingleOrDefault();

    private static async Task<VpcPeeringConnection?> DescribePeeringAsync(ProviderReplay r, string id) =>
        (await r.Client.DescribeVpcPeeringConnectionsAsync(new DescribeVpcPeeringConnectionsRequest { VpcPeeringConnectionIds = [id] }, r.Ct))
        .VpcPeeringConnections.SingleOrDefault();

    // aws_vpc_peering_connection (same account and Region, auto_accept) with aws_vpc_peering_connection_accepter and
    // _options: CreateVpcPeeringConnection, waitVPCPeeringConnectionActive (pending-acceptance), Accept, active,
    // ModifyVpcPeeringConnectionOptions, read (RequesterVpcInfo/AccepterVpcInfo PeeringOptions), delete, deleted.
    public static async Task AwsVpcPeeringConnection(ProviderReplay r)
    {
        var requester = await VpcResourceReplays.CreateVpcAsync(r, "10.51.0.0/16");
        var accepter = await VpcResourceReplays.CreateVpcAsync(r, "10.52.0.0/16");
        var pcx = (await r.Client.CreateVpcPeeringConnectionAsync(new CreateVpcPeeringConnectionRequest
        {
            VpcId = requester.VpcId,
            PeerVpcId = accepter.VpcId,
            TagSpecifications = Tags(ResourceType.VpcPeeringConnection, "replay"),
        }, r.Ct)).VpcPeeringConnection;
        var id = pcx.VpcPeeringConnectionId;
        // The provider's acceptance configuration for _options enables DNS hostnames on both VPCs: AWS requires them
        // for allow_remote_vpc_dns_resolution.
        foreach (var vpcId in new[] { requester.VpcId, accepter.VpcId })
            await r.Client.ModifyVpcAttributeAsync(new ModifyVpcAttributeRequest { VpcId = vpcId, EnableDnsHostnames = true }, r.Ct);
        await r.WaitAsync("aws_vpc_peering_connection create", async () => (await DescribePeeringAsync(r, id))?.Status?.Code?.Value, "pending-acceptance");
        await r.Client.AcceptVpcPeeringConnectionAsync(new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = id }, r.Ct);
        await r.WaitAsync("aws_vpc_peering_connection accept", async () => (await DescribePeeringAsync(r, id))?.Status?.Code?.Value, "active");
        await r.Client.ModifyVpcPeeringConnectionOptionsAsync(new ModifyVpcPeeringConnectionOptionsRequest
        {
            VpcPeeringConnectionId = id,
            RequesterPeeringConnectionOptions = new PeeringConnectionOptionsRequest { AllowDnsResolutionFromRemoteVpc = true },
        }, r.Ct);
        var read = (await DescribePeeringAsync(r, id))!;
        Assert.Equal(requester.VpcId, read.RequesterVpcInfo.VpcId);
        Assert.Equal(accepter.VpcId, read.AccepterVpcInfo.VpcId);
        Present(read.AccepterVpcInfo.OwnerId, "AccepterVpcInfo.OwnerId");
        Present(read.AccepterVpcInfo.Region, "AccepterVpcInfo.Region");
        Assert.True(Present(read.RequesterVpcInfo.PeeringOptions, "RequesterVpcInfo.PeeringOptions").AllowDnsResolutionFromRemoteVpc);
        Present(read.AccepterVpcInfo.PeeringOptions, "AccepterVpcInfo.PeeringOptions");
        await r.Client.DeleteVpcPeeringConnectionAsync(new DeleteVpcPeeringConnectionRequest { VpcPeeringConnectionId = id }, r.Ct);
        await r.WaitAsync("aws_vpc_peering_connection delete", async () => (await DescribePeeringAsync(r, id))?.Status?.Code?.Value ?? "deleted", "deleted");
        await VpcResourceReplays.DeleteVpcAsync(r, requester.VpcId);
        await VpcResourceReplays.DeleteVpcAsync(r, accepter.VpcId);
    }

    // aws_flow_log to S3: CreateFlowLogs (Unsuccessful empty), read by FlowLogIds, DeleteFlowLogs, gone. The bucket is
    // the configuration's aws_s3_bucket (CreateBucket), made first: AWS refuses a bucket that does not exist.
    public static async Task AwsFlowLog(ProviderReplay r)
    {
        using (var s3 = S3.S3SdkTests.Client(r.ServerUrl!))
            await s3.PutBucketAsync("replay-flow-logs", r.Ct);
        var vpc = await VpcResourceReplays.CreateVpcAsync(r, "10.53.0.0/16");
        var created = await r.Client.CreateFlowLogsAsync(new CreateFlowLogsRequest
        {
            ResourceIds = [vpc.VpcId],
            ResourceType = FlowLogsResourceType.VPC,
            TrafficType = TrafficType.ALL,
            LogDestinationType = LogDestinationType.S3,
            LogDestination = "arn:aws:s3:::replay-flow-logs",
            MaxAggregationInterval = 600,
            TagSpecifications = Tags(ResourceType.VpcFlowLog, "replay"),
        }, r.Ct);
        Assert.Empty(created.Unsuccessful);
        var id = Assert.Single(created.FlowLogIds);
        var read = Assert.Single((await r.Client.DescribeFlowLogsAsync(new DescribeFlowLogsRequest { FlowLogIds = [id] }, r.Ct)).FlowLogs);
        Assert.Equal(vpc.VpcId, read.ResourceId);
        Present(read.LogFormat, "LogFormat");
        Present(read.LogDestination, "LogDestination");
        Assert.Equal("s3", read.LogDestinationType.Value);
        Assert.Equal(600, read.MaxAggregationInterval);
        Assert.Equal("ALL", read.TrafficType.Value);
        Assert.Empty((await r.Client.DeleteFlowLogsAsync(new DeleteFlowLogsRequest { FlowLogIds = [id] }, r.Ct)).Unsuccessful);
        Assert.Empty((await r.Client.DescribeFlowLogsAsync(new DescribeFlowLogsRequest { FlowLogIds = [id] }, r.Ct)).FlowLogs);
        await VpcResourceReplays.DeleteVpcAsync(r, vpc.VpcId);
    }

    private static async Task<ManagedPrefixList?> DescribeListAsync(ProviderReplay r, string id)
    {
        try
        {
            return (await r.Client.DescribeManagedPrefixListsAsync(new DescribeManagedPrefixListsRequest { PrefixListIds = [id] }, r.Ct)).PrefixLists.SingleOrDefault();
        }
        catch (AmazonEC2Exception e) when (e.ErrorCode == "InvalidPrefixListID.NotFound")
        {
            return null;
        }
    }

    // aws_ec2_managed_prefix_list: create (create-complete), GetManagedPrefixListEntries, ModifyManagedPrefixList with
    // CurrentVersion (modify-complete), delete (delete-complete or gone).
    public static async Task AwsEc2ManagedPrefixList(ProviderReplay r)
    {
        var list = (await r.Client.CreateManagedPrefixListAsync(new CreateManagedPrefixListRequest
        {
            PrefixListName = "replay",
            AddressFamily = "IPv4",
            MaxEntries = 5,
            Entries = [new AddPrefixListEntry { Cidr = "10.0.0.0/8", Description = "corp" }],
            TagSpecifications = Tags(ResourceType.PrefixList, "replay"),
        }, r.Ct)).PrefixList;
        var id = list.PrefixListId;
        await r.WaitAsync("aws_ec2_managed_prefix_list create", async () => (await DescribeListAsync(r, id))?.State?.Value, "create-complete");
        var read = (await DescribeListAsync(r, id))!;
        Present(read.PrefixListArn, "PrefixListArn");
        Present(read.OwnerId, "OwnerId");
        var version = Present(read.Version, "Version");
        Assert.Equal(5, read.MaxEntries);
        Assert.Equal("corp", Assert.Single((await r.Client.GetManagedPrefixListEntriesAsync(new GetManagedPrefixListEntriesRequest { PrefixListId = id }, r.Ct)).Entries).Description);
        await r.Client.ModifyManagedPrefixListAsync(new ModifyManagedPrefixListRequest
        {
            PrefixListId = id,
            CurrentVersion = version,
            AddEntries = [new AddPrefixListEntry { Cidr = "192.168.0.0/16", Description = "lab" }],
        }, r.Ct);
        await r.WaitAsync("aws_ec2_managed_prefix_list modify", async () => (await DescribeListAsync(r, id))?.State?.Value, "modify-complete");
        await r.Client.DeleteManagedPrefixListAsync(new DeleteManagedPrefixListRequest { PrefixListId = id }, r.Ct);
        await r.WaitAsync("aws_ec2_managed_prefix_list delete", async () => (await DescribeListAsync(r, id))?.State?.Value ?? "delete-complete", "delete-complete");
    }
}
