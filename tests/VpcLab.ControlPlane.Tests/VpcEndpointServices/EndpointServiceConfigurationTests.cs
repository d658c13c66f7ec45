using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests.VpcEndpointServices;

/// <summary>Endpoint services (the provider side of PrivateLink) and the consumer endpoints that connect to them
/// (https://docs.aws.amazon.com/vpc/latest/privatelink/create-endpoint-service.html,
/// https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html,
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpointServiceConfiguration.html).
/// docs/semantics.md#endpoint-services.</summary>
public sealed class EndpointServiceConfigurationTests
{
    private static readonly RequestContext Provider = TestLab.Ctx;
    private static readonly RequestContext Consumer = RequestContext.For("222222222222");
    private static readonly RequestContext Stranger = RequestContext.For("333333333333");

    private readonly TestLab _lab = new();
    private readonly LoadBalancer _nlb;
    private readonly Vpc _consumerVpc;
    private readonly Subnet _consumerA;
    private readonly Subnet _consumerC;

    public EndpointServiceConfigurationTests()
    {
        var vpc = _lab.Vpc();
        var a = _lab.Subnet(vpc, "10.0.1.0/24", "us-east-1a");
        var b = _lab.Subnet(vpc, "10.0.2.0/24", "us-east-1b");
        _nlb = _lab.Cp.LoadBalancers.CreateLoadBalancer(Provider, new CreateLoadBalancerRequest
        {
            Name = "app", Type = "network", Scheme = "internal", Subnets = [a.Id.Value, b.Id.Value],
        });
        _consumerVpc = _lab.Vpc("10.1.0.0/16", ctx: Consumer);
        _consumerA = _lab.Cp.CreateSubnet(Consumer, new CreateSubnetRequest { VpcId = _consumerVpc.Id.Value, CidrBlock = "10.1.1.0/24", AvailabilityZone = "us-east-1a" }).Subnet;
        _consumerC = _lab.Cp.CreateSubnet(Consumer, new CreateSubnetRequest { VpcId = _consumerVpc.Id.Value, CidrBlock = "10.1.3.0/24", AvailabilityZone = "us-east-1c" }).Subnet;
    }

    private EndpointServiceConfigurationOperations Services => _lab.Cp.EndpointServiceConfigurations;
    private EndpointConnectionOperations Connections => _lab.Cp.EndpointConnections;

    private VpcEndpointServiceConfiguration Create(bool? acceptance = null, string? privateDns = null, params string[] allowed)
    {
        var service = Services.CreateVpcEndpointServiceConfiguration(Provider, new CreateVpcEndpointServiceConfigurationRequest
        {
            NetworkLoadBalancerArns = [_nlb.Arn.Value], AcceptanceRequired = acceptance, PrivateDnsName = privateDns,
        }).ServiceConfiguration.Service;
        if (allowed.Length > 0)
            Connections.ModifyVpcEndpointServicePermissions(Provider, new ModifyVpcEndpointServicePermissionsRequest { ServiceId = service.Id.Value, AddAllowedPrincipals = allowed });
        return _lab.N.VpcEndpointServiceConfigurations[service.Id];
    }

    private VpcEndpoint Connect(RequestContext ctx, VpcEndpointServiceConfiguration service, Subnet subnet, bool? privateDns = null) =>
        _lab.Cp.CreateVpcEndpoint(ctx, new CreateVpcEndpointRequest
        {
            VpcId = subnet.VpcId.Value, VpcEndpointType = "Interface", ServiceName = service.ServiceName, SubnetIds = [subnet.Id.Value],
            PrivateDnsEnabled = privateDns,
        }).VpcEndpoint;

    [Fact]
    public void Create_NetworkLoadBalancer_NameZonesAndDefaults()
    {
        var view = Services.CreateVpcEndpointServiceConfiguration(Provider, new CreateVpcEndpointServiceConfigurationRequest { NetworkLoadBalancerArns = [_nlb.Arn.Value] })
            .ServiceConfiguration;
        Assert.Matches("^vpce-svc-[0-9a-f]{17}$", view.Service.Id.Value);
        Assert.Equal($"com.amazonaws.vpce.us-east-1.{view.Service.Id}", view.Service.ServiceName);
        Assert.Equal($"{view.Service.Id}.us-east-1.vpce.amazonaws.com", view.Service.BaseEndpointDnsName);
        Assert.True(view.Service.AcceptanceRequired); // AWS's default
        Assert.Equal(["us-east-1a", "us-east-1b"], view.Zones.Select(z => z.Name));
        Assert.Equal(["use1-az1", "use1-az2"], view.Zones.Select(z => z.ZoneId));
    }

