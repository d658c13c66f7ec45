using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests.VpcEndpoints;

/// <summary>Interface endpoints (spec/gateways-endpoints-peering.md (e)): one requester-managed interface per
/// subnet, at most one subnet per zone, security groups, private DNS.</summary>
public sealed class InterfaceEndpointTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    // AWS rule: one requester-managed interface (type vpc_endpoint) per selected subnet, in subnet order, with a
    // private address allocated like any interface's and the description "VPC Endpoint Interface vpce-…".
    [Fact]
    public void Create_OneInterfacePerSubnet_InSubnetOrder()
    {
        var lab = new TestLab();
        var vpc = lab.DnsVpc();
        var a = lab.Subnet(vpc, "10.0.1.0/24", "us-east-1a");
        var b = lab.Subnet(vpc, "10.0.2.0/24", "us-east-1b");
        lab.Eni(b); // takes 10.0.2.4: the endpoint gets the next free address
        var endpoint = lab.Interface(vpc, EndpointLab.Sns, [b, a]);

        Assert.Equal([b.Id, a.Id], endpoint.SubnetIds);
        Assert.Equal(2, endpoint.NetworkInterfaceIds.Length);
        var enis = endpoint.NetworkInterfaceIds.Select(id => lab.N.NetworkInterfaces[id]).ToList();
        Assert.Equal([b.Id, a.Id], enis.Select(e => e.SubnetId));
        Assert.Equal(["10.0.2.5", "10.0.1.4"], enis.Select(e => e.PrimaryPrivateIp.ToString()));
        Assert.All(enis, e =>
        {
            Assert.Equal(NetworkInterfaceType.VpcEndpoint, e.InterfaceType);
            Assert.True(e.RequesterManaged);
            Assert.Equal($"VPC Endpoint Interface {endpoint.Id}", e.Description);
            Assert.Equal(endpoint.Groups, e.Groups);
            Assert.Null(e.Attachment);
        });
        Assert.Empty(endpoint.RouteTableIds);
        Assert.Equal(VpcEndpointState.Available, endpoint.State);
    }

    // AWS rule: without SecurityGroupId.N the endpoint (and its interfaces) get the VPC's default group.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Create_Groups_DefaultGroupUnlessGiven(bool give)
    {
        var lab = new TestLab();
        var vpc = lab.DnsVpc();
        var subnet = lab.Subnet(vpc);
        var web = lab.Group(vpc);
        var endpoint = lab.Interface(vpc, EndpointLab.Sns, [subnet], groups: give ? [web] : null);
        var expected = give ? web.Id : lab.N.DefaultSecurityGroup(vpc.Id).Id;
        Assert.Equal([expected], endpoint.Groups);
        Assert.Equal([expected], lab.N.NetworkInterfaces[endpoint.NetworkInterfaceIds[0]].Groups);
        var view = lab.Cp.ViewOf(endpoint);
        Assert.Equal(give ? "web" : "default", Assert.Single(view.Groups).Name);
    }

    public static TheoryData<string, string> BadInterfaceRequests => new()
    {
        { "two subnets in one zone", "DuplicateSubnetsInSameZone" },
        { "subnet of another VPC", "InvalidParameter" },
        { "unknown subnet", "InvalidSubnetID.NotFound" },
        { "unknown group", "InvalidGroup.NotFound" },
        { "group of another VPC", "InvalidParameter" },
        { "route table given", "InvalidParameter" },
        { "ipv6", "InvalidParameter" }, // needs IPv6-only subnets (the lab has none)
        { "dualstack", "InvalidParameter" }, // needs subnets with an IPv6 range
        { "dns record dualstack", "InvalidParameter" },
        { "private DNS for S3 interface", "InvalidParameter" },
    };

    // AWS rules (spec (e)): at most one subnet per Availability Zone; subnets and groups of the endpoint's VPC; no
    // route tables on an interface endpoint; ipv6/dualstack need subnets with IPv6 ranges; an ipv4 endpoint takes only ipv4 DNS records; S3 interface endpoints
    // offer no private DNS (catalog). Nothing changes on refusal.
    [Theory]
    [MemberData(nameof(BadInterfaceRequests))]
    public void Create_BadInterfaceRequest_RefusedNothingChanged(string @case, string code)
    {
        var lab = new TestLab();
        var vpc = lab.DnsVpc();
        var other = lab.Vpc("10.1.0.0/16");
        var a = lab.Subnet(vpc, "10.0.1.0/24", "us-east-1a");
        var a2 = lab.Subnet(vpc, "10.0.2.0/24", "us-east-1a");
        var request = new CreateVpcEndpointRequest
        {
            VpcId = vpc.Id.Value, ServiceName = EndpointLab.Sns, VpcEndpointType = "Interface", SubnetIds = [a.Id.Value],
        };
        request = @case switch
        {
            "two subnets in one zone" => request with { SubnetIds = [a.Id.Value, a2.Id.Value] },
            "subnet of another VPC" => request with { SubnetIds = [lab.Subnet(other, "10.1.1.0/24").Id.Value] },
            "unknown subnet" => request with { SubnetIds = ["subnet-0123456789abcdef0"] },
            "unknown group" => request with { SecurityGroupIds = ["sg-0123456789abcdef0"] },
            "group of another VPC" => request with { SecurityGroupIds = [lab.Group(other).Id.Value] },
            "route table given" => request with { RouteTableIds = [lab.MainTable(vpc).Id.Value] },
            "ipv6" => request with { IpAddressType = "ipv6" },
            "dualstack" => request with { IpAddressType = "dualstack" },
            "dns record dualstack" => request with { DnsOptions = new() { DnsRecordIpType = "dualstack" } },
            _ => request with { ServiceName = EndpointLab.S3, PrivateDnsEnabled = true },
        };
        lab.FailsWith(code, () => lab.Cp.CreateVpcEndpoint(Ctx, request));
    }

    // AWS rule: private DNS (default on for AWS services that offer it) needs enableDnsSupport AND
    // enableDnsHostnames on the VPC; off, it needs neither.
    [Theory]
    [InlineData(true, true, null, null)]
    [InlineData(true, false, null, "InvalidParameter")]
    [InlineData(false, true, null, "InvalidParameter")]
    [InlineData(false, false, null, "InvalidParameter")]
    [InlineData(false, false, false, null)] // private DNS off: no attribute needed
    [InlineData(true, false, true, "InvalidParameter")]
    public void Create_PrivateDns_NeedsBothVpcDnsAttributes(bool support, bool hostnames, bool? privateDns, string? code)
    {
        var lab = new TestLab();
        var vpc = lab.DnsVpc(support: support, hostnames: hostnames);
        var subnet = lab.Subnet(vpc);
        if (code is null)
        {
            var endpoint = lab.Interface(vpc, EndpointLab.Sns, [subnet], privateDns);
            Assert.Equal(privateDns ?? true, endpoint.PrivateDnsEnabled);
        }
        else
        {
            var error = lab.FailsWith(code, () => lab.Interface(vpc, EndpointLab.Sns, [subnet], privateDns));
            Assert.Contains("enableDnsSupport and enableDnsHostnames", error.Message, StringComparison.Ordinal);
        }
    }

    // Catalog: S3 and DynamoDB interface endpoints have no private DNS name, so private DNS defaults to off.
    [Theory]
    [InlineData(EndpointLab.S3, false)]
    [InlineData(EndpointLab.DynamoDb, false)]
    [InlineData(EndpointLab.Sqs, true)]
    public void Create_PrivateDnsDefault_FollowsCatalog(string service, bool expected)
    {
        var lab = new TestLab();
        var vpc = lab.DnsVpc();
        Assert.Equal(expected, lab.Interface(vpc, service, [lab.Subnet(vpc)]).PrivateDnsEnabled);
    }

    // AWS rule: two endpoints answering the same private name in one VPC conflict (choice: InvalidParameter, AWS's
    // "conflicting DNS domain" text); with private DNS off the second endpoint is fine.
    [Theory]
    [InlineData(true, "InvalidParameter")]
    [InlineData(false, null)]
    public void Create_SecondPrivateDnsEndpointSameService_Conflict(bool privateDns, string? code)
    {
        var lab = new TestLab();
        var vpc = lab.DnsVpc();
        var subnet = lab.Subnet(vpc);
        lab.Interface(vpc, EndpointLab.Sns, [subnet]);
        if (code is null)
            Assert.False(lab.Interface(vpc, EndpointLab.Sns, [subnet], privateDns).PrivateDnsEnabled);
        else
            Assert.Contains("sns.us-east-1.amazonaws.com", lab.FailsWith(code, () => lab.Interface(vpc, EndpointLab.Sns, [subnet], privateDns)).Message, StringComparison.Ordinal);
    }

    // AWS rule: Add/RemoveSubnetId create and delete the subnet's interface; the one-per-zone rule counts the
    // endpoint's remaining subnets.
    [Fact]
    public void Modify_AddRemoveSubnets_InterfacesFollow()
    {
        var lab = new TestLab();
        var vpc = lab.DnsVpc();
        var a = lab.Subnet(vpc, "10.0.1.0/24", "us-east-1a");
        var a2 = lab.Subnet(vpc, "10.0.3.0/24", "us-east-1a");
        var b = lab.Subnet(vpc, "10.0.2.0/24", "us-east-1b");
        var endpoint = lab.Interface(vpc, EndpointLab.Sns, [a]);
        var firstEni = endpoint.NetworkInterfaceIds[0];

        lab.FailsWith("DuplicateSubnetsInSameZone", () => lab.Modify(endpoint, new() { AddSubnetIds = [a2.Id.Value] }));
        endpoint = lab.Modify(endpoint, new() { AddSubnetIds = [b.Id.Value] }).VpcEndpoint;
        Assert.Equal([a.Id, b.Id], endpoint.SubnetIds);
        Assert.Equal(2, lab.N.NetworkInterfaces.Values.Count(e => e.InterfaceType == NetworkInterfaceType.VpcEndpoint));

        // Removing a and adding a2 in one call: a's zone is free again.
        endpoint = lab.Modify(endpoint, new() { RemoveSubnetIds = [a.Id.Value], AddSubnetIds = [a2.Id.Value] }).VpcEndpoint;
        Assert.Equal([b.Id, a2.Id], endpoint.SubnetIds);
        Assert.False(lab.N.NetworkInterfaces.ContainsKey(firstEni));
        Assert.Equal(endpoint.SubnetIds, endpoint.NetworkInterfaceIds.Select(id => lab.N.NetworkInterfaces[id].SubnetId));
    }

    // AWS rule: Add/RemoveSecurityGroupId change the endpoint's groups and its interfaces'; at least one stays.
    [Theory]
    [InlineData(new[] { "web" }, new[] { "default" }, new[] { "web" }, null)]
    [InlineData(new[] { "web", "db" }, new string[0], new[] { "default", "web", "db" }, null)]
    [InlineData(new string[0], new[] { "default" }, null, "InvalidParameter")] // would leave none
    [InlineData(new string[0], new[] { "web" }, null, "InvalidParameter")] // not the endpoint's
    public void Modify_Groups_EndpointAndInterfacesFollow(string[] add, string[] remove, string[]? expected, string? code)
    {
        var lab = new TestLab();
        var vpc = lab.DnsVpc();
        var groups = new Dictionary<string, SecurityGroup>
        {
            ["default"] = lab.N.DefaultSecurityGroup(vpc.Id), ["web"] = lab.Group(vpc, "web"), ["db"] = lab.Group(vpc, "db"),
        };
        var endpoint = lab.Interface(vpc, EndpointLab.Sns, [lab.Subnet(vpc, "10.0.1.0/24", "us-east-1a"), lab.Subnet(vpc, "10.0.2.0/24", "us-east-1b")]);
        var request = new ModifyVpcEndpointRequest
        {
            AddSecurityGroupIds = [.. add.Select(g => groups[g].Id.Value)], RemoveSecurityGroupIds = [.. remove.Select(g => groups[g].Id.Value)],
        };
        if (code is not null)
        {
            lab.FailsWith(code, () => lab.Modify(endpoint, request));
            return;
        }
        endpoint = lab.Modify(endpoint, request).VpcEndpoint;
        var ids = expected!.Select(g => groups[g].Id).ToList();
        Assert.Equal(ids, endpoint.Groups);
        Assert.All(endpoint.NetworkInterfaceIds, id => Assert.Equal(ids, lab.N.NetworkInterfaces[id].Groups));
    }

    // AWS rule: turning private DNS on later meets the same VPC attribute rule; turning it off always works.
    [Theory]
    [InlineData(true, true, null)]
    [InlineData(true, false, "InvalidParameter")]
    [InlineData(false, false, null)]
    public void Modify_PrivateDns_SameAttributeRule(bool enable, bool hostnames, string? code)
    {
        var lab = new TestLab();
        var vpc = lab.DnsVpc(hostnames: hostnames);
        var endpoint = lab.Interface(vpc, EndpointLab.Sns, [lab.Subnet(vpc)], privateDns: !enable && hostnames);
        if (code is not null)
        {
            lab.FailsWith(code, () => lab.Modify(endpoint, new() { PrivateDnsEnabled = enable }));
            return;
        }
        Assert.Equal(enable, lab.Modify(endpoint, new() { PrivateDnsEnabled = enable }).VpcEndpoint.PrivateDnsEnabled);
    }

    // AWS rule: deleting an interface endpoint deletes its interfaces (and frees their addresses).
    [Fact]
    public void Delete_Interface_InterfacesRemoved()
    {
        var lab = new TestLab();
        var vpc = lab.DnsVpc();
        var subnet = lab.Subnet(vpc);
        var endpoint = lab.Interface(vpc, EndpointLab.Sns, [subnet]);
        lab.Cp.DeleteVpcEndpoints(Ctx, new DeleteVpcEndpointsRequest { VpcEndpointIds = [endpoint.Id.Value] });
        Assert.Empty(lab.N.NetworkInterfaces);
        Assert.Equal("10.0.1.4", lab.Eni(subnet).PrimaryPrivateIp.ToString());
    }

    // Quota (spec "VPC endpoint API"): 50 interface endpoints per VPC → VpcEndpointLimitExceeded.
    [Fact]
    public void Create_InterfaceQuotaPerVpc_LimitExceeded()
    {
        var lab = new TestLab(quotas: Ec2Quotas.AwsDefaults with { InterfaceEndpointsPerVpc = 2 });
        var vpc = lab.DnsVpc();
        var other = lab.DnsVpc("10.1.0.0/16");
        lab.Interface(vpc, EndpointLab.Sns, privateDns: false);
        lab.Interface(vpc, EndpointLab.Sqs, privateDns: false);
        lab.Fails(VpcEndpointErrors.VpcEndpointLimitExceededCode, () => lab.Interface(vpc, EndpointLab.Sns, privateDns: false));
        lab.Gateway(vpc); // gateway endpoints count apart
        lab.Interface(other, EndpointLab.Sns); // another VPC has its own quota
    }
}
