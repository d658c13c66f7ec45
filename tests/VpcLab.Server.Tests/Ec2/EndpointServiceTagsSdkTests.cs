using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using VpcLab.Server.Tests.Logs;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>Endpoint services through the server with the AWS SDK for .NET (the NLB through the AWS CLI v2): tags on
/// vpce-svc- ids (TagSpecifications, CreateTags, DescribeTags, tag filters of DescribeVpcEndpointServiceConfigurations)
/// and the Region errors of cross-Region PrivateLink (a ServiceRegion that does not host the service, a supported Region
/// that is no Region).
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateTags.html,
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpoint.html.
/// docs/semantics.md#endpoint-service-tags, #cross-region-privatelink.</summary>
public sealed class EndpointServiceTagsSdkTests : IAsyncLifetime
{
    private LoopbackEc2 _lab = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _lab = await LoopbackEc2.StartAsync(Ct);

    public async ValueTask DisposeAsync() => await _lab.DisposeAsync();

    private Task<JsonObject> Cli(params string[] args) => AwsCli.OkAsync(_lab.Server.Url, args);

    [Fact]
    public async Task EndpointService_TagsAndServiceRegion_TaggedFilteredAndBadRegionsRefused()
    {
        Assert.SkipUnless(AwsCli.Available, "AWS CLI v2 (/usr/bin/aws) is not installed.");
        var ec2 = _lab.Client;
        var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" }, Ct)).Vpc.VpcId;
        var subnet = (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24", AvailabilityZone = "us-east-1a" }, Ct))
            .Subnet.SubnetId;
        var lb = (string)(await Cli("elbv2", "create-load-balancer", "--name", "app", "--type", "network", "--scheme", "internal", "--subnets", subnet))
            ["LoadBalancers"]![0]!["LoadBalancerArn"]!;
        var service = (await ec2.CreateVpcEndpointServiceConfigurationAsync(new CreateVpcEndpointServiceConfigurationRequest
        {
            NetworkLoadBalancerArns = [lb], AcceptanceRequired = false,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.VpcEndpointService, Tags = [new Tag("team", "payments")] }],
        }, Ct)).ServiceConfiguration;
        Assert.Equal(("team", "payments"), (service.Tags.Single().Key, service.Tags.Single().Value));

        await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [service.ServiceId], Tags = [new Tag("env", "prod")] }, Ct);
        var tags = (await ec2.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-id", [service.ServiceId])] }, Ct)).Tags;
        Assert.Equal(["env", "team"], tags.Select(t => t.Key).Order(StringComparer.Ordinal));
        Assert.All(tags, t => Assert.Equal(ResourceType.VpcEndpointService, t.ResourceType));
        var filtered = await ec2.DescribeVpcEndpointServiceConfigurationsAsync(new DescribeVpcEndpointServiceConfigurationsRequest
        {
            Filters = [new Filter("tag:env", ["prod"])],
        }, Ct);
        Assert.Equal(service.ServiceId, filtered.ServiceConfigurations.Single().ServiceId);

        // Cross-Region PrivateLink: a ServiceRegion that does not host the service, a Region that does not exist; nothing created.
        var crossRegion = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc, VpcEndpointType = VpcEndpointType.Interface, ServiceName = service.ServiceName, SubnetIds = [subnet], ServiceRegion = "us-west-2",
        }, Ct));
        Assert.Equal("InvalidServiceName", crossRegion.ErrorCode);
        var supported = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.ModifyVpcEndpointServiceConfigurationAsync(
            new ModifyVpcEndpointServiceConfigurationRequest { ServiceId = service.ServiceId, AddSupportedRegions = ["mars-1"] }, Ct));
        Assert.Equal("InvalidParameterValue", supported.ErrorCode);
        Assert.Empty((await ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest(), Ct)).VpcEndpoints ?? []);
    }
}
