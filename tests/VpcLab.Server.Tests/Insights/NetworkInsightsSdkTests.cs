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

/// <summary>The real AWS SDK for .NET against the real server (Kestrel, ServerState, dispatcher): a small network
/// built through EC2 calls, then Reachability Analyzer paths and analyses whose answers must be the engine's own
/// trace of the same flow — verdict, the forward path's component ids in order, and the explanation codes.</summary>
public sealed class NetworkInsightsSdkTests : IAsyncLifetime
{
    private LoopbackEc2 _loopback = null!;
    private AmazonEC2Client _ec2 = null!;

    // The world, built once per test class instance.
    private string _vpc = "", _public = "", _private = "", _igw = "", _web = "", _app = "", _webSg = "", _appSg = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _loopback = await LoopbackEc2.StartAsync(Ct);
        _ec2 = _loopback.Client;
        await BuildWorld();
    }

    public ValueTask DisposeAsync() => _loopback.DisposeAsync();

    /// <summary>A public subnet (route to the internet gateway, public IPs) with "web" (tcp/443 from anywhere) and
    /// a private subnet (main table: local only) with "app" (tcp/5432 and tcp/3306 from the VPC), whose network
    /// ACL denies inbound tcp/3306 at rule 90.</summary>
    private async Task BuildWorld()
    {
        _vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" }, Ct)).Vpc.VpcId;
        _public = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = _vpc, CidrBlock = "10.0.1.0/24", AvailabilityZone = "us-east-1a" }, Ct)).Subnet.SubnetId;
        _private = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = _vpc, CidrBlock = "10.0.2.0/24", AvailabilityZone = "us-east-1a" }, Ct)).Subnet.SubnetId;
        await _ec2.ModifySubnetAttributeAsync(new ModifySubnetAttributeRequest { SubnetId = _public, MapPublicIpOnLaunch = true }, Ct);

        _igw = (await _ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest(), Ct)).InternetGateway.InternetGatewayId;
        await _ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = _igw, VpcId = _vpc }, Ct);
        var table = (await _ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = _vpc }, Ct)).RouteTable.RouteTableId;
        await _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationCidrBlock = "0.0.0.0/0", GatewayId = _igw }, Ct);
        await _ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = table, SubnetId = _public }, Ct);

        _webSg = (await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "web", Description = "web", VpcId = _vpc }, Ct)).GroupId;
        await Allow(_webSg, 443, "0.0.0.0/0");
        _appSg = (await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "app", Description = "app", VpcId = _vpc }, Ct)).GroupId;
        await Allow(_appSg, 5432, "10.0.0.0/16");
        await Allow(_appSg, 3306, "10.0.0.0/16");

        var acl = (await _ec2.CreateNetworkAclAsync(new CreateNetworkAclRequest { VpcId = _vpc }, Ct)).NetworkAcl.NetworkAclId;
        await Entry(acl, 90, egress: false, RuleAction.Deny, new PortRange { From = 3306, To = 3306 }, "6");
        await Entry(acl, 100, egress: false, RuleAction.Allow, null, "-1");
        await Entry(acl, 100, egress: true, RuleAction.Allow, null, "-1");
        var association = (await _ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest
        {
            Filters = [new Filter("association.subnet-id", [_private])],
        }, Ct)).NetworkAcls.Single().Associations.Single(a => a.SubnetId == _private).NetworkAclAssociationId;
        await _ec2.ReplaceNetworkAclAssociationAsync(new ReplaceNetworkAclAssociationRequest { AssociationId = association, NetworkAclId = acl }, Ct);

        _web = await Launch(_public, _webSg, "web");
        _app = await Launch(_private, _appSg, "app");
    }

    private async Task Allow(string group, int port, string cidr) =>
        await _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = port, ToPort = port, Ipv4Ranges = [new IpRange { CidrIp = cidr }] }],
        }, Ct);

    private async Task Entry(string acl, int rule, bool egress, RuleAction action, PortRange? ports, string protocol) =>
        await _ec2.CreateNetworkAclEntryAsync(new CreateNetworkAclEntryRequest
        {
            NetworkAclId = acl, RuleNumber = rule, Egress = egress, RuleAction = action, Protocol = protocol,
            CidrBlock = "0.0.0.0/0", PortRange = ports,
        }, Ct);

    private async Task<string> Launch(string subnet, string group, string name) =>
        (await _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0fc50b841d13a3d05", InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1,
            SubnetId = subnet, SecurityGroupIds = [group],
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [new Tag("Name", name)] }],
        }, Ct)).Reservation.Instances.Single().InstanceId;

    private async Task<NetworkInsightsAnalysis> Analyze(CreateNetworkInsightsPathRequest request)
    {
        request.TagSpecifications = [new TagSpecification { ResourceType = ResourceType.NetworkInsightsPath, Tags = [new Tag("Name", "probe")] }];
        var path = (await _ec2.CreateNetworkInsightsPathAsync(request, Ct)).NetworkInsightsPath;
        Assert.Matches("^nip-0[0-9a-f]{16}$", path.NetworkInsightsPathId);
        Assert.Equal($"arn:aws:ec2:us-east-1:111111111111:network-insights-path/{path.NetworkInsightsPathId}", path.NetworkInsightsPathArn);
        Assert.Equal("probe", path.Tags.Single().Value);
        var started = (await _ec2.StartNetworkInsightsAnalysisAsync(new StartNetworkInsightsAnalysisRequest
        {
            NetworkInsightsPathId = path.NetworkInsightsPathId,
        }, Ct)).NetworkInsightsAnalysis;
        Assert.Equal(AnalysisStatus.Succeeded, started.Status);
        // What Describe answers is what Start answered.
        var described = (await _ec2.DescribeNetworkInsightsAnalysesAsync(new DescribeNetworkInsightsAnalysesRequest
        {
            NetworkInsightsAnalysisIds = [started.NetworkInsightsAnalysisId],
        }, Ct)).NetworkInsightsAnalyses.Single();
        Assert.Equal(Ids(started.ForwardPathComponents), Ids(described.ForwardPathComponents));
        Assert.Equal(started.NetworkPathFound, described.NetworkPathFound);
        return described;
    }

    private static List<string> Ids(List<PathComponent> components) =>
        [.. components.OrderBy(c => c.SequenceNumber).Select(c => c.Component.Id)];

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

    [Fact]
    public async Task WebToApp_AllowedPort_PathFound_AsTheEngineTracesIt()
    {
        var analysis = await Analyze(new CreateNetworkInsightsPathRequest
        {
            Source = _web, Destination = _app, Protocol = Ec2Protocol.Tcp, DestinationPort = 5432,
        });
        var trace = EngineTrace(Instance(_web), Instance(_app), 5432);
        Assert.Equal(Engine.Verdict.Accepted, trace.Verdict);
        AssertSame(trace, analysis);
        Assert.True(analysis.NetworkPathFound);
        Assert.Empty(analysis.Explanations);

        // The path components carry RA's details: the first names the source ENI with its header, a security
        // group hop its rule, the route table its route, the ACL its rule.
        var first = analysis.ForwardPathComponents.OrderBy(c => c.SequenceNumber).First();
        Assert.StartsWith("eni-", first.Component.Id, StringComparison.Ordinal);
        Assert.Equal("web", first.Component.Name);
        Assert.Equal(_public, first.Subnet.Id);
        Assert.Equal(_vpc, first.Vpc.Id);
        Assert.Equal("6", first.OutboundHeader.Protocol);
        Assert.Equal([5432], first.OutboundHeader.DestinationPortRanges.Select(r => r.From ?? -1));
        Assert.NotNull(first.InboundHeader);
        var ingress = analysis.ForwardPathComponents.Single(c => c.SecurityGroupRule?.Direction == "ingress");
        Assert.Equal(_appSg, ingress.SecurityGroupRule.SecurityGroupId);
        Assert.Equal("10.0.0.0/16", ingress.SecurityGroupRule.Cidr);
        Assert.Equal(5432, ingress.SecurityGroupRule.PortRange.From);
        Assert.Contains(analysis.ForwardPathComponents, c => c.RouteTableRoute?.DestinationCidr == "10.0.0.0/16" && c.RouteTableRoute.GatewayId == "local");
        Assert.Contains(analysis.ForwardPathComponents, c => c.AclRule is { RuleNumber: 100, Egress: false, RuleAction: "allow" });
        Assert.StartsWith("arn:aws:ec2:us-east-1:111111111111:security-group/", ingress.Component.Arn, StringComparison.Ordinal);
        Assert.NotEmpty(analysis.ReturnPathComponents);
    }

    [Fact]
    public async Task WebToApp_PortTheGroupLacks_EniSgRulesMismatch()
    {
        var analysis = await Analyze(new CreateNetworkInsightsPathRequest
        {
            Source = _web, Destination = _app, Protocol = Ec2Protocol.Tcp, DestinationPort = 22,
        });
        var trace = EngineTrace(Instance(_web), Instance(_app), 22);
        AssertSame(trace, analysis);
        Assert.False(analysis.NetworkPathFound);
        var explanation = Assert.Single(analysis.Explanations);
        Assert.Equal("ENI_SG_RULES_MISMATCH", explanation.ExplanationCode);
        Assert.Equal("ingress", explanation.Direction);
        Assert.Equal(_appSg, explanation.SecurityGroups.Single().Id);
        Assert.Empty(analysis.ReturnPathComponents);
    }

    [Fact]
    public async Task WebToApp_NetworkAclDeny_SubnetAclRestrictionWithRuleNumber()
    {
        var analysis = await Analyze(new CreateNetworkInsightsPathRequest
        {
            Source = _web, Destination = _app, Protocol = Ec2Protocol.Tcp, DestinationPort = 3306,
        });
        var trace = EngineTrace(Instance(_web), Instance(_app), 3306);
        AssertSame(trace, analysis);
        var explanation = Assert.Single(analysis.Explanations);
        Assert.Equal("SUBNET_ACL_RESTRICTION", explanation.ExplanationCode);
        Assert.Equal(90, explanation.AclRule.RuleNumber);
        Assert.Equal("deny", explanation.AclRule.RuleAction);
        Assert.Equal("ingress", explanation.Direction);
        Assert.StartsWith("acl-", explanation.Acl.Id, StringComparison.Ordinal);
        Assert.Equal(_private, explanation.Subnet.Id);
    }

    [Fact]
    public async Task AppToInternetGateway_PrivateSubnetWithoutRoute_NoRouteToDestination()
    {
        var analysis = await Analyze(new CreateNetworkInsightsPathRequest
        {
            Source = _app, Destination = _igw, Protocol = Ec2Protocol.Tcp, DestinationPort = 443,
        });
        // Choice (docs/semantics.md): an internet gateway destination is an internet address beyond it.
        var trace = EngineTrace(Instance(_app), Engine.TraceEndpoint.ForAddress(Net.IpAddress.Parse("198.51.100.1")), 443);
        AssertSame(trace, analysis);
        // Every blocker (docs/semantics.md#blocked-paths): no route, then, with the proposed route to the gateway, the
        // instance's missing public IPv4.
        Assert.Equal(["NO_ROUTE_TO_DESTINATION", "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS"], analysis.Explanations.Select(e => e.ExplanationCode));
        Assert.StartsWith("rtb-", analysis.Explanations[0].RouteTable.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InternetGatewayToWeb_Https_PathFoundThroughTheGateway()
    {
        var analysis = await Analyze(new CreateNetworkInsightsPathRequest
        {
            Source = $"arn:aws:ec2:us-east-1:111111111111:internet-gateway/{_igw}", Destination = _web,
            Protocol = Ec2Protocol.Tcp, DestinationPort = 443,
        });
        var trace = EngineTrace(Engine.TraceEndpoint.ForAddress(Net.IpAddress.Parse("198.51.100.1")), Instance(_web), 443);
        Assert.Equal(Engine.Verdict.Accepted, trace.Verdict);
        AssertSame(trace, analysis);
        Assert.Contains(_igw, Ids(analysis.ForwardPathComponents));
        // The gateway translates the public destination to the private address: its inbound header shows both.
        var gateway = analysis.ForwardPathComponents.First(c => c.Component.Id == _igw);
        Assert.NotEqual(gateway.InboundHeader.DestinationAddresses.Single(), gateway.OutboundHeader.DestinationAddresses.Single());
    }

    [Fact]
    public async Task WebToInternetGateway_PublicSubnet_PathFound()
    {
        var analysis = await Analyze(new CreateNetworkInsightsPathRequest
        {
            Source = _web, Destination = _igw, Protocol = Ec2Protocol.Tcp, DestinationPort = 443,
        });
        var trace = EngineTrace(Instance(_web), Engine.TraceEndpoint.ForAddress(Net.IpAddress.Parse("198.51.100.1")), 443);
        AssertSame(trace, analysis);
        Assert.True(analysis.NetworkPathFound);
    }

    // Choice (docs/semantics.md#ports): without a destination port the analysis probes the
    // destination groups' inbound ports in ascending order (3306: NACL deny; 5432: open) and reports the first
    // that gets through; the source port comes from FilterAtSource.
    [Fact]
    public async Task WebToApp_NoDestinationPort_ProbesTheGroupsPorts_FirstOpenOneReported()
    {
        var analysis = await Analyze(new CreateNetworkInsightsPathRequest
        {
            Source = _web, Destination = _app, Protocol = Ec2Protocol.Tcp,
            FilterAtSource = new PathRequestFilter { SourcePortRange = new RequestFilterPortRange { FromPort = 40000, ToPort = 40100 } },
        });
        Assert.True(analysis.NetworkPathFound);
        var first = analysis.ForwardPathComponents.OrderBy(c => c.SequenceNumber).First();
        Assert.Equal(5432, first.OutboundHeader.DestinationPortRanges.Single().From);
        Assert.Equal(40000, first.OutboundHeader.SourcePortRanges.Single().From);
        var trace = Engine.CompiledNetwork.Compile(_loopback.Server.State.ControlPlane.Network).Trace(
            new Engine.TraceRequest(Instance(_web), Instance(_app), Net.IpProtocol.Tcp, 5432, 40000, Net.IpFamily.V4));
        AssertSame(trace, analysis);
    }

    [Fact]
    public async Task NetworkInsightsPath_DescribeFilterAndDelete_DependencyViolationWhileAnalyzedThenNotFound()
    {
        var path = (await _ec2.CreateNetworkInsightsPathAsync(new CreateNetworkInsightsPathRequest
        {
            Source = _web, Destination = _app, Protocol = Ec2Protocol.Udp,
            FilterAtSource = new PathRequestFilter { SourcePortRange = new RequestFilterPortRange { FromPort = 5000, ToPort = 5000 } },
        }, Ct)).NetworkInsightsPath;
        Assert.Equal(5000, path.FilterAtSource.SourcePortRange.FromPort);

        var described = await _ec2.DescribeNetworkInsightsPathsAsync(new DescribeNetworkInsightsPathsRequest
        {
            Filters = [new Filter("protocol", ["udp"]), new Filter("source", [_web])],
        }, Ct);
        Assert.Equal(path.NetworkInsightsPathId, described.NetworkInsightsPaths.Single().NetworkInsightsPathId);

        var analysis = (await _ec2.StartNetworkInsightsAnalysisAsync(new StartNetworkInsightsAnalysisRequest { NetworkInsightsPathId = path.NetworkInsightsPathId }, Ct)).NetworkInsightsAnalysis;
        var e = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DeleteNetworkInsightsPathAsync(
            new DeleteNetworkInsightsPathRequest { NetworkInsightsPathId = path.NetworkInsightsPathId }, Ct));
        Assert.Equal("DependencyViolation", e.ErrorCode);
        await _ec2.DeleteNetworkInsightsAnalysisAsync(new DeleteNetworkInsightsAnalysisRequest { NetworkInsightsAnalysisId = analysis.NetworkInsightsAnalysisId }, Ct);
        await _ec2.DeleteNetworkInsightsPathAsync(new DeleteNetworkInsightsPathRequest { NetworkInsightsPathId = path.NetworkInsightsPathId }, Ct);

        var missing = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DescribeNetworkInsightsPathsAsync(
            new DescribeNetworkInsightsPathsRequest { NetworkInsightsPathIds = [path.NetworkInsightsPathId] }, Ct));
        Assert.Equal("InvalidNetworkInsightsPathId.NotFound", missing.ErrorCode);
        var bad = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.CreateNetworkInsightsPathAsync(
            new CreateNetworkInsightsPathRequest { Source = "i-0123456789abcdef0", Destination = _app, Protocol = Ec2Protocol.Tcp }, Ct));
        Assert.Equal("InvalidInstanceID.NotFound", bad.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
