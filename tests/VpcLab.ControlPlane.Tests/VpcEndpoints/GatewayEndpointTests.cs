using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests.VpcEndpoints;

/// <summary>Gateway endpoints (spec/gateways-endpoints-peering.md (d)): a route "service prefix list → vpce" in
/// each selected route table, and only there.</summary>
public sealed class GatewayEndpointTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    // AWS rule: the endpoint adds destination = the service's AWS-managed prefix list, target = vpce, to each
    // selected table; tables not selected are untouched.
    [Theory]
    [InlineData(EndpointLab.S3, 1)]
    [InlineData(EndpointLab.S3, 2)]
    [InlineData(EndpointLab.DynamoDb, 2)]
    [InlineData(EndpointLab.S3, 0)] // a gateway endpoint may start with no table
    public void Create_SelectedTables_GetPrefixListRouteToEndpoint(string service, int selected)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var tables = new[] { lab.MainTable(vpc), lab.NewTable(vpc), lab.NewTable(vpc) };
        var endpoint = lab.Gateway(vpc, service, tables[..selected]);

        Assert.Equal(VpcEndpointType.Gateway, endpoint.Type);
        Assert.Equal(VpcEndpointState.Available, endpoint.State); // AWS services accept at once
        Assert.Matches("^vpce-[0-9a-f]{17}$", endpoint.Id.Value);
        Assert.Equal(tables[..selected].Select(t => t.Id), endpoint.RouteTableIds);
        var pl = lab.PrefixList(service).Value;
        foreach (var table in tables[..selected])
        {
            var route = Assert.Single(lab.N.RouteTables[table.Id].Routes, r => r.Target.Kind == RouteTargetKind.GatewayEndpoint);
            Assert.Equal(pl, route.Destination.PrefixListId!.Value.Value);
            Assert.Equal(endpoint.Id.Value, route.Target.Id);
            Assert.Equal(RouteOrigin.CreateRoute, route.Origin); // choice: as moto and AWS's describe output
            Assert.Equal(RouteState.Active, lab.N.RouteState(lab.N.RouteTables[table.Id], route));
        }
        foreach (var table in tables[selected..])
            Assert.Empty(lab.EndpointRoutes(table));
    }

    // AWS rule: gateway endpoints have no interface, no group, no DNS names; full-access policy by default.
    [Fact]
    public void Create_Gateway_NoInterfacesDefaultPolicy()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var endpoint = lab.Gateway(vpc, EndpointLab.S3, lab.MainTable(vpc));
        Assert.Empty(endpoint.NetworkInterfaceIds);
        Assert.Empty(endpoint.Groups);
        Assert.False(endpoint.PrivateDnsEnabled);
        Assert.Equal(Model.Policies.PolicyDocument.DefaultEndpointPolicyJson, endpoint.PolicyDocument);
        Assert.Equal(VpcEndpointIpAddressType.Ipv4, endpoint.IpAddressType);
        Assert.Equal(VpcEndpointDnsRecordIpType.ServiceDefined, endpoint.DnsRecordIpType);
        Assert.Equal(lab.Clock.GetUtcNow(), endpoint.CreationTimestamp);
        Assert.Empty(lab.Cp.ViewOf(endpoint).DnsEntries);
    }

    // AWS rule: one route table cannot hold two endpoints of the same service (same prefix-list destination);
    // endpoints of different services may share a table.
    [Theory]
    [InlineData(EndpointLab.S3, EndpointLab.S3, "RouteAlreadyExists")]
    [InlineData(EndpointLab.S3, EndpointLab.DynamoDb, null)]
    public void Create_SecondEndpointOnTable_SameServiceRefused(string first, string second, string? code)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var table = lab.MainTable(vpc);
        lab.Gateway(vpc, first, table);
        if (code is null)
        {
            lab.Gateway(vpc, second, table);
            Assert.Equal(2, lab.EndpointRoutes(table).Count());
        }
        else
        {
            lab.FailsWith(code, () => lab.Gateway(vpc, second, table));
        }
    }

    // AWS rule: a manual route to the same prefix list also blocks the endpoint's route.
    [Fact]
    public void Create_TableHasManualRouteToPrefixList_RouteAlreadyExists()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var igw = lab.AttachedIgw(vpc);
        var table = lab.MainTable(vpc);
        lab.Cp.CreateRoute(Ctx, new CreateRouteRequest { RouteTableId = table.Id.Value, DestinationPrefixListId = lab.PrefixList().Value, GatewayId = igw.Id.Value });
        lab.Fails(RouteTableErrors.RouteAlreadyExistsCode, () => lab.Gateway(vpc, EndpointLab.S3, table));
    }

    public static TheoryData<string, string> BadGatewayRequests => new()
    {
        { "table of another VPC", "InvalidParameter" },
        { "unknown table", "InvalidRouteTableID.NotFound" },
        { "malformed table", "InvalidRouteTableId.Malformed" },
        { "subnet given", "InvalidParameter" },
        { "group given", "InvalidParameter" },
        { "private DNS on", "InvalidParameter" },
        { "ipv6 on a table serving an IPv4-only subnet", "InvalidParameter" },
        { "dualstack on a table serving an IPv4-only subnet", "InvalidParameter" },
        { "dynamodb dns ipv4", "InvalidParameter" },
        { "s3 dns ipv4 without hostnames", "InvalidParameter" },
    };

    // AWS rules (spec (d)): tables of the endpoint's VPC only; no subnets, groups or private DNS on a gateway
    // endpoint; ipv6/dualstack need the subnets of the endpoint's tables to fit (docs/semantics.md#gateway-endpoint-ipv6,
    // more in GatewayEndpointIpv6Tests); DynamoDB takes only
    // service-defined DNS records, other record types need both VPC DNS attributes. Nothing changes on refusal.
    [Theory]
    [MemberData(nameof(BadGatewayRequests))]
    public void Create_BadGatewayRequest_RefusedNothingChanged(string @case, string code)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var other = lab.Vpc("10.1.0.0/16");
        var subnet = lab.Subnet(vpc);
        var request = new CreateVpcEndpointRequest { VpcId = vpc.Id.Value, ServiceName = EndpointLab.S3 };
        request = @case switch
        {
            "table of another VPC" => request with { RouteTableIds = [lab.MainTable(other).Id.Value] },
            "unknown table" => request with { RouteTableIds = ["rtb-0123456789abcdef0"] },
            "malformed table" => request with { RouteTableIds = ["rtb-xyz"] },
            "subnet given" => request with { SubnetIds = [subnet.Id.Value] },
            "group given" => request with { SecurityGroupIds = [lab.N.DefaultSecurityGroup(vpc.Id).Id.Value] },
            "private DNS on" => request with { PrivateDnsEnabled = true },
            "ipv6 on a table serving an IPv4-only subnet" => request with { IpAddressType = "ipv6", RouteTableIds = [lab.MainTable(vpc).Id.Value] },
            "dualstack on a table serving an IPv4-only subnet" => request with { IpAddressType = "dualstack", RouteTableIds = [lab.MainTable(vpc).Id.Value] },
            "dynamodb dns ipv4" => request with { ServiceName = EndpointLab.DynamoDb, DnsOptions = new() { DnsRecordIpType = "ipv4" } },
            _ => request with { DnsOptions = new() { DnsRecordIpType = "ipv4" } },
        };
        lab.FailsWith(code, () => lab.Cp.CreateVpcEndpoint(Ctx, request));
    }

    // Spec (d): DnsRecordIpType ipv4 on an S3 gateway endpoint is allowed with both VPC DNS attributes on.
    [Fact]
    public void Create_S3DnsRecordIpv4_WithDnsAttributes_Accepted()
    {
        var lab = new TestLab();
        var vpc = lab.DnsVpc();
        var endpoint = lab.Cp.CreateVpcEndpoint(Ctx, new CreateVpcEndpointRequest
        {
            VpcId = vpc.Id.Value, ServiceName = EndpointLab.S3, DnsOptions = new() { DnsRecordIpType = "ipv4" },
        }).VpcEndpoint;
        Assert.Equal(VpcEndpointDnsRecordIpType.Ipv4, endpoint.DnsRecordIpType);
    }

    // AWS rule: AddRouteTableId adds the route, RemoveRouteTableId removes it; other tables keep theirs.
    [Theory]
    [InlineData(new[] { 0 }, new[] { 1 }, new int[0], new[] { 0, 1 })]
    [InlineData(new[] { 0, 1 }, new int[0], new[] { 0 }, new[] { 1 })]
    [InlineData(new[] { 0 }, new[] { 2 }, new[] { 0 }, new[] { 2 })] // remove first, then add, in one call
    [InlineData(new[] { 0 }, new[] { 0 }, new int[0], new[] { 0 })] // adding a table it already has changes nothing
    public void Modify_AddRemoveRouteTables_RoutesFollow(int[] initial, int[] add, int[] remove, int[] expected)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var tables = new[] { lab.MainTable(vpc), lab.NewTable(vpc), lab.NewTable(vpc) };
        var endpoint = lab.Gateway(vpc, EndpointLab.S3, [.. initial.Select(i => tables[i])]);
        lab.Modify(endpoint, new ModifyVpcEndpointRequest
        {
            AddRouteTableIds = [.. add.Select(i => tables[i].Id.Value)],
            RemoveRouteTableIds = [.. remove.Select(i => tables[i].Id.Value)],
        });
        Assert.Equal(expected.Select(i => tables[i].Id.Value).Order(StringComparer.Ordinal),
            lab.Endpoint(endpoint).RouteTableIds.Select(t => t.Value).Order(StringComparer.Ordinal));
        for (int i = 0; i < tables.Length; i++)
        {
            var routes = lab.EndpointRoutes(tables[i]).ToList();
            Assert.Equal(expected.Contains(i) ? 1 : 0, routes.Count);
        }
    }

    public static TheoryData<string, string> BadGatewayModifications => new()
    {
        { "remove table not associated", "InvalidParameter" },
        { "add table of another VPC", "InvalidParameter" },
        { "add subnet", "InvalidParameter" },
        { "add group", "InvalidParameter" },
        { "private DNS on", "InvalidParameter" },
        { "unknown endpoint", "InvalidVpcEndpointId.NotFound" },
        { "malformed endpoint", "InvalidVpcEndpointId.Malformed" },
    };

    [Theory]
    [MemberData(nameof(BadGatewayModifications))]
    public void Modify_BadGatewayRequest_RefusedNothingChanged(string @case, string code)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var other = lab.Vpc("10.1.0.0/16");
        var spare = lab.NewTable(vpc);
        var endpoint = lab.Gateway(vpc, EndpointLab.S3, lab.MainTable(vpc));
        var request = new ModifyVpcEndpointRequest { VpcEndpointId = endpoint.Id.Value };
        request = @case switch
        {
            "remove table not associated" => request with { RemoveRouteTableIds = [spare.Id.Value] },
            "add table of another VPC" => request with { AddRouteTableIds = [lab.MainTable(other).Id.Value] },
            "add subnet" => request with { AddSubnetIds = [lab.Subnet(vpc).Id.Value] },
            "add group" => request with { AddSecurityGroupIds = [lab.N.DefaultSecurityGroup(vpc.Id).Id.Value] },
            "private DNS on" => request with { PrivateDnsEnabled = true },
            "unknown endpoint" => request with { VpcEndpointId = "vpce-0123456789abcdef0" },
            _ => request with { VpcEndpointId = "vpce-12" },
        };
        lab.FailsWith(code, () => lab.Cp.ModifyVpcEndpoint(Ctx, request));
    }

    // AWS rule: deleting the endpoint deletes its routes.
    [Fact]
    public void Delete_Gateway_RoutesRemoved()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var tables = new[] { lab.MainTable(vpc), lab.NewTable(vpc) };
        var endpoint = lab.Gateway(vpc, EndpointLab.S3, tables);
        var result = lab.Cp.DeleteVpcEndpoints(Ctx, new DeleteVpcEndpointsRequest { VpcEndpointIds = [endpoint.Id.Value] });
        Assert.Empty(result.Unsuccessful);
        Assert.False(lab.N.VpcEndpoints.ContainsKey(endpoint.Id));
        Assert.All(tables, t => Assert.Empty(lab.EndpointRoutes(t)));
        Assert.Empty(lab.Cp.DescribeVpcEndpoints(Ctx, new DescribeVpcEndpointsRequest()).VpcEndpoints);
    }

    // Spec (d): CreateRoute cannot name a gateway (or interface) endpoint as target, by GatewayId or VpcEndpointId;
    // an unknown id is not found.
    [Theory]
    [InlineData("GatewayId", true, "RouteNotSupported")]
    [InlineData("VpcEndpointId", true, "RouteNotSupported")]
    [InlineData("VpcEndpointId", false, "InvalidVpcEndpointId.NotFound")]
    public void CreateRoute_ToVpcEndpoint_Refused(string parameter, bool exists, string code)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var table = lab.MainTable(vpc);
        var id = exists ? lab.Gateway(vpc).Id.Value : "vpce-0123456789abcdef0";
        var request = new CreateRouteRequest { RouteTableId = table.Id.Value, DestinationCidrBlock = "0.0.0.0/0" };
        request = parameter == "GatewayId" ? request with { GatewayId = id } : request with { VpcEndpointId = id };
        lab.FailsWith(code, () => lab.Cp.CreateRoute(Ctx, request));
    }

    // Choice (docs/semantics.md#vpc-endpoints): the endpoint's route changes only through the endpoint;
    // DeleteRoute and ReplaceRoute on it are InvalidParameterValue and change nothing.
    [Theory]
    [InlineData("delete")]
    [InlineData("replace")]
    public void EndpointRoute_DeleteOrReplace_Refused(string operation)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var igw = lab.AttachedIgw(vpc);
        var table = lab.MainTable(vpc);
        lab.Gateway(vpc, EndpointLab.S3, table);
        var pl = lab.PrefixList().Value;
        lab.Fails(Ec2Errors.InvalidParameterValueCode, () => operation == "delete"
            ? lab.Cp.DeleteRoute(Ctx, new DeleteRouteRequest { RouteTableId = table.Id.Value, DestinationPrefixListId = pl })
            : lab.Cp.ReplaceRoute(Ctx, new ReplaceRouteRequest { RouteTableId = table.Id.Value, DestinationPrefixListId = pl, GatewayId = igw.Id.Value }));
    }
}
