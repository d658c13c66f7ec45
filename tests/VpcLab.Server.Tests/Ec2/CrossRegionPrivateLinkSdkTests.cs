using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using VpcLab.Server.Tests.Logs;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>Cross-Region PrivateLink through the server with two Regions: the provider (default access key, us-east-1)
/// builds its NLB with the AWS CLI and offers it to us-west-2 (SupportedRegion.N); the consumer (222222222222, a
/// us-west-2 client) finds it with ServiceRegion.N, connects an endpoint with ServiceRegion, reaches the target
/// through it; the provider sees the connection's Region, removes us-west-2, and the existing endpoint keeps working
/// while a new one is refused
/// (https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-share-your-services.html#endpoint-service-cross-region).
/// docs/semantics.md#cross-region-privatelink.</summary>
public sealed class CrossRegionPrivateLinkSdkTests : IAsyncLifetime
{
    private LoopbackEc2 _provider = null!;
    private AmazonEC2Client _consumer = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _provider = await LoopbackEc2.StartAsync(Ct);
        _consumer = LoopbackEc2.ClientFor(_provider.Server, "222222222222", "us-west-2");
    }

    public async ValueTask DisposeAsync()
    {
        _consumer.Dispose();
        await _provider.DisposeAsync();
    }

    private Task<JsonObject> Cli(params string[] args) => AwsCli.OkAsync(_provider.Server.Url, args);

    private static async Task<string> Subnet(AmazonEC2Client ec2, string vpc, string cidr, string zone) =>
        (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = cidr, AvailabilityZone = zone }, Ct)).Subnet.SubnetId;

    private static async Task<string> Group(AmazonEC2Client ec2, string vpc, string name, string cidr)
    {
        var id = (await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = name, Description = name, VpcId = vpc }, Ct)).GroupId;
        await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = id,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 80, ToPort = 80, Ipv4Ranges = [new IpRange { CidrIp = cidr }] }],
        }, Ct);
        return id;
    }

    /// <summary>Amazon Linux 2023 in the client's Region: each Region gives the image its own id.</summary>
    private static async Task<string> Launch(AmazonEC2Client ec2, string subnet, string group) =>
        (await ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64", InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1, SubnetId = subnet, SecurityGroupIds = [group],
        }, Ct)).Reservation.Instances.Single().InstanceId;

    [Fact]
    public async Task CrossRegion_ConsumerInUsWest2_ReachesServiceInUsEast1UntilNewEndpointsAreStopped()
    {
        Assert.SkipUnless(AwsCli.Available, "AWS CLI v2 (/usr/bin/aws) is not installed.");
        var ec2 = _provider.Client;
        var providerVpc = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" }, Ct)).Vpc.VpcId;
        var nlbSubnet = await Subnet(ec2, providerVpc, "10.0.1.0/24", "us-east-1a");
        var app = await Launch(ec2, await Subnet(ec2, providerVpc, "10.0.11.0/24", "us-east-1a"), await Group(ec2, providerVpc, "app-sg", "10.0.0.0/16"));
        var lb = (string)(await Cli("elbv2", "create-load-balancer", "--name", "app", "--type", "network", "--scheme", "internal", "--subnets", nlbSubnet))
            ["LoadBalancers"]![0]!["LoadBalancerArn"]!;
        var tg = (string)(await Cli("elbv2", "create-target-group", "--name", "app-tg", "--protocol", "TCP", "--port", "80", "--vpc-id", providerVpc,
            "--target-type", "instance"))["TargetGroups"]![0]!["TargetGroupArn"]!;
        await Cli("elbv2", "register-targets", "--target-group-arn", tg, "--targets", $"Id={app}");
        await Cli("elbv2", "create-listener", "--load-balancer-arn", lb, "--protocol", "TCP", "--port", "80", "--default-actions", $"Type=forward,TargetGroupArn={tg}");

        // Provider: the service, offered to us-west-2 as well as its own Region.
        var service = (await ec2.CreateVpcEndpointServiceConfigurationAsync(new CreateVpcEndpointServiceConfigurationRequest
        {
            NetworkLoadBalancerArns = [lb], AcceptanceRequired = false, SupportedRegions = ["us-west-2"],
        }, Ct)).ServiceConfiguration;
        Assert.Equal([("us-east-1", "Available"), ("us-west-2", "Available")], service.SupportedRegions.Select(r => (r.Region, r.ServiceState)));
        Assert.True(service.RemoteAccessEnabled);
        await ec2.ModifyVpcEndpointServicePermissionsAsync(new ModifyVpcEndpointServicePermissionsRequest
        {
            ServiceId = service.ServiceId, AddAllowedPrincipals = ["arn:aws:iam::222222222222:root"],
        }, Ct);

        // Consumer in us-west-2: the service is listed for ServiceRegion us-east-1, not by default.
        var listed = await _consumer.DescribeVpcEndpointServicesAsync(new DescribeVpcEndpointServicesRequest { ServiceRegions = ["us-east-1"] }, Ct);
        Assert.Equal("us-east-1", listed.ServiceDetails.Single(d => d.ServiceName == service.ServiceName).ServiceRegion);
        var local = await _consumer.DescribeVpcEndpointServicesAsync(new DescribeVpcEndpointServicesRequest(), Ct);
        Assert.DoesNotContain(service.ServiceName, local.ServiceNames);

        var vpc = (await _consumer.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.1.0.0/16" }, Ct)).Vpc.VpcId;
        var client = await Launch(_consumer, await Subnet(_consumer, vpc, "10.1.1.0/24", "us-west-2a"), await Group(_consumer, vpc, "client-sg", "10.1.0.0/16"));
        CreateVpcEndpointRequest EndpointRequest(string subnet, string group) => new()
        {
            VpcId = vpc, VpcEndpointType = VpcEndpointType.Interface, ServiceName = service.ServiceName, ServiceRegion = "us-east-1",
            SubnetIds = [subnet], SecurityGroupIds = [group],
        };
        var endpointGroup = await Group(_consumer, vpc, "ep-sg", "10.1.0.0/16");
        var endpoint = (await _consumer.CreateVpcEndpointAsync(EndpointRequest(await Subnet(_consumer, vpc, "10.1.11.0/24", "us-west-2b"), endpointGroup), Ct))
            .VpcEndpoint;
        Assert.Equal((State.Available, "us-east-1"), (endpoint.State, endpoint.ServiceRegion));
        var dns = Assert.Single(endpoint.DnsEntries); // the Regional name only
        Assert.EndsWith($".{service.ServiceId}.us-east-1.vpce.amazonaws.com", dns.DnsName, StringComparison.Ordinal);

        // The provider sees the connection with the endpoint's Region.
        var connection = (await ec2.DescribeVpcEndpointConnectionsAsync(new DescribeVpcEndpointConnectionsRequest(), Ct)).VpcEndpointConnections.Single();
        Assert.Equal((endpoint.VpcEndpointId, "us-west-2"), (connection.VpcEndpointId, connection.VpcEndpointRegion));

        // The data plane: client in us-west-2 → endpoint → NLB node in us-east-1 → target, which sees the node's address.
        var eni = endpoint.NetworkInterfaceIds.Single();
        Engine.Trace Trace() => Engine.CompiledNetwork.Compile(_provider.Server.State.ControlPlane.Network).Trace(new Engine.TraceRequest(
            Engine.TraceEndpoint.Instance(new Model.InstanceId(client)), Engine.TraceEndpoint.Interface(new Model.NetworkInterfaceId(eni)),
            Net.IpProtocol.Tcp, 80, Engine.FlowKey.DefaultEphemeralPort, Net.IpFamily.V4));
        var trace = Trace();
        Assert.Equal(Engine.Verdict.Accepted, trace.Verdict);
        var node = (await ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest
        {
            Filters = [new Filter("subnet-id", [nlbSubnet]), new Filter("interface-type", ["network_load_balancer"])],
        }, Ct)).NetworkInterfaces.Single();
        Assert.Equal(node.PrivateIpAddress, trace.Forward.Last().OutboundHeader.Source.ToString());

        // us-west-2 removed: the existing endpoint keeps its access; a new one is refused.
        await ec2.ModifyVpcEndpointServiceConfigurationAsync(new ModifyVpcEndpointServiceConfigurationRequest
        {
            ServiceId = service.ServiceId, RemoveSupportedRegions = ["us-west-2"],
        }, Ct);
        var after = (await ec2.DescribeVpcEndpointServiceConfigurationsAsync(new DescribeVpcEndpointServiceConfigurationsRequest
        {
            ServiceIds = [service.ServiceId],
        }, Ct)).ServiceConfigurations.Single();
        Assert.Equal(["us-east-1"], after.SupportedRegions.Select(r => r.Region));
        Assert.False(after.RemoteAccessEnabled);
        Assert.Equal(Engine.Verdict.Accepted, Trace().Verdict);
        var another = await Subnet(_consumer, vpc, "10.1.12.0/24", "us-west-2c");
        var refused = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _consumer.CreateVpcEndpointAsync(EndpointRequest(another, endpointGroup), Ct));
        Assert.Equal("InvalidServiceName", refused.ErrorCode);
    }
}
