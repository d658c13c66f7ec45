using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using VpcLab.Server.Tests.Logs;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>Each account's Availability Zone names through the server (AWS SDK for .NET; the NLB through the AWS CLI
/// v2): the default account and 123456789013 (whose us-east-1 names are rotated by one) list the same zone ids under
/// different names; an endpoint service's zones are shown to each in its own names, and a consumer subnet whose zone
/// id the service lacks is refused. https://docs.aws.amazon.com/global-infrastructure/latest/regions/az-ids.html,
/// https://docs.aws.amazon.com/vpc/latest/privatelink/create-endpoint-service.html. docs/semantics.md#zones.</summary>
public sealed class ZoneMappingSdkTests : IAsyncLifetime
{
    private LoopbackEc2 _provider = null!;
    private AmazonEC2Client _consumer = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _provider = await LoopbackEc2.StartAsync(Ct);
        _consumer = LoopbackEc2.ClientFor(_provider.Server, "123456789013", "us-east-1");
    }

    public async ValueTask DisposeAsync()
    {
        _consumer.Dispose();
        await _provider.DisposeAsync();
    }

    private Task<JsonObject> Cli(params string[] args) => AwsCli.OkAsync(_provider.Server.Url, args);

    private static async Task<string> Subnet(AmazonEC2Client ec2, string vpc, string cidr, string zone) =>
        (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = cidr, AvailabilityZone = zone }, Ct)).Subnet.SubnetId;

    // Rows: who asks, the name it gives use1-az1 and use1-az2.
    [Theory]
    [InlineData("default", "us-east-1a", "us-east-1b")]
    [InlineData("123456789013", "us-east-1f", "us-east-1a")]
    public async Task DescribeAvailabilityZones_Account_SameZoneIdsItsOwnNames(string who, string az1, string az2)
    {
        var ec2 = who == "default" ? _provider.Client : _consumer;
        var zones = (await ec2.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest { ZoneIds = ["use1-az1", "use1-az2"] }, Ct)).AvailabilityZones;
        Assert.Equal([(az1, "use1-az1"), (az2, "use1-az2")], zones.OrderBy(z => z.ZoneId, StringComparer.Ordinal).Select(z => (z.ZoneName, z.ZoneId)));
    }

    [Fact]
    public async Task EndpointService_ConsumerWithOtherNames_ZonesByIdAndSubnetRefused()
    {
        Assert.SkipUnless(AwsCli.Available, "AWS CLI v2 (/usr/bin/aws) is not installed.");
        var ec2 = _provider.Client;
        var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" }, Ct)).Vpc.VpcId;
        var a = await Subnet(ec2, vpc, "10.0.1.0/24", "us-east-1a");
        var b = await Subnet(ec2, vpc, "10.0.2.0/24", "us-east-1b");
        var lb = (string)(await Cli("elbv2", "create-load-balancer", "--name", "app", "--type", "network", "--scheme", "internal", "--subnets", a, b))
            ["LoadBalancers"]![0]!["LoadBalancerArn"]!;
        var service = (await ec2.CreateVpcEndpointServiceConfigurationAsync(new CreateVpcEndpointServiceConfigurationRequest
        {
            NetworkLoadBalancerArns = [lb], AcceptanceRequired = false,
        }, Ct)).ServiceConfiguration;
        await ec2.ModifyVpcEndpointServicePermissionsAsync(new ModifyVpcEndpointServicePermissionsRequest
        {
            ServiceId = service.ServiceId, AddAllowedPrincipals = ["arn:aws:iam::123456789013:root"],
        }, Ct);

        // The consumer sees use1-az2 and use1-az1 as its us-east-1a and us-east-1f.
        var detail = (await _consumer.DescribeVpcEndpointServicesAsync(new DescribeVpcEndpointServicesRequest { ServiceNames = [service.ServiceName] }, Ct))
            .ServiceDetails.Single();
        Assert.Equal(["us-east-1a", "us-east-1f"], detail.AvailabilityZones);
        Assert.Equal(["use1-az2", "use1-az1"], detail.AvailabilityZoneIds);

        // Its us-east-1b is use1-az3, where the service has no node: AWS's refusal, nothing created.
        var consumerVpc = (await _consumer.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.1.0.0/16" }, Ct)).Vpc.VpcId;
        var inB = await Subnet(_consumer, consumerVpc, "10.1.2.0/24", "us-east-1b");
        var refused = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _consumer.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = consumerVpc, VpcEndpointType = VpcEndpointType.Interface, ServiceName = service.ServiceName,
            SubnetIds = [inB],
        }, Ct));
        Assert.Equal("InvalidParameter", refused.ErrorCode);
        Assert.Empty((await _consumer.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest(), Ct)).VpcEndpoints ?? []);
        var endpoint = (await _consumer.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = consumerVpc, VpcEndpointType = VpcEndpointType.Interface, ServiceName = service.ServiceName,
            SubnetIds = [await Subnet(_consumer, consumerVpc, "10.1.1.0/24", "us-east-1a")],
        }, Ct)).VpcEndpoint;
        Assert.Equal(State.Available, endpoint.State);
    }
}
