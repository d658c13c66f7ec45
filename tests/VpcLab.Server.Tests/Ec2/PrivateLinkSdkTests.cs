using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using VpcLab.Server.Tests.Logs;
using Ec2Protocol = Amazon.EC2.Protocol;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>The whole PrivateLink story across accounts through the server: the provider (the default access key)
/// builds an internal Network Load Balancer with the AWS CLI (elbv2) and offers it as an endpoint service with the
/// AWS SDK for .NET; a consumer account (access key 222222222222) sees the service only once allowed, connects an
/// interface endpoint that waits in pendingAcceptance, the provider accepts it; a third account (333333333333) may
/// neither see nor connect; a Reachability Analyzer analysis from the consumer's instance to the endpoint matches the
/// engine's trace (https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-share-your-services.html,
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AcceptVpcEndpointConnections.html).
/// docs/semantics.md#endpoint-services.</summary>
public sealed class PrivateLinkSdkTests : IAsyncLifetime
{
    private LoopbackEc2 _provider = null!;
    private AmazonEC2Client _consumer = null!;
    private AmazonEC2Client _stranger = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _provider = await LoopbackEc2.StartAsync(Ct);
        _consumer = LoopbackEc2.ClientFor(_provider.Server, "222222222222", "us-east-1");
        _stranger = LoopbackEc2.ClientFor(_provider.Server, "333333333333", "us-east-1");
    }

    public async ValueTask DisposeAsync()
    {
        _consumer.Dispose();
        _stranger.Dispose();
        await _provider.DisposeAsync();
    }

    private Task<JsonObject> Cli(params string[] args) => AwsCli.OkAsync(_provider.Server.Url, args);

    private static async Task<string> Subnet(AmazonEC2Client ec2, string vpc, string cidr, string zone) =>
        (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = cidr, AvailabilityZone = zone }, Ct)).Subnet.SubnetId;

    private static async Task<string> Group(AmazonEC2Client ec2, string vpc, string name, int port, string cidr)
    {
        var id = (await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = name, Description = name, VpcId = vpc }, Ct)).GroupId;
        await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = id,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = port, ToPort = port, Ipv4Ranges = [new IpRange { CidrIp = cidr }] }],
        }, Ct);
        return id;
    }

    private static async Task<string> Launch(AmazonEC2Client ec2, string subnet, string group) =>
        (await ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0fc50b841d13a3d05", InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1, SubnetId = subnet, SecurityGroupIds = [group],
        }, Ct)).Reservation.Instances.Single().InstanceId;

    /// <summary>The provider's app behind an internal NLB in zones a and b (target in a), through the AWS CLI.</summary>
    private async Task<string> ProviderLoadBalancer()
    {
        var ec2 = _provider.Client;
        var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" }, Ct)).Vpc.VpcId;
        var a = await Subnet(ec2, vpc, "10.0.1.0/24", "us-east-1a");
        var b = await Subnet(ec2, vpc, "10.0.2.0/24", "us-east-1b");
        var app = await Launch(ec2, await Subnet(ec2, vpc, "10.0.11.0/24", "us-east-1a"), await Group(ec2, vpc, "app-sg", 80, "10.0.0.0/16"));
        var lb = (string)(await Cli("elbv2", "create-load-balancer", "--name", "app", "--type", "network", "--scheme", "internal", "--subnets", a, b))
            ["LoadBalancers"]![0]!["LoadBalancerArn"]!;
        var tg = (string)(await Cli("elbv2", "create-target-group", "--name", "app-tg", "--protocol", "TCP", "--port", "80", "--vpc-id", vpc,
            "--target-type", "instance"))["TargetGroups"]![0]!["TargetGroupArn"]!;
        await Cli("elbv2", "register-targets", "--target-group-arn", tg, "--targets", $"Id={app}");
        await Cli("elbv2", "create-listener", "--load-balancer-arn", lb, "--protocol", "TCP", "--port", "80", "--default-actions", $"Type=forward,TargetGroupArn={tg}");
        return lb;
    }

    [Fact]
    public async Task PrivateLinkStory_TwoAccountsAndAStranger_ServiceConnectionAcceptanceAndAnalysis()
    {
        Assert.SkipUnless(AwsCli.Available, "AWS CLI v2 (/usr/bin/aws) is not installed.");
        var lb = await ProviderLoadBalancer();
        var ec2 = _provider.Client;

        // Provider: the service over the NLB; acceptance required; the consumer's root allowed.
        var service = (await ec2.CreateVpcEndpointServiceConfigurationAsync(new CreateVpcEndpointServiceConfigurationRequest
        {
            NetworkLoadBalancerArns = [lb], AcceptanceRequired = true,
        }, Ct)).ServiceConfiguration;
        Assert.Equal($"com.amazonaws.vpce.us-east-1.{service.ServiceId}", service.ServiceName);
        Assert.Equal(["us-east-1a", "us-east-1b"], service.AvailabilityZones);
        Assert.Equal(["use1-az1", "use1-az2"], service.AvailabilityZoneIds);
        Assert.Equal(ServiceState.Available, service.ServiceState);
        Assert.Equal([lb], service.NetworkLoadBalancerArns);
        var invisible = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _consumer.DescribeVpcEndpointServicesAsync(
            new DescribeVpcEndpointServicesRequest { ServiceNames = [service.ServiceName] }, Ct));
        Assert.Equal("InvalidServiceName", invisible.ErrorCode);
        var added = await ec2.ModifyVpcEndpointServicePermissionsAsync(new ModifyVpcEndpointServicePermissionsRequest
        {
            ServiceId = service.ServiceId, AddAllowedPrincipals = ["arn:aws:iam::222222222222:root"],
        }, Ct);
        Assert.True(added.ReturnValue);
        Assert.Equal("Account", added.AddedPrincipals.Single().PrincipalType.Value);
        var permissions = await ec2.DescribeVpcEndpointServicePermissionsAsync(new DescribeVpcEndpointServicePermissionsRequest { ServiceId = service.ServiceId }, Ct);
        Assert.Equal("arn:aws:iam::222222222222:root", permissions.AllowedPrincipals.Single().Principal);

        // Consumer: sees the service, connects, waits for acceptance.
        var detail = (await _consumer.DescribeVpcEndpointServicesAsync(new DescribeVpcEndpointServicesRequest { ServiceNames = [service.ServiceName] }, Ct))
            .ServiceDetails.Single();
        Assert.Equal(("111111111111", true), (detail.Owner, detail.AcceptanceRequired));
        var vpc = (await _consumer.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.1.0.0/16" }, Ct)).Vpc.VpcId;
        var subnetA = await Subnet(_consumer, vpc, "10.1.1.0/24", "us-east-1a");
        var client = await Launch(_consumer, subnetA, await Group(_consumer, vpc, "client-sg", 22, "10.1.0.0/16"));
        var endpoint = (await _consumer.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc, VpcEndpointType = VpcEndpointType.Interface, ServiceName = service.ServiceName,
            SubnetIds = [await Subnet(_consumer, vpc, "10.1.11.0/24", "us-east-1a")], SecurityGroupIds = [await Group(_consumer, vpc, "ep-sg", 80, "10.1.0.0/16")],
        }, Ct)).VpcEndpoint;
        Assert.Equal(State.PendingAcceptance, endpoint.State);
        Assert.Contains(endpoint.DnsEntries, d => d.DnsName.StartsWith($"{endpoint.VpcEndpointId}-", StringComparison.Ordinal)
            && d.DnsName.EndsWith($".{service.ServiceId}.us-east-1.vpce.amazonaws.com", StringComparison.Ordinal));

        // A stranger: no such service.
        var strangerVpc = (await _stranger.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.2.0.0/16" }, Ct)).Vpc.VpcId;
        var refused = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _stranger.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = strangerVpc, VpcEndpointType = VpcEndpointType.Interface, ServiceName = service.ServiceName,
        }, Ct));
        Assert.Equal("InvalidServiceName", refused.ErrorCode);

        // Not accepted yet: the analysis stops at the endpoint (BAD_STATE), as the engine does.
        var pending = await Analyze(client, endpoint.VpcEndpointId);
        Assert.False(pending.NetworkPathFound);
        Assert.Contains(pending.Explanations, e => e.ExplanationCode == "BAD_STATE");

        // Provider: the connection, accepted.
        var connection = (await ec2.DescribeVpcEndpointConnectionsAsync(new DescribeVpcEndpointConnectionsRequest(), Ct)).VpcEndpointConnections.Single();
        Assert.Equal((endpoint.VpcEndpointId, "222222222222", State.PendingAcceptance), (connection.VpcEndpointId, connection.VpcEndpointOwner, connection.VpcEndpointState));
        Assert.Empty((await ec2.AcceptVpcEndpointConnectionsAsync(new AcceptVpcEndpointConnectionsRequest
        {
            ServiceId = service.ServiceId, VpcEndpointIds = [endpoint.VpcEndpointId],
        }, Ct)).Unsuccessful);
        var now = (await _consumer.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { VpcEndpointIds = [endpoint.VpcEndpointId] }, Ct)).VpcEndpoints.Single();
        Assert.Equal(State.Available, now.State);

        // Accepted: the analysis goes through the endpoint to the provider's node and target, as the engine's trace does.
        var analysis = await Analyze(client, endpoint.VpcEndpointId);
        var eni = now.NetworkInterfaceIds.Single();
        var trace = Engine.CompiledNetwork.Compile(_provider.Server.State.ControlPlane.Network).Trace(new Engine.TraceRequest(
            Engine.TraceEndpoint.Instance(new Model.InstanceId(client)), Engine.TraceEndpoint.Interface(new Model.NetworkInterfaceId(eni)),
            Net.IpProtocol.Tcp, 80, Engine.FlowKey.DefaultEphemeralPort, Net.IpFamily.V4));
        Assert.Equal(Engine.Verdict.Accepted, trace.Verdict);
        Assert.True(analysis.NetworkPathFound);
        Assert.Equal([.. trace.Forward.Select(h => h.Component.Id)], analysis.ForwardPathComponents.OrderBy(c => c.SequenceNumber).Select(c => c.Component.Id).ToList());
        Assert.Contains(analysis.ForwardPathComponents, c => c.Component.Id == lb);

        // The provider cannot delete a service with a live connection.
        var deleted = await ec2.DeleteVpcEndpointServiceConfigurationsAsync(new DeleteVpcEndpointServiceConfigurationsRequest { ServiceIds = [service.ServiceId] }, Ct);
        Assert.Equal("ExistingVpcEndpointConnections", deleted.Unsuccessful.Single().Error.Code);
    }

    private async Task<NetworkInsightsAnalysis> Analyze(string source, string destination)
    {
        var path = (await _consumer.CreateNetworkInsightsPathAsync(new CreateNetworkInsightsPathRequest
        {
            Source = source, Destination = destination, Protocol = Ec2Protocol.Tcp, DestinationPort = 80,
        }, Ct)).NetworkInsightsPath;
        var started = (await _consumer.StartNetworkInsightsAnalysisAsync(new StartNetworkInsightsAnalysisRequest { NetworkInsightsPathId = path.NetworkInsightsPathId }, Ct))
            .NetworkInsightsAnalysis;
        return (await _consumer.DescribeNetworkInsightsAnalysesAsync(new DescribeNetworkInsightsAnalysesRequest
        {
            NetworkInsightsAnalysisIds = [started.NetworkInsightsAnalysisId],
        }, Ct)).NetworkInsightsAnalyses.Single();
    }
}
