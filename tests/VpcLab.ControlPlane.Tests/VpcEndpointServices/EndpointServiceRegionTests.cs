using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests.VpcEndpointServices;

/// <summary>Cross-Region PrivateLink (docs/semantics.md#cross-region-privatelink): a provider adds Regions to its
/// service, a consumer in one of them creates an interface endpoint with ServiceRegion
/// (https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-share-your-services.html#endpoint-service-cross-region,
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpoint.html). The provider 111111111111 hosts
/// its service in us-east-1; the consumer 222222222222 works in us-west-2.</summary>
public sealed class EndpointServiceRegionTests
{
    private static readonly RequestContext Provider = TestLab.Ctx;
    private static readonly RequestContext Consumer = RequestContext.For("222222222222", "us-west-2");

    private readonly TestLab _lab = new();
    private readonly Subnet _consumerSubnet;

    public EndpointServiceRegionTests()
    {
        var vpc = _lab.Vpc("10.1.0.0/16", ctx: Consumer);
        _consumerSubnet = Subnet(Consumer, vpc, "10.1.1.0/24", "usw2-az1");
    }

    // Rows: SupportedRegion.N on create, then AWS's supported Regions (host first) or the error code.
    [Theory]
    [InlineData("", "us-east-1", null)] // the host Region is always supported
    [InlineData("us-west-2", "us-east-1 us-west-2", null)]
    [InlineData("us-east-1 eu-west-1", "us-east-1 eu-west-1", null)] // the host may be listed too
    [InlineData("ap-southeast-4", null, "InvalidParameter")] // AWS: "A service provider must opt in to an opt-in Region before adding it"
    [InlineData("ap-southeast-4 +", "us-east-1 ap-southeast-4", null)] // + : the provider enabled it first
    [InlineData("mars-1", null, "InvalidParameterValue")] // no such Region
    public void Create_SupportedRegions_HostAlwaysFirst(string given, string? expected, string? error)
    {
        var regions = given.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (regions.Contains("+"))
        {
            regions = [.. regions.Where(r => r != "+")];
            foreach (var region in regions)
                _lab.Enabled(new RequestContext(Provider.Account, region));
        }
        var request = Request(regions, Nlb(Provider));
        if (error is not null)
        {
            _lab.FailsWith(error, () => _lab.Cp.EndpointServiceConfigurations.CreateVpcEndpointServiceConfiguration(Provider, request));
            return;
        }
        var view = _lab.Cp.EndpointServiceConfigurations.CreateVpcEndpointServiceConfiguration(Provider, request).ServiceConfiguration;
        Assert.Equal(expected!.Split(' '), view.Service.SupportedRegions);
        Assert.Equal(expected.Contains(' ', StringComparison.Ordinal), view.Service.RemoteAccessEnabled);
    }

    // Rows: Add/RemoveSupportedRegion.N on a service supporting us-west-2, then the supported Regions or the error.
    [Theory]
    [InlineData("eu-west-1", "", "us-east-1 eu-west-1 us-west-2", null)]
    [InlineData("", "us-west-2", "us-east-1", null)]
    [InlineData("", "us-east-1", null, "InvalidParameter")] // "You can't remove the host Region"
    [InlineData("", "eu-west-1", null, "InvalidParameter")] // not one of its Regions
    [InlineData("nowhere-1", "", null, "InvalidParameterValue")]
    public void Modify_SupportedRegions_HostCannotBeRemoved(string add, string remove, string? expected, string? error)
    {
        var service = Service(["us-west-2"]);
        var request = new ModifyVpcEndpointServiceConfigurationRequest
        {
            ServiceId = service.Id.Value,
            AddSupportedRegions = add.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            RemoveSupportedRegions = remove.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        };
        if (error is not null)
        {
            _lab.FailsWith(error, () => _lab.Cp.EndpointServiceConfigurations.ModifyVpcEndpointServiceConfiguration(Provider, request));
            return;
        }
        var after = _lab.Cp.EndpointServiceConfigurations.ModifyVpcEndpointServiceConfiguration(Provider, request).Service;
        Assert.Equal(expected!.Split(' '), after.SupportedRegions);
    }