    // Each bad request: AWS's code, nothing created.
    [Theory]
    [InlineData("none", "InvalidParameter")] // exactly one of NetworkLoadBalancerArn.N / GatewayLoadBalancerArn.N
    [InlineData("gateway", "InvalidParameter")] // Gateway Load Balancer services are not modelled: refused clearly
    [InlineData("unknown", "InvalidParameter")] // a load balancer that does not exist
    [InlineData("ipv6", "InvalidParameter")] // ipv6 needs dualstack load balancers; this one is ipv4
    [InlineData("other-region", "InvalidParameterValue")] // a supported Region that is no Region
    [InlineData("bad-dns", "InvalidParameterValue")] // the private DNS name must be a domain name
    public void Create_BadRequest_RefusedWithAwsCode(string what, string code)
    {
        var request = what switch
        {
            "none" => new CreateVpcEndpointServiceConfigurationRequest(),
            "gateway" => new CreateVpcEndpointServiceConfigurationRequest { GatewayLoadBalancerArns = [_nlb.Arn.Value] },
            "unknown" => new CreateVpcEndpointServiceConfigurationRequest { NetworkLoadBalancerArns = [_nlb.Arn.Value + "0"] },
            "ipv6" => new CreateVpcEndpointServiceConfigurationRequest { NetworkLoadBalancerArns = [_nlb.Arn.Value], SupportedIpAddressTypes = ["ipv6"] },
            "other-region" => new CreateVpcEndpointServiceConfigurationRequest { NetworkLoadBalancerArns = [_nlb.Arn.Value], SupportedRegions = ["mars-1"] },
            _ => new CreateVpcEndpointServiceConfigurationRequest { NetworkLoadBalancerArns = [_nlb.Arn.Value], PrivateDnsName = "not a name" },
        };
        var error = Assert.Throws<Ec2Exception>(() => Services.CreateVpcEndpointServiceConfiguration(Provider, request));
        Assert.Equal(code, error.Code.Code);
        Assert.Empty(_lab.N.VpcEndpointServiceConfigurations);
    }

    [Fact]
    public void Create_LoadBalancerOfAnotherService_Refused()
    {
        Create();
        var error = Assert.Throws<Ec2Exception>(() => Create());
        Assert.Equal("InvalidParameter", error.Code.Code);
    }

