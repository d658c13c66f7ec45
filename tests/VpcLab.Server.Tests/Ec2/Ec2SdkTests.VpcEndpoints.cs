using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>VPC endpoints through the real SDK (spec gateways-endpoints-peering.md §d, §e, "VPC endpoint API"):
/// a gateway endpoint's prefix-list routes in its route tables, an interface endpoint's requester-managed
/// interfaces, DescribeVpcEndpoints filters and pages, policy errors, and DeleteVpcEndpoints' partial success.</summary>
public sealed partial class Ec2SdkTests
{
    private const string S3Service = "com.amazonaws.us-east-1.s3";
    private const string SnsService = "com.amazonaws.us-east-1.sns";

    /// <summary>DescribeVpcEndpoints as bytes on the wire (the SDK normalizes enum values to its own constants).</summary>
    private async Task<string> RawDescribeVpcEndpoints()
    {
        using var http = new HttpClient { BaseAddress = _server.Url };
        using var body = new FormUrlEncodedContent([new("Action", "DescribeVpcEndpoints"), new("Version", "2016-11-15")]);
        using var response = await http.PostAsync(new Uri("/", UriKind.Relative), body, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private async Task<RouteTable> NewRouteTable(string vpcId) =>
        (await _ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = vpcId }, Ct)).RouteTable;

    private async Task<string> PrefixListId(string serviceName) =>
        (await _ec2.DescribePrefixListsAsync(new DescribePrefixListsRequest
        {
            Filters = [new Filter("prefix-list-name", [serviceName])],
        }, Ct)).PrefixLists.Single().PrefixListId;

