using Amazon;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Ec2Protocol = Amazon.EC2.Protocol;
using VpcLab.Server.Hosting;
using Engine = VpcLab.Engine;
using Model = VpcLab.Model;
using Net = VpcLab.Net;

namespace VpcLab.Server.Tests.Insights;

/// <summary>Reachability Analyzer paths to VPC endpoints through the real AWS SDK for .NET and the real server
/// (spec/reachability.md §1.1: VPC endpoints may be a source or destination). Each answer must be the engine's own
/// trace of the same flow: to a gateway endpoint, its service's address; to an interface endpoint, its interface
/// in the source's zone (docs/semantics.md#ra-endpoints).</summary>
public sealed class NetworkInsightsVpcEndpointSdkTests : IAsyncLifetime
{
    private const string S3Service = "com.amazonaws.us-east-1.s3";
    private const string SnsService = "com.amazonaws.us-east-1.sns";
    private const string SqsService = "com.amazonaws.us-east-1.sqs";

    private LoopbackEc2 _loopback = null!;
    private AmazonEC2Client _ec2 = null!;

    private string _igw = "", _vpc = "", _subnetA = "", _subnetB = "", _public = "", _table = "", _app = "", _web = "";
    private string _s3Endpoint = "", _openEndpoint = "", _closedEndpoint = "", _openGroup = "", _closedGroup = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _loopback = await LoopbackEc2.StartAsync(Ct);
        _ec2 = _loopback.Client;
        await BuildWorld();
    }

    public ValueTask DisposeAsync() => _loopback.DisposeAsync();

    /// <summary>Private subnets A (us-east-1a, own route table: local only, plus the S3 gateway endpoint's route)
    /// and B (us-east-1b) with "app" in A; a public subnet (route to an internet gateway) with "web". An S3 gateway
    /// endpoint on A's table; an SNS interface endpoint in A and B whose group allows tcp/443 from the VPC; an SQS
    /// interface endpoint in A and B whose group allows only tcp/80.</summary>
    private async Task BuildWorld()
    {
        _vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.1.0.0/16" }, Ct)).Vpc.VpcId;
        _subnetA = await Subnet("10.1.1.0/24", "us-east-1a");
        _subnetB = await Subnet("10.1.2.0/24", "us-east-1b");
        _public = await Subnet("10.1.3.0/24", "us-east-1a");
        await _ec2.ModifySubnetAttributeAsync(new ModifySubnetAttributeRequest { SubnetId = _public, MapPublicIpOnLaunch = true }, Ct);

        _table = (await _ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = _vpc }, Ct)).RouteTable.RouteTableId;
        await _ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = _table, SubnetId = _subnetA }, Ct);
        _igw = (await _ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest(), Ct)).InternetGateway.InternetGatewayId;
        await _ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = _igw, VpcId = _vpc }, Ct);
        var publicTable = (await _ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = _vpc }, Ct)).RouteTable.RouteTableId;
        await _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = publicTable, DestinationCidrBlock = "0.0.0.0/0", GatewayId = _igw }, Ct);
        await _ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = publicTable, SubnetId = _public }, Ct);

        var appGroup = await Group("app");
        _openGroup = await Group("endpoint-open");
        await Allow(_openGroup, 443, "10.1.0.0/16");
        _closedGroup = await Group("endpoint-closed");
        await Allow(_closedGroup, 80, "10.1.0.0/16");

        _app = await Launch(_subnetA, appGroup, "app");
        _web = await Launch(_public, appGroup, "web");

        _s3Endpoint = (await _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = _vpc, ServiceName = S3Service, VpcEndpointType = VpcEndpointType.Gateway, RouteTableIds = [_table],
        }, Ct)).VpcEndpoint.VpcEndpointId;
        _openEndpoint = await InterfaceEndpoint(SnsService, _openGroup);
        _closedEndpoint = await InterfaceEndpoint(SqsService, _closedGroup);
    }

    private async Task<string> Subnet(string cidr, string zone) =>
        (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = _vpc, CidrBlock = cidr, AvailabilityZone = zone }, Ct)).Subnet.SubnetId;

    private async Task<string> Group(string name) =>
        (await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = name, Description = name, VpcId = _vpc }, Ct)).GroupId;

    private async Task Allow(string group, int port, string cidr) =>
        await _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = port, ToPort = port, Ipv4Ranges = [new IpRange { CidrIp = cidr }] }],
        }, Ct);

    private async Task<string> Launch(string subnet, string group, string name) =>
        (await _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0fc50b841d13a3d05", InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1,
            SubnetId = subnet, SecurityGroupIds = [group],
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [new Tag("Name", name)] }],
        }, Ct)).Reservation.Instances.Single().InstanceId;

    private async Task<string> InterfaceEndpoint(string service, string group) =>
        (await _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = _vpc, ServiceName = service, VpcEndpointType = VpcEndpointType.Interface,
            SubnetIds = [_subnetA, _subnetB], SecurityGroupIds = [group], PrivateDnsEnabled = false,
        }, Ct)).VpcEndpoint.VpcEndpointId;

    private async Task<NetworkInsightsAnalysis> Analyze(CreateNetworkInsightsPathRequest request)
    {
        var path = (await _ec2.CreateNetworkInsightsPathAsync(request, Ct)).NetworkInsightsPath;
        var started = (await _ec2.StartNetworkInsightsAnalysisAsync(new StartNetworkInsightsAnalysisRequest
        {
            NetworkInsightsPathId = path.NetworkInsightsPathId,
        }, Ct)).NetworkInsightsAnalysis;
        Assert.Equal(AnalysisStatus.Succeeded, started.Status);
        return (await _ec2.DescribeNetworkInsightsAnalysesAsync(new DescribeNetworkInsightsAnalysesRequest
        {
            NetworkInsightsAnalysisIds = [started.NetworkInsightsAnalysisId],
        }, Ct)).NetworkInsightsAnalyses.Single();
    }

    private static List<PathComponent> Ordered(List<PathComponent> components) => [.. components.OrderBy(c => c.SequenceNumber)];

    private static List<string> Ids(List<PathComponent> components) => [.. Ordered(components).Select(c => c.Component.Id)];

    /// <summary>The engine's own answer for the same flow, on the server's current snapshot.</summary>
    private Engine.Trace EngineTrace(Engine.TraceEndpoint source, Engine.TraceEndpoint destination, ushort port)
    {
        _traced = new Engine.TraceRequest(source, destination, Net.IpProtocol.Tcp, port, Engine.FlowKey.DefaultEphemeralPort, Net.IpFamily.V4);
        return Engine.CompiledNetwork.Compile(_loopback.Server.State.ControlPlane.Network).Trace(_traced);
    }

    private Engine.TraceRequest? _traced;

    /// <summary>The analysis answers as the engine traces the flow; a blocked path's explanations are the trace's own,
    /// then each further blocker's, as <c>vpclab trace</c> lists them (docs/semantics.md#blocked-paths).</summary>
    private void AssertSame(Engine.Trace expected, NetworkInsightsAnalysis actual)
    {
        Assert.Equal(expected.Verdict == Engine.Verdict.Accepted, actual.NetworkPathFound);
        Assert.Equal([.. expected.Forward.Select(h => h.Component.Id)], Ids(actual.ForwardPathComponents));
        IEnumerable<string> further = expected.Verdict == Engine.Verdict.Dropped && _traced is { } request
            ? VpcLab.Analysis.Blockers.BlockedPathAnalyzer.Analyze(_loopback.Server.State.ControlPlane.Network, request).Explanations.Skip(1).Select(e => e.Code.Value)
            : [];
        Assert.Equal([.. expected.Explanations.Select(e => e.Code.Value), .. further], actual.Explanations.Select(e => e.ExplanationCode).ToList());
        if (expected.Verdict == Engine.Verdict.Accepted)
            Assert.Equal([.. expected.Return.Select(h => h.Component.Id)], Ids(actual.ReturnPathComponents));
    }

    private static Engine.TraceEndpoint Instance(string id) => Engine.TraceEndpoint.Instance(new Model.InstanceId(id));

    private static Engine.TraceEndpoint S3Address() => Engine.TraceEndpoint.ForAddress(Engine.S3.S3RequestTracer.S3AddressIn("us-east-1"));

    /// <summary>The endpoint's interface in a zone, as DescribeVpcEndpoints and DescribeNetworkInterfaces list it.</summary>
    private async Task<string> EndpointInterfaceIn(string endpoint, string zone)
    {
        var described = (await _ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { VpcEndpointIds = [endpoint] }, Ct)).VpcEndpoints.Single();
        var interfaces = (await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest
        {
            NetworkInterfaceIds = described.NetworkInterfaceIds,
        }, Ct)).NetworkInterfaces;
        return interfaces.Single(i => i.AvailabilityZone == zone).NetworkInterfaceId;
    }

    // AWS: a gateway endpoint's prefix-list route carries the packet to the service (spec §1.1: gateway endpoints may
    // be a destination); the path names the endpoint (vpc-endpoint ARN) and the service (ServiceName).
    [Fact]
    public async Task AppToS3GatewayEndpoint_RouteInTheTable_PathFoundThroughTheEndpoint()
    {
        var analysis = await Analyze(new CreateNetworkInsightsPathRequest
        {
            Source = _app, Destination = _s3Endpoint, Protocol = Ec2Protocol.Tcp, DestinationPort = 443,
        });
        var trace = EngineTrace(Instance(_app), S3Address(), 443);
        Assert.Equal(Engine.Verdict.Accepted, trace.Verdict);
        AssertSame(trace, analysis);
        Assert.True(analysis.NetworkPathFound);
        Assert.Empty(analysis.Explanations);

        var endpoint = analysis.ForwardPathComponents.First(c => c.Component.Id == _s3Endpoint);
        Assert.Equal($"arn:aws:ec2:us-east-1:111111111111:vpc-endpoint/{_s3Endpoint}", endpoint.Component.Arn);
        Assert.Contains(analysis.ForwardPathComponents, c => c.ServiceName == S3Service);
        Assert.Contains(analysis.ForwardPathComponents, c => c.RouteTableRoute?.DestinationPrefixListId?.StartsWith("pl-", StringComparison.Ordinal) == true
            && c.RouteTableRoute.GatewayId == _s3Endpoint);
        Assert.NotEmpty(analysis.ReturnPathComponents);

        // The path stores the endpoint as its destination, with the endpoint's ARN.
        var path = (await _ec2.DescribeNetworkInsightsPathsAsync(new DescribeNetworkInsightsPathsRequest
        {
            Filters = [new Filter("destination", [_s3Endpoint])],
        }, Ct)).NetworkInsightsPaths.Single();
        Assert.Equal($"arn:aws:ec2:us-east-1:111111111111:vpc-endpoint/{_s3Endpoint}", path.DestinationArn);
    }

    // AWS: ModifyVpcEndpoint RemoveRouteTableIds deletes the endpoint's route from that table; with only the local
    // route left the packet to S3 has no route (NO_ROUTE_TO_DESTINATION on the subnet's route table).
    [Fact]
    public async Task AppToS3GatewayEndpoint_TableRemovedFromTheEndpoint_NoRouteToDestination()
    {
        await _ec2.ModifyVpcEndpointAsync(new ModifyVpcEndpointRequest { VpcEndpointId = _s3Endpoint, RemoveRouteTableIds = [_table] }, Ct);
        var analysis = await Analyze(new CreateNetworkInsightsPathRequest
        {
            Source = _app, Destination = _s3Endpoint, Protocol = Ec2Protocol.Tcp, DestinationPort = 443,
        });
        var trace = EngineTrace(Instance(_app), S3Address(), 443);
        AssertSame(trace, analysis);
        Assert.False(analysis.NetworkPathFound);
        // Every blocker (docs/semantics.md#blocked-paths): the missing route first, then what the re-traced path meets.
        var explanation = analysis.Explanations[0];
        Assert.Equal("NO_ROUTE_TO_DESTINATION", explanation.ExplanationCode);
        Assert.Equal(_table, explanation.RouteTable.Id);
        Assert.Equal(2, analysis.Explanations.Count);
        Assert.DoesNotContain(_s3Endpoint, Ids(analysis.ForwardPathComponents));
        Assert.Empty(analysis.ReturnPathComponents);
    }

    // Like an internet gateway destination: the path must cross the endpoint. "web" reaches S3 over the internet
    // (its table has no endpoint route), so the data plane accepts the packet but the path is not found (NO_PATH).
    [Fact]
    public async Task WebToS3GatewayEndpoint_ReachesS3OverTheInternet_NoPathThroughTheEndpoint()
    {
        var analysis = await Analyze(new CreateNetworkInsightsPathRequest
        {
            Source = _web, Destination = _s3Endpoint, Protocol = Ec2Protocol.Tcp, DestinationPort = 443,
        });
        var trace = EngineTrace(Instance(_web), S3Address(), 443);
        Assert.Equal(Engine.Verdict.Accepted, trace.Verdict);
        Assert.False(analysis.NetworkPathFound);
        Assert.Equal([.. trace.Forward.Select(h => h.Component.Id)], Ids(analysis.ForwardPathComponents));
        var explanation = Assert.Single(analysis.Explanations);
        Assert.Equal("NO_PATH", explanation.ExplanationCode);
        Assert.Equal(_s3Endpoint, explanation.VpcEndpoint.Id);
        Assert.Empty(analysis.ReturnPathComponents);
    }

    // AWS: an interface endpoint's interfaces accept what their security groups allow (tcp/443 here); the path ends
    // at the interface in the client's zone (us-east-1a), then the endpoint and its service.
    [Fact]
    public async Task AppToInterfaceEndpoint_GroupAllowsHttps_PathFoundToTheInterfaceInTheSameZone()
    {
        var analysis = await Analyze(new CreateNetworkInsightsPathRequest
        {
            Source = _app, Destination = _openEndpoint, Protocol = Ec2Protocol.Tcp, DestinationPort = 443,
        });
        var eniA = await EndpointInterfaceIn(_openEndpoint, "us-east-1a");
        var trace = EngineTrace(Instance(_app), Engine.TraceEndpoint.Interface(new Model.NetworkInterfaceId(eniA)), 443);
        Assert.Equal(Engine.Verdict.Accepted, trace.Verdict);
        AssertSame(trace, analysis);
        Assert.True(analysis.NetworkPathFound);

        var ids = Ids(analysis.ForwardPathComponents);
        Assert.Contains(eniA, ids);
        Assert.DoesNotContain(await EndpointInterfaceIn(_openEndpoint, "us-east-1b"), ids);
        var endpoint = analysis.ForwardPathComponents.First(c => c.Component.Id == _openEndpoint);
        Assert.Equal($"arn:aws:ec2:us-east-1:111111111111:vpc-endpoint/{_openEndpoint}", endpoint.Component.Arn);
        Assert.Equal(SnsService, Ordered(analysis.ForwardPathComponents).Last().ServiceName);
        Assert.Contains(analysis.ForwardPathComponents, c => c.SecurityGroupRule is { Direction: "ingress" } r && r.SecurityGroupId == _openGroup);
    }

    // AWS: no inbound rule of the endpoint's group matches tcp/443: ENI_SG_RULES_MISMATCH, ingress, naming the group.
    [Fact]
    public async Task AppToInterfaceEndpoint_GroupLacksHttps_EniSgRulesMismatch()
    {
        var analysis = await Analyze(new CreateNetworkInsightsPathRequest
        {
            Source = _app, Destination = _closedEndpoint, Protocol = Ec2Protocol.Tcp, DestinationPort = 443,
        });
        var eniA = await EndpointInterfaceIn(_closedEndpoint, "us-east-1a");
        var trace = EngineTrace(Instance(_app), Engine.TraceEndpoint.Interface(new Model.NetworkInterfaceId(eniA)), 443);
        AssertSame(trace, analysis);
        Assert.False(analysis.NetworkPathFound);
        var explanation = Assert.Single(analysis.Explanations);
        Assert.Equal("ENI_SG_RULES_MISMATCH", explanation.ExplanationCode);
        Assert.Equal("ingress", explanation.Direction);
        Assert.Equal(_closedGroup, explanation.SecurityGroups.Single().Id);
        Assert.Empty(analysis.ReturnPathComponents);
    }

    // Choice (docs/semantics.md#ra-endpoints): without a destination port a path to a VPC endpoint asks about HTTPS (443), even
    // when the endpoint's group opens another port (80 here); the answer is the engine's for tcp/443.
    [Fact]
    public async Task AppToInterfaceEndpoint_NoDestinationPort_ProbesHttps()
    {
        var analysis = await Analyze(new CreateNetworkInsightsPathRequest
        {
            Source = _app, Destination = _closedEndpoint, Protocol = Ec2Protocol.Tcp,
        });
        var first = Ordered(analysis.ForwardPathComponents).First();
        Assert.Equal(443, first.OutboundHeader.DestinationPortRanges.Single().From);
        var eniA = await EndpointInterfaceIn(_closedEndpoint, "us-east-1a");
        AssertSame(EngineTrace(Instance(_app), Engine.TraceEndpoint.Interface(new Model.NetworkInterfaceId(eniA)), 443), analysis);
    }

    // Choice (docs/semantics.md#ra-endpoints): an endpoint with no interface in the client's zone is reached at its first
    // interface (another zone); the engine marks the crossing (AVAILABILITY_ZONE_CROSSED detail on the endpoint).
    [Fact]
    public async Task AppToInterfaceEndpoint_NoInterfaceInTheClientsZone_FirstInterfaceAcrossZones()
    {
        var endpoint = (await _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = _vpc, ServiceName = "com.amazonaws.us-east-1.sts", VpcEndpointType = VpcEndpointType.Interface,
            SubnetIds = [_subnetB], SecurityGroupIds = [_openGroup], PrivateDnsEnabled = false,
        }, Ct)).VpcEndpoint.VpcEndpointId;
        var analysis = await Analyze(new CreateNetworkInsightsPathRequest
        {
            Source = _app, Destination = endpoint, Protocol = Ec2Protocol.Tcp, DestinationPort = 443,
        });
        var eniB = await EndpointInterfaceIn(endpoint, "us-east-1b");
        var trace = EngineTrace(Instance(_app), Engine.TraceEndpoint.Interface(new Model.NetworkInterfaceId(eniB)), 443);
        Assert.Equal(Engine.Verdict.Accepted, trace.Verdict);
        AssertSame(trace, analysis);
        Assert.Contains(eniB, Ids(analysis.ForwardPathComponents));
        Assert.Contains(trace.Forward, h => h.Component.Id == endpoint
            && h.Explanations.Any(e => e.Code == Engine.ExplanationCode.AvailabilityZoneCrossed));
    }

    // AWS: a DynamoDB gateway endpoint works as S3's does; the path ends at an address of the Region's DynamoDB
    // prefix list (the first of its first range) and names the service.
    [Fact]
    public async Task AppToDynamoDbGatewayEndpoint_RouteInTheTable_PathFound()
    {
        var endpoint = (await _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = _vpc, ServiceName = "com.amazonaws.us-east-1.dynamodb", VpcEndpointType = VpcEndpointType.Gateway, RouteTableIds = [_table],
        }, Ct)).VpcEndpoint.VpcEndpointId;
        var analysis = await Analyze(new CreateNetworkInsightsPathRequest
        {
            Source = _app, Destination = endpoint, Protocol = Ec2Protocol.Tcp, DestinationPort = 443,
        });
        var address = Model.AwsIpRanges.Default.PrefixesOf("us-east-1", "DYNAMODB")[0].AddressAt(0);
        var trace = EngineTrace(Instance(_app), Engine.TraceEndpoint.ForAddress(address), 443);
        Assert.Equal(Engine.Verdict.Accepted, trace.Verdict);
        AssertSame(trace, analysis);
        Assert.Contains(endpoint, Ids(analysis.ForwardPathComponents));
        Assert.Contains(analysis.ForwardPathComponents, c => c.ServiceName == "com.amazonaws.us-east-1.dynamodb");
    }

    // AWS: a gateway endpoint carries only TCP (and ICMP echo) to its service: a UDP path is refused there.
    [Fact]
    public async Task AppToS3GatewayEndpoint_Udp_VpceGatewayProtocolRestriction()
    {
        var analysis = await Analyze(new CreateNetworkInsightsPathRequest
        {
            Source = _app, Destination = _s3Endpoint, Protocol = Ec2Protocol.Udp, DestinationPort = 443,
        });
        Assert.False(analysis.NetworkPathFound);
        var explanation = Assert.Single(analysis.Explanations);
        Assert.Equal("VPCE_GATEWAY_PROTOCOL_RESTRICTION", explanation.ExplanationCode);
        Assert.Equal(_s3Endpoint, explanation.VpcEndpoint.Id);
    }

    // From the internet: a gateway endpoint serves only its VPC's subnets (choice: NO_PATH on the endpoint); an
    // interface endpoint's interfaces have no public address (AWS: IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS).
    [Theory]
    [InlineData("s3", "NO_PATH")]
    [InlineData("sns", "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS")]
    public async Task InternetGatewayToVpcEndpoint_GatewayOrInterface_NetworkPathNotFound(string endpoint, string code)
    {
        var analysis = await Analyze(new CreateNetworkInsightsPathRequest
        {
            Source = _igw, Destination = endpoint == "s3" ? _s3Endpoint : _openEndpoint, Protocol = Ec2Protocol.Tcp, DestinationPort = 443,
        });
        Assert.False(analysis.NetworkPathFound);
        Assert.Equal(code, Assert.Single(analysis.Explanations).ExplanationCode);
        Assert.Equal(_igw, Ids(analysis.ForwardPathComponents)[^1]);
    }

    // AWS: the service behind an interface endpoint never opens connections into the VPC (VPCE_INTRA_VPC_TRAFFIC).
    [Fact]
    public async Task InterfaceEndpointToApp_AsSource_VpceIntraVpcTraffic()
    {
        var analysis = await Analyze(new CreateNetworkInsightsPathRequest
        {
            Source = $"arn:aws:ec2:us-east-1:111111111111:vpc-endpoint/{_openEndpoint}", Destination = _app,
            Protocol = Ec2Protocol.Tcp, DestinationPort = 22,
        });
        Assert.False(analysis.NetworkPathFound);
        Assert.Equal("VPCE_INTRA_VPC_TRAFFIC", Assert.Single(analysis.Explanations).ExplanationCode);
    }

    // spec §1.2 errors: an endpoint id follows the control plane's codes (InvalidVpcEndpointId.NotFound/.Malformed);
    // another account's ARN is not visible; a gateway endpoint cannot be a source (choice, docs/semantics.md#ra-endpoints).
    [Theory]
    [InlineData("{app}", "vpce-0123456789abcdef0", "InvalidVpcEndpointId.NotFound")]
    [InlineData("{app}", "arn:aws:ec2:us-east-1:222222222222:vpc-endpoint/{s3}", "InvalidVpcEndpointId.NotFound")]
    [InlineData("{app}", "vpce-zz", "InvalidVpcEndpointId.Malformed")]
    [InlineData("{app}", "arn:aws:ec2:us-east-1:111111111111:vpc-endpoint/{app}", "InvalidParameterValue")]
    [InlineData("{s3}", "{app}", "InvalidParameterValue")]
    public async Task CreatePath_BadEndpoint_AwsErrorCode(string source, string destination, string code)
    {
        string Fill(string s) => s.Replace("{app}", _app, StringComparison.Ordinal).Replace("{s3}", _s3Endpoint, StringComparison.Ordinal);
        var e = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.CreateNetworkInsightsPathAsync(new CreateNetworkInsightsPathRequest
        {
            Source = Fill(source), Destination = Fill(destination), Protocol = Ec2Protocol.Tcp,
        }, Ct));
        Assert.Equal(code, e.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, e.StatusCode);
    }

    // A path outlives its endpoint; an analysis after DeleteVpcEndpoints fails naming the missing component.
    [Fact]
    public async Task StartNetworkInsightsAnalysis_EndpointDeleted_FailsNamingTheMissingEndpoint()
    {
        var path = (await _ec2.CreateNetworkInsightsPathAsync(new CreateNetworkInsightsPathRequest
        {
            Source = _app, Destination = _openEndpoint, Protocol = Ec2Protocol.Tcp, DestinationPort = 443,
        }, Ct)).NetworkInsightsPath;
        await _ec2.DeleteVpcEndpointsAsync(new DeleteVpcEndpointsRequest { VpcEndpointIds = [_openEndpoint] }, Ct);
        var analysis = (await _ec2.StartNetworkInsightsAnalysisAsync(new StartNetworkInsightsAnalysisRequest
        {
            NetworkInsightsPathId = path.NetworkInsightsPathId,
        }, Ct)).NetworkInsightsAnalysis;
        Assert.Equal(AnalysisStatus.Failed, analysis.Status);
        Assert.Contains(_openEndpoint, analysis.StatusMessage, StringComparison.Ordinal);
    }
}