    // Who may connect: the owner, an allowed account root, anyone with "*"; everyone else sees no such service.
    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "arn:aws:iam::222222222222:root" }, true)]
    [InlineData(new[] { "*" }, true)]
    [InlineData(new[] { "arn:aws:iam::333333333333:root" }, false)]
    public void CreateVpcEndpoint_AllowedPrincipals_DecideWhoMayConnect(string[] allowed, bool connects)
    {
        var service = Create(false, null, allowed);
        if (connects)
        {
            Assert.Equal(VpcEndpointState.Available, Connect(Consumer, service, _consumerA).State);
            return;
        }
        var error = Assert.Throws<Ec2Exception>(() => Connect(Consumer, service, _consumerA));
        Assert.Equal("InvalidServiceName", error.Code.Code);
    }

    [Fact]
    public void DescribeVpcEndpointServices_OnlyAllowedPrincipals_SeeTheService()
    {
        var service = Create(true, null, "arn:aws:iam::222222222222:root");
        var seen = _lab.Cp.DescribeVpcEndpointServices(Consumer, new DescribeVpcEndpointServicesRequest());
        Assert.Contains(service.ServiceName, seen.ServiceNames);
        Assert.Single(seen.ProviderServices, p => p.Service.Id == service.Id);
        var hidden = _lab.Cp.DescribeVpcEndpointServices(Stranger, new DescribeVpcEndpointServicesRequest());
        Assert.DoesNotContain(service.ServiceName, hidden.ServiceNames);
        Assert.Equal("InvalidServiceName", Assert.Throws<Ec2Exception>(() => _lab.Cp.DescribeVpcEndpointServices(Stranger,
            new DescribeVpcEndpointServicesRequest { ServiceNames = [service.ServiceName] })).Code.Code);
    }

    // Acceptance: pendingAcceptance until the provider accepts; accept only from pendingAcceptance; reject from any live state.
    [Theory]
    [InlineData(true, VpcEndpointState.PendingAcceptance)]
    [InlineData(false, VpcEndpointState.Available)]
    public void CreateVpcEndpoint_AcceptanceRequired_StartsPending(bool acceptance, VpcEndpointState expected)
    {
        var service = Create(acceptance, null, "arn:aws:iam::222222222222:root");
        Assert.Equal(expected, Connect(Consumer, service, _consumerA).State);
    }

    [Fact]
    public void AcceptThenReject_Connection_StateFollows()
    {
        var service = Create(true, null, "arn:aws:iam::222222222222:root");
        var endpoint = Connect(Consumer, service, _consumerA);
        var request = new VpcEndpointConnectionsRequest { ServiceId = service.Id.Value, VpcEndpointIds = [endpoint.Id.Value, "vpce-0123456789abcdef0"] };
        var accepted = Connections.AcceptVpcEndpointConnections(Provider, request);
        Assert.Equal("InvalidVpcEndpointId.NotFound", Assert.Single(accepted.Unsuccessful).Code);
        Assert.Equal(VpcEndpointState.Available, _lab.N.VpcEndpoints[endpoint.Id].State);
        var again = Connections.AcceptVpcEndpointConnections(Provider, request with { VpcEndpointIds = [endpoint.Id.Value] });
        Assert.Equal("IncorrectState", Assert.Single(again.Unsuccessful).Code);
        Assert.Empty(Connections.RejectVpcEndpointConnections(Provider, request with { VpcEndpointIds = [endpoint.Id.Value] }).Unsuccessful);
        Assert.Equal(VpcEndpointState.Rejected, _lab.N.VpcEndpoints[endpoint.Id].State);
        var connection = Assert.Single(Connections.DescribeVpcEndpointConnections(Provider, new DescribeVpcEndpointConnectionsRequest()).VpcEndpointConnections);
        Assert.Equal(("222222222222", VpcEndpointState.Rejected), (connection.Endpoint.OwnerId.Value, connection.Endpoint.State));
    }

    [Fact]
    public void AcceptVpcEndpointConnections_NotTheOwner_ServiceNotFound()
    {
        var service = Create(true, null, "arn:aws:iam::222222222222:root");
        var error = Assert.Throws<Ec2Exception>(() => Connections.AcceptVpcEndpointConnections(Consumer,
            new VpcEndpointConnectionsRequest { ServiceId = service.Id.Value, VpcEndpointIds = ["vpce-0123456789abcdef0"] }));
        Assert.Equal("InvalidVpcEndpointServiceId.NotFound", error.Code.Code);
    }

    // Zones match by zone id: a consumer subnet in a zone the service's load balancers are not in is refused.
    [Fact]
    public void CreateVpcEndpoint_SubnetInZoneWithoutNode_Refused()
    {
        var service = Create(false, null, "*");
        var error = Assert.Throws<Ec2Exception>(() => Connect(Consumer, service, _consumerC));
        Assert.Equal("InvalidParameter", error.Code.Code);
        Assert.Contains("availability zone", error.Message, StringComparison.Ordinal);
    }

    // Private DNS: pendingVerification until verified; a consumer may turn private DNS on only then.
    [Fact]
    public void PrivateDns_VerifiedOnly_ConsumersMayEnableIt()
    {
        var service = Create(false, "app.example.com", "*");
        Assert.Equal(PrivateDnsVerificationState.PendingVerification, service.PrivateDnsState);
        Assert.Matches("^_[0-9a-z]{16}$", service.PrivateDnsTxtName);
        var before = Assert.Throws<Ec2Exception>(() => Connect(Consumer, service, _consumerA, privateDns: true));
        Assert.Contains("not verified", before.Message, StringComparison.Ordinal);
        Services.StartVpcEndpointServicePrivateDnsVerification(Provider, new StartVpcEndpointServicePrivateDnsVerificationRequest { ServiceId = service.Id.Value });
        var vpc = _lab.N.Vpcs[_consumerVpc.Id];
        _lab.Cp.ModifyVpcAttribute(Consumer, new ModifyVpcAttributeRequest { VpcId = vpc.Id.Value, EnableDnsHostnames = new AttributeBooleanValue { Value = true } });
        var endpoint = Connect(Consumer, service, _consumerA);
        Assert.True(endpoint.PrivateDnsEnabled); // on by default once the service has a verified name
        Assert.Equal("app.example.com", _lab.Cp.ViewOf(endpoint).DnsEntries[^1].DnsName);
    }

    [Fact]
    public void Delete_ServiceWithLiveEndpoint_ExistingVpcEndpointConnections()
    {
        var service = Create(false, null, "*");
        var endpoint = Connect(Consumer, service, _consumerA);
        var result = Services.DeleteVpcEndpointServiceConfigurations(Provider, new DeleteVpcEndpointServiceConfigurationsRequest { ServiceIds = [service.Id.Value, "vpce-svc-0123456789abcdef0"] });
        Assert.Equal(["ExistingVpcEndpointConnections", "InvalidVpcEndpointService.NotFound"], result.Unsuccessful.Select(u => u.Code));
        Connections.RejectVpcEndpointConnections(Provider, new VpcEndpointConnectionsRequest { ServiceId = service.Id.Value, VpcEndpointIds = [endpoint.Id.Value] });
        Assert.Empty(Services.DeleteVpcEndpointServiceConfigurations(Provider, new DeleteVpcEndpointServiceConfigurationsRequest { ServiceIds = [service.Id.Value] }).Unsuccessful);
        Assert.Empty(_lab.N.VpcEndpointServiceConfigurations);
    }

    [Fact]
    public void DeleteLoadBalancer_UsedByService_ResourceInUse()
    {
        Create();
        var error = Assert.Throws<Ec2Exception>(() => _lab.Cp.LoadBalancers.DeleteLoadBalancer(Provider, new DeleteLoadBalancerRequest { LoadBalancerArn = _nlb.Arn.Value }));
        Assert.Equal("ResourceInUse", error.Code.Code);
    }

    [Theory]
    [InlineData("arn:aws:iam::222222222222:root", "Account")]
    [InlineData("arn:aws:iam::222222222222:role/app", "Role")]
    [InlineData("arn:aws:iam::222222222222:user/ana", "User")]
    [InlineData("*", "All")]
    public void ModifyPermissions_Principal_TypedAndListed(string principal, string type)
    {
        var service = Create(null, null, principal);
        var listed = Assert.Single(Connections.DescribeVpcEndpointServicePermissions(Provider, new DescribeVpcEndpointServicePermissionsRequest { ServiceId = service.Id.Value }).AllowedPrincipals);
        Assert.Equal(principal, listed.Principal);
        Assert.Equal(type, EndpointConnectionOperations.PrincipalType(principal));
    }

    [Fact]
    public void ModifyPermissions_NotAnArn_InvalidPrincipal()
    {
        var service = Create();
        var error = Assert.Throws<Ec2Exception>(() => Connections.ModifyVpcEndpointServicePermissions(Provider,
            new ModifyVpcEndpointServicePermissionsRequest { ServiceId = service.Id.Value, AddAllowedPrincipals = ["222222222222"] }));
        Assert.Equal(VpcEndpointServiceErrors.InvalidPrincipalCode, error.Code);
    }

    [Fact]
    public void DescribeConfigurations_UnknownId_NotFound()
    {
        var error = Assert.Throws<Ec2Exception>(() => Services.DescribeVpcEndpointServiceConfigurations(Provider,
            new DescribeVpcEndpointServiceConfigurationsRequest { ServiceIds = ["vpce-svc-unknown"] }));
        Assert.Equal(("InvalidVpcEndpointServiceId.NotFound", "The VpcEndpointService Id 'vpce-svc-unknown' does not exist"), (error.Code.Code, error.Message));
    }
}
