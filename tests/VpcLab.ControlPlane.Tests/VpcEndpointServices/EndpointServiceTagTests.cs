using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests.VpcEndpointServices;

/// <summary>Endpoint services are taggable EC2 resources of type <c>vpc-endpoint-service</c>: tags at creation
/// (TagSpecifications), CreateTags, DeleteTags and DescribeTags on vpce-svc- ids by the owner, and tag filters on
/// DescribeVpcEndpointServiceConfigurations (docs/semantics.md#endpoint-services;
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpointServiceConfiguration.html,
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateTags.html,
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcEndpointServiceConfigurations.html: filters
/// tag:KEY and tag-key).</summary>
public sealed class EndpointServiceTagTests
{
    private static readonly RequestContext Provider = TestLab.Ctx;
    private static readonly RequestContext Consumer = RequestContext.For("222222222222");

    private readonly TestLab _lab = new();
    private readonly VpcEndpointServiceId _tagged;
    private readonly VpcEndpointServiceId _plain;

    public EndpointServiceTagTests()
    {
        var vpc = _lab.Vpc();
        var a = _lab.Subnet(vpc, "10.0.1.0/24", "us-east-1a");
        var b = _lab.Subnet(vpc, "10.0.2.0/24", "us-east-1b");
        VpcEndpointServiceId Service(string name, IReadOnlyList<TagSpecification>? tags)
        {
            var nlb = _lab.Cp.LoadBalancers.CreateLoadBalancer(Provider, new CreateLoadBalancerRequest
            {
                Name = name, Type = "network", Scheme = "internal", Subnets = [a.Id.Value, b.Id.Value],
            });
            return _lab.Cp.EndpointServiceConfigurations.CreateVpcEndpointServiceConfiguration(Provider,
                new CreateVpcEndpointServiceConfigurationRequest { NetworkLoadBalancerArns = [nlb.Arn.Value], TagSpecifications = tags })
                .ServiceConfiguration.Service.Id;
        }
        _tagged = Service("app", [new TagSpecification("vpc-endpoint-service", new Tag("team", "payments"))]);
        _plain = Service("other", null);
    }

    private IEnumerable<string> Describe(params Filter[] filters) =>
        _lab.Cp.EndpointServiceConfigurations.DescribeVpcEndpointServiceConfigurations(Provider,
            new DescribeVpcEndpointServiceConfigurationsRequest { Filters = filters }).ServiceConfigurations.Select(v => v.Service.Id.Value);

    // Rows: a filter, which of the two services it keeps.
    [Theory]
    [InlineData("tag:team", "payments", "tagged")]
    [InlineData("tag:team", "billing", "")]
    [InlineData("tag-key", "team", "tagged")]
    public void DescribeConfigurations_TagFilter_KeepsTheTaggedService(string name, string value, string kept)
    {
        string[] expected = kept == "tagged" ? [_tagged.Value] : [];
        Assert.Equal(expected, Describe(new Filter(name, value)));
    }

    // CreateTags and DeleteTags take vpce-svc- ids; DescribeTags lists them with resource type vpc-endpoint-service.
    [Fact]
    public void CreateAndDeleteTags_ServiceId_ListedByDescribeTags()
    {
        _lab.Cp.CreateTags(Provider, new CreateTagsRequest { Resources = [_plain.Value], Tags = [new Tag("env", "prod")] });
        var rows = _lab.Cp.DescribeTags(Provider, new DescribeTagsRequest { Filters = [new Filter("resource-type", "vpc-endpoint-service")] }).Tags;
        Assert.Equal(new HashSet<(string, string, string)> { (_tagged.Value, "team", "payments"), (_plain.Value, "env", "prod") },
            rows.Select(t => (t.ResourceId, t.Key, t.Value)).ToHashSet());
        Assert.Equal([_plain.Value], Describe(new Filter("tag:env", "prod")));
        _lab.Cp.DeleteTags(Provider, new DeleteTagsRequest { Resources = [_plain.Value], Tags = [new Tag { Key = "env" }] });
        Assert.Empty(Describe(new Filter("tag:env", "prod")));
    }

    // Only the owner tags its service: to another account the id names nothing it may tag (InvalidID, nothing changed).
    [Fact]
    public void CreateTags_NotTheOwner_InvalidId()
    {
        _lab.FailsWith("InvalidID", () => _lab.Cp.CreateTags(Consumer, new CreateTagsRequest { Resources = [_tagged.Value], Tags = [new Tag("k", "v")] }));
        _lab.FailsWith("InvalidID", () => _lab.Cp.DeleteTags(Consumer, new DeleteTagsRequest { Resources = [_tagged.Value] }));
    }

    // Deleting the service removes its tags.
    [Fact]
    public void DeleteService_Tagged_TagsGone()
    {
        _lab.Cp.EndpointServiceConfigurations.DeleteVpcEndpointServiceConfigurations(Provider,
            new DeleteVpcEndpointServiceConfigurationsRequest { ServiceIds = [_tagged.Value] });
        Assert.Empty(_lab.Cp.DescribeTags(Provider, new DescribeTagsRequest { Filters = [new Filter("resource-id", _tagged.Value)] }).Tags);
    }
}