    // Rows: the service's remote Regions, the endpoint's type, ServiceRegion, and the error (null: created).
    [Theory]
    [InlineData("us-west-2", "Interface", "us-east-1", null)]
    [InlineData("", "Interface", "us-east-1", "InvalidServiceName")] // the service does not support us-west-2
    [InlineData("eu-west-1", "Interface", "us-east-1", "InvalidServiceName")]
    [InlineData("us-west-2", "Interface", null, "InvalidServiceName")] // default ServiceRegion: the caller's, where the service is not
    [InlineData("us-west-2", "Interface", "eu-west-1", "InvalidServiceName")] // the service is not hosted there
    [InlineData("us-west-2", "Interface", "mars-1", "InvalidParameterValue")]
    [InlineData("us-west-2", "Gateway", "us-east-1", "InvalidParameter")] // gateway endpoints stay in their Region
    public void CreateVpcEndpoint_ServiceRegion_NeedsASupportedRegion(string remote, string type, string? serviceRegion, string? error)
    {
        var service = Service(remote.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var request = EndpointRequest(service, serviceRegion) with { VpcEndpointType = type };
        if (error is not null)
        {
            _lab.FailsWith(error, () => _lab.Cp.CreateVpcEndpoint(Consumer, request));
            return;
        }
        var endpoint = _lab.Cp.CreateVpcEndpoint(Consumer, request).VpcEndpoint;
        Assert.Equal(VpcEndpointState.Available, endpoint.State);
        Assert.Equal("us-west-2", endpoint.Region);
        Assert.Equal("us-east-1", endpoint.ServiceRegionName);
        Assert.True(endpoint.IsCrossRegion);
    }

    [Fact] // Cross-Region endpoints to AWS's own services are not modelled: refused clearly, nothing created.
    public void CreateVpcEndpoint_AwsServiceInAnotherRegion_RefusedClearly()
    {
        var error = _lab.FailsWith("InvalidParameter", () => _lab.Cp.CreateVpcEndpoint(Consumer, new CreateVpcEndpointRequest
        {
            VpcId = _consumerSubnet.VpcId.Value, VpcEndpointType = "Interface", ServiceName = "com.amazonaws.us-east-1.sqs",
            SubnetIds = [_consumerSubnet.Id.Value], ServiceRegion = "us-east-1",
        }));
        Assert.Contains("not modelled", error.Message, StringComparison.Ordinal);
    }

    [Fact] // AWS: removing a Region "does not affect access to the endpoint service from existing endpoints".
    public void RemoveSupportedRegion_ExistingEndpointKept_NewOnesRefused()
    {
        var service = Service(["us-west-2"]);
        var endpoint = _lab.Cp.CreateVpcEndpoint(Consumer, EndpointRequest(service, "us-east-1")).VpcEndpoint;
        _lab.Cp.EndpointServiceConfigurations.ModifyVpcEndpointServiceConfiguration(Provider,
            new ModifyVpcEndpointServiceConfigurationRequest { ServiceId = service.Id.Value, RemoveSupportedRegions = ["us-west-2"] });

        Assert.Equal(VpcEndpointState.Available, _lab.N.VpcEndpoints[endpoint.Id].State);
        var second = Subnet(Consumer, _lab.N.Vpcs[_consumerSubnet.VpcId], "10.1.2.0/24", "usw2-az2");
        _lab.Cp.ModifyVpcEndpoint(Consumer, new ModifyVpcEndpointRequest { VpcEndpointId = endpoint.Id.Value, AddSubnetIds = [second.Id.Value] });
        Assert.Equal(2, _lab.N.VpcEndpoints[endpoint.Id].SubnetIds.Length);
        _lab.FailsWith("InvalidServiceName", () => _lab.Cp.CreateVpcEndpoint(Consumer, EndpointRequest(service, "us-east-1")));
    }

    // AWS: "Cross-Region access does not require that providers and consumers use the same Availability Zones", and
    // "is not supported for the following Availability Zones: use1-az3, usw1-az2, apne1-az3, apne2-az2, and apne2-az4".
    // The service (hosted in us-west-2, zone usw2-az1) is consumed from us-east-1.
    [Theory]
    [InlineData("use1-az1", null)]
    [InlineData("use1-az4", null)] // no zone in common with the service: fine across Regions
    [InlineData("use1-az3", "InvalidParameter")]
    public void CreateVpcEndpoint_CrossRegionZone_AnyButTheUnsupportedOnes(string zoneId, string? error)
    {
        var west = RequestContext.For("111111111111", "us-west-2");
        var east = RequestContext.For("222222222222", "us-east-1");
        var service = Service([], west, remote: ["us-east-1"]);
        var vpc = _lab.Vpc("10.2.0.0/16", ctx: east);
        var subnet = Subnet(east, vpc, "10.2.1.0/24", zoneId);
        var request = new CreateVpcEndpointRequest
        {
            VpcId = vpc.Id.Value, VpcEndpointType = "Interface", ServiceName = service.ServiceName, SubnetIds = [subnet.Id.Value],
            ServiceRegion = "us-west-2",
        };
        if (error is null)
            Assert.True(_lab.Cp.CreateVpcEndpoint(east, request).VpcEndpoint.IsCrossRegion);
        else
            _lab.FailsWith(error, () => _lab.Cp.CreateVpcEndpoint(east, request));
    }

    [Fact] // Acceptance works across Regions: the provider sees the connection with the endpoint's Region.
    public void AcceptanceRequired_CrossRegionEndpoint_PendingUntilAccepted()
    {
        var service = Service(["us-west-2"], acceptance: true);
        var endpoint = _lab.Cp.CreateVpcEndpoint(Consumer, EndpointRequest(service, "us-east-1")).VpcEndpoint;
        Assert.Equal(VpcEndpointState.PendingAcceptance, endpoint.State);

        var connection = Assert.Single(_lab.Cp.EndpointConnections.DescribeVpcEndpointConnections(Provider,
            new DescribeVpcEndpointConnectionsRequest()).VpcEndpointConnections);
        Assert.Equal(endpoint.Id, connection.Endpoint.Id);
        Assert.Equal("us-west-2", connection.Endpoint.Region);

        var result = _lab.Cp.EndpointConnections.AcceptVpcEndpointConnections(Provider,
            new VpcEndpointConnectionsRequest { ServiceId = service.Id.Value, VpcEndpointIds = [endpoint.Id.Value] });
        Assert.Empty(result.Unsuccessful);
        Assert.Equal(VpcEndpointState.Available, _lab.N.VpcEndpoints[endpoint.Id].State);
    }

    [Fact] // AWS: cross-Region endpoints have the Regional DNS name only; its labels carry the service's Region.
    public void CrossRegionEndpoint_DnsEntries_RegionalNameOnly()
    {
        var service = Service(["us-west-2"]);
        var endpoint = _lab.Cp.CreateVpcEndpoint(Consumer, EndpointRequest(service, "us-east-1")).VpcEndpoint;
        var view = Assert.Single(_lab.Cp.DescribeVpcEndpoints(Consumer, new DescribeVpcEndpointsRequest()).VpcEndpoints);
        var entry = Assert.Single(view.DnsEntries);
        Assert.Equal($"{endpoint.Id}-{endpoint.DnsSuffix}.{service.Id}.us-east-1.vpce.amazonaws.com", entry.DnsName);
    }

    // DescribeVpcEndpointServices from us-west-2: ServiceRegion.N lists the us-east-1 service when it supports
    // us-west-2; the default (the caller's Region) does not.
    [Theory]
    [InlineData("us-west-2", "us-east-1", true)]
    [InlineData("us-west-2", "us-east-1 us-west-2", true)]
    [InlineData("us-west-2", "", false)] // no ServiceRegion: the caller's Region only
    [InlineData("eu-west-1", "us-east-1", false)] // the service does not support us-west-2
    public void DescribeVpcEndpointServices_ServiceRegion_ListsServicesOfferedToTheCallersRegion(string remote, string regions, bool listed)
    {
        var service = Service([remote]);
        var seen = _lab.Cp.DescribeVpcEndpointServices(Consumer, new DescribeVpcEndpointServicesRequest
        {
            ServiceRegions = regions.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        });
        Assert.Equal(listed, seen.ServiceNames.Contains(service.ServiceName));
        Assert.Equal(listed, seen.ProviderServices.Any(p => p.Service.Id == service.Id));
    }

    [Fact] // DescribeVpcEndpoints' service-region filter matches the service's Region, not the endpoint's.
    public void DescribeVpcEndpoints_ServiceRegionFilter_MatchesTheServicesRegion()
    {
        var service = Service(["us-west-2"]);
        var endpoint = _lab.Cp.CreateVpcEndpoint(Consumer, EndpointRequest(service, "us-east-1")).VpcEndpoint;
        DescribeVpcEndpointsRequest Filtered(string region) => new() { Filters = [new Filter { Name = "service-region", Values = [region] }] };
        Assert.Equal(endpoint.Id, Assert.Single(_lab.Cp.DescribeVpcEndpoints(Consumer, Filtered("us-east-1")).VpcEndpoints).Endpoint.Id);
        Assert.Empty(_lab.Cp.DescribeVpcEndpoints(Consumer, Filtered("us-west-2")).VpcEndpoints);
    }

    private CreateVpcEndpointRequest EndpointRequest(VpcEndpointServiceConfiguration service, string? serviceRegion) => new()
    {
        VpcId = _consumerSubnet.VpcId.Value, VpcEndpointType = "Interface", ServiceName = service.ServiceName,
        SubnetIds = [_consumerSubnet.Id.Value], ServiceRegion = serviceRegion,
    };

    private static CreateVpcEndpointServiceConfigurationRequest Request(string[] regions, string arn, bool acceptance = false) => new()
    {
        NetworkLoadBalancerArns = [arn], AcceptanceRequired = acceptance, SupportedRegions = regions,
    };

    /// <summary>A new internal NLB of <paramref name="ctx"/>'s account in the first zone of its Region.</summary>
    private string Nlb(RequestContext ctx)
    {
        var vpc = _lab.Vpc("10.0.0.0/16", ctx: ctx);
        var subnet = Subnet(ctx, vpc, "10.0.1.0/24", _lab.N.Regions[ctx.Region].Zones[0].ZoneId);
        return _lab.Cp.LoadBalancers.CreateLoadBalancer(ctx, new CreateLoadBalancerRequest
        {
            Name = "app" + _lab.N.LoadBalancers.Count, Type = "network", Scheme = "internal", Subnets = [subnet.Id.Value],
        }).Arn.Value;
    }

    /// <summary>A service over a new NLB of the provider (in <paramref name="provider"/>'s Region, first zone), the
    /// consumer's root allowed.</summary>
    private VpcEndpointServiceConfiguration Service(string[] remoteFromEast, RequestContext? provider = null, string[]? remote = null,
        bool acceptance = false)
    {
        var ctx = provider ?? Provider;
        var request = Request(remote ?? remoteFromEast, Nlb(ctx), acceptance);
        var id = _lab.Cp.EndpointServiceConfigurations.CreateVpcEndpointServiceConfiguration(ctx, request).ServiceConfiguration.Service.Id;
        _lab.Cp.EndpointConnections.ModifyVpcEndpointServicePermissions(ctx, new ModifyVpcEndpointServicePermissionsRequest
        {
            ServiceId = id.Value, AddAllowedPrincipals = ["arn:aws:iam::222222222222:root"],
        });
        return _lab.N.VpcEndpointServiceConfigurations[id];
    }

    private Subnet Subnet(RequestContext ctx, Vpc vpc, string cidr, string zoneId) =>
        _lab.Cp.CreateSubnet(ctx, new CreateSubnetRequest { VpcId = vpc.Id.Value, CidrBlock = cidr, AvailabilityZoneId = zoneId }).Subnet;
}