    /// <summary>The routes of a table that send a prefix list to an endpoint.</summary>
    private async Task<List<Route>> EndpointRoutes(string routeTableId) =>
        [.. (await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { RouteTableIds = [routeTableId] }, Ct))
            .RouteTables.Single().Routes.Where(r => r.DestinationPrefixListId is not null)];

    [Fact]
    public async Task GatewayEndpoint_TwoRouteTables_EachGetsPrefixListRouteToVpce_ModifyRemovesOne()
    {
        var vpc = await NewVpc("10.70.0.0/16");
        var rtA = await NewRouteTable(vpc.VpcId);
        var rtB = await NewRouteTable(vpc.VpcId);
        var s3PrefixList = await PrefixListId(S3Service);

        var created = (await _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc.VpcId,
            ServiceName = S3Service,
            VpcEndpointType = VpcEndpointType.Gateway,
            RouteTableIds = [rtA.RouteTableId, rtB.RouteTableId],
            TagSpecifications = Named(ResourceType.VpcEndpoint, "s3-gw"),
        }, Ct)).VpcEndpoint;

        Assert.StartsWith("vpce-", created.VpcEndpointId, StringComparison.Ordinal);
        Assert.Equal("Gateway", created.VpcEndpointType.Value);
        Assert.Equal("available", created.State.Value, ignoreCase: true); // the SDK maps it to its constant "Available"
        Assert.Contains("<state>available</state>", await RawDescribeVpcEndpoints(), StringComparison.Ordinal); // AWS's wire value
        Assert.Equal(vpc.VpcId, created.VpcId);
        Assert.Equal(S3Service, created.ServiceName);
        Assert.Equal(new[] { rtA.RouteTableId, rtB.RouteTableId }.Order(StringComparer.Ordinal), created.RouteTableIds.Order(StringComparer.Ordinal));
        Assert.Empty(created.SubnetIds);
        Assert.Empty(created.NetworkInterfaceIds);
        Assert.Empty(created.DnsEntries); // gateway endpoints have no DNS names
        Assert.False(created.RequesterManaged);
        Assert.Equal("ipv4", created.IpAddressType.Value);
        Assert.Contains("\"Principal\"", created.PolicyDocument, StringComparison.Ordinal); // AWS's full-access default
        Assert.Equal("111111111111", created.OwnerId);
        Assert.Equal("s3-gw", created.Tags.Single(t => t.Key == "Name").Value);

        // spec §d: each selected table gets DestinationPrefixListId=pl-… → GatewayId=vpce-…, active.
        foreach (var table in new[] { rtA, rtB })
        {
            var route = Assert.Single(await EndpointRoutes(table.RouteTableId));
            Assert.Equal(s3PrefixList, route.DestinationPrefixListId);
            Assert.Equal(created.VpcEndpointId, route.GatewayId);
            Assert.Null(route.DestinationCidrBlock);
            Assert.Equal("active", route.State.Value);
            Assert.Equal("CreateRoute", route.Origin.Value); // as the control plane stores it (spec: unconfirmed; moto says CreateRoute)
        }

        // spec §d: removing a table from the endpoint deletes its route; the other keeps it.
        var modified = await _ec2.ModifyVpcEndpointAsync(new ModifyVpcEndpointRequest
        {
            VpcEndpointId = created.VpcEndpointId,
            RemoveRouteTableIds = [rtB.RouteTableId],
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, modified.HttpStatusCode); // the SDK drops <return>true</return>
        Assert.Empty(await EndpointRoutes(rtB.RouteTableId));
        Assert.Single(await EndpointRoutes(rtA.RouteTableId));
        var described = (await _ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { VpcEndpointIds = [created.VpcEndpointId] }, Ct))
            .VpcEndpoints.Single();
        Assert.Equal([rtA.RouteTableId], described.RouteTableIds);

        // Deleting the endpoint deletes its remaining route.
        var deleted = await _ec2.DeleteVpcEndpointsAsync(new DeleteVpcEndpointsRequest { VpcEndpointIds = [created.VpcEndpointId] }, Ct);
        Assert.Empty(deleted.Unsuccessful);
        Assert.Empty(await EndpointRoutes(rtA.RouteTableId));
    }

    [Fact]
    public async Task InterfaceEndpoint_TwoSubnets_OneRequesterManagedInterfaceEach()
    {
        var vpc = await NewVpc("10.71.0.0/16");
        await _ec2.ModifyVpcAttributeAsync(new ModifyVpcAttributeRequest { VpcId = vpc.VpcId, EnableDnsHostnames = true }, Ct);
        var subnetA = await NewSubnet(vpc.VpcId, "10.71.1.0/24", "us-east-1a");
        var subnetB = await NewSubnet(vpc.VpcId, "10.71.2.0/24", "us-east-1b");
        var group = await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
        {
            GroupName = "endpoint-sg", Description = "endpoint", VpcId = vpc.VpcId,
        }, Ct);

        var created = (await _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc.VpcId,
            ServiceName = SnsService,
            VpcEndpointType = VpcEndpointType.Interface,
            SubnetIds = [subnetA.SubnetId, subnetB.SubnetId],
            SecurityGroupIds = [group.GroupId],
            PrivateDnsEnabled = true,
        }, Ct)).VpcEndpoint;

        Assert.Equal("Interface", created.VpcEndpointType.Value);
        Assert.Equal(2, created.NetworkInterfaceIds.Count);
        Assert.Equal(new[] { subnetA.SubnetId, subnetB.SubnetId }.Order(StringComparer.Ordinal), created.SubnetIds.Order(StringComparer.Ordinal));
        var sg = Assert.Single(created.Groups);
        Assert.Equal((group.GroupId, "endpoint-sg"), (sg.GroupId, sg.GroupName));
        Assert.True(created.PrivateDnsEnabled);
        Assert.Equal("ipv4", created.DnsOptions.DnsRecordIpType.Value);
        // spec §e: regional name, one zonal name per zone, then the service's own name (private DNS on).
        var names = created.DnsEntries.Select(d => d.DnsName).ToList();
        Assert.Equal(4, names.Count);
        Assert.Matches(@"^vpce-[0-9a-f]{17}-[a-z0-9]{8}\.sns\.us-east-1\.vpce\.amazonaws\.com$", names[0]);
        Assert.Contains(names, n => n.Contains("-us-east-1a.sns.us-east-1.vpce.amazonaws.com", StringComparison.Ordinal));
        Assert.Equal("sns.us-east-1.amazonaws.com", names[^1]);

        // The endpoint's interfaces: interfaceType vpc_endpoint, requester-managed, in use, in the endpoint's group.
        var enis = (await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest
        {
            NetworkInterfaceIds = created.NetworkInterfaceIds,
        }, Ct)).NetworkInterfaces;
        Assert.Equal(2, enis.Count);
        Assert.All(enis, e =>
        {
            Assert.Equal("vpc_endpoint", e.InterfaceType.Value);
            Assert.True(e.RequesterManaged);
            Assert.Equal("in-use", e.Status.Value);
            Assert.Equal(group.GroupId, Assert.Single(e.Groups).GroupId);
        });
        Assert.Equal(created.SubnetIds.Order(StringComparer.Ordinal), enis.Select(e => e.SubnetId).Order(StringComparer.Ordinal));
        var byType = (await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest
        {
            Filters = [new Filter("interface-type", ["vpc_endpoint"]), new Filter("vpc-id", [vpc.VpcId])],
        }, Ct)).NetworkInterfaces;
        Assert.Equal(2, byType.Count);

        // Deleting the endpoint deletes its interfaces.
        Assert.Empty((await _ec2.DeleteVpcEndpointsAsync(new DeleteVpcEndpointsRequest { VpcEndpointIds = [created.VpcEndpointId] }, Ct)).Unsuccessful);
        var left = (await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest
        {
            Filters = [new Filter("vpc-id", [vpc.VpcId])],
        }, Ct)).NetworkInterfaces;
        Assert.Empty(left);
    }

    [Fact]
    public async Task DescribeVpcEndpoints_FiltersAndMaxResults_FiltersAndPages()
    {
        var vpc = await NewVpc("10.72.0.0/16");
        var other = await NewVpc("10.73.0.0/16");
        var rt = await NewRouteTable(vpc.VpcId);
        var rtOther = await NewRouteTable(other.VpcId);
        var subnet = await NewSubnet(vpc.VpcId, "10.72.1.0/24");
        var s3 = (await _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc.VpcId, ServiceName = S3Service, RouteTableIds = [rt.RouteTableId], // type defaults to Gateway
            TagSpecifications = Named(ResourceType.VpcEndpoint, "s3"),
        }, Ct)).VpcEndpoint;
        var dynamo = (await _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = other.VpcId, ServiceName = "com.amazonaws.us-east-1.dynamodb", RouteTableIds = [rtOther.RouteTableId],
        }, Ct)).VpcEndpoint;
        var sns = (await _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc.VpcId, ServiceName = SnsService, VpcEndpointType = VpcEndpointType.Interface,
            SubnetIds = [subnet.SubnetId], PrivateDnsEnabled = false,
        }, Ct)).VpcEndpoint;
        Assert.Equal("Gateway", s3.VpcEndpointType.Value);

        async Task<string[]> Ids(params Filter[] filters) =>
            [.. (await _ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { Filters = [.. filters] }, Ct))
                .VpcEndpoints.Select(e => e.VpcEndpointId).Order(StringComparer.Ordinal)];
        string[] Sorted(params VpcEndpoint[] endpoints) => [.. endpoints.Select(e => e.VpcEndpointId).Order(StringComparer.Ordinal)];

        Assert.Equal(Sorted(s3, sns), await Ids(new Filter("vpc-id", [vpc.VpcId])));
        Assert.Equal(Sorted(s3, dynamo), await Ids(new Filter("vpc-endpoint-type", ["Gateway"])));
        Assert.Equal(Sorted(sns), await Ids(new Filter("service-name", [SnsService])));
        Assert.Equal(Sorted(dynamo), await Ids(new Filter("vpc-endpoint-id", [dynamo.VpcEndpointId])));
        Assert.Equal(Sorted(s3, dynamo, sns), await Ids(new Filter("vpc-endpoint-state", ["available"])));
        Assert.Equal(Sorted(s3), await Ids(new Filter("tag:Name", ["s3"])));
        Assert.Empty(await Ids(new Filter("vpc-endpoint-state", ["deleted"])));

        // Pages of one: each endpoint once, in id order.
        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await _ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { MaxResults = 1, NextToken = token }, Ct);
            Assert.True(page.VpcEndpoints.Count <= 1);
            seen.AddRange(page.VpcEndpoints.Select(e => e.VpcEndpointId));
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));
        Assert.Equal(Sorted(s3, dynamo, sns), seen);
    }

    [Fact]
    public async Task CreateVpcEndpoint_MalformedPolicy_IsInvalidPolicyDocument_AndNothingIsCreated()
    {
        var vpc = await NewVpc("10.74.0.0/16");
        var rt = await NewRouteTable(vpc.VpcId);

        // spec §d: EC2 answers a bad endpoint policy with InvalidPolicyDocument (HTTP 400).
        var e = await Fails(() => _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc.VpcId, ServiceName = S3Service, RouteTableIds = [rt.RouteTableId],
            PolicyDocument = "{\"Statement\": [",
        }, Ct));
        Assert.Equal("InvalidPolicyDocument", e.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Empty(await EndpointRoutes(rt.RouteTableId));
        Assert.Empty((await _ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest
        {
            Filters = [new Filter("vpc-id", [vpc.VpcId])],
        }, Ct)).VpcEndpoints);

        var unknown = await Fails(() => _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc.VpcId, ServiceName = "com.amazonaws.us-east-1.nosuch", RouteTableIds = [rt.RouteTableId],
        }, Ct));
        Assert.Equal("InvalidServiceName", unknown.ErrorCode);
    }

    [Fact]
    public async Task DeleteVpcEndpoints_OneUnknownId_IsUnsuccessfulItem_OthersDeleted()
    {
        var vpc = await NewVpc("10.75.0.0/16");
        var rt = await NewRouteTable(vpc.VpcId);
        var endpoint = (await _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc.VpcId, ServiceName = S3Service, RouteTableIds = [rt.RouteTableId],
        }, Ct)).VpcEndpoint;
        const string Missing = "vpce-0123456789abcdef0";

        var result = await _ec2.DeleteVpcEndpointsAsync(new DeleteVpcEndpointsRequest
        {
            VpcEndpointIds = [endpoint.VpcEndpointId, Missing],
        }, Ct);

        // AWS's partial success: the unknown id comes back in unsuccessful, the known one is deleted.
        var item = Assert.Single(result.Unsuccessful);
        Assert.Equal(Missing, item.ResourceId);
        Assert.Equal("InvalidVpcEndpointId.NotFound", item.Error.Code);
        Assert.Contains(Missing, item.Error.Message, StringComparison.Ordinal);
        Assert.Empty(await EndpointRoutes(rt.RouteTableId));
        var gone = await Fails(() => _ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { VpcEndpointIds = [endpoint.VpcEndpointId] }, Ct));
        Assert.Equal("InvalidVpcEndpointId.NotFound", gone.ErrorCode);
    }
}
