using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Tests.VpcEndpoints;

/// <summary>IPv6 and dual-stack gateway endpoints (docs/semantics.md#gateway-endpoint-ipv6). Spec (d), the
/// gateway-endpoints page: IpAddressType ipv4 routes the service's IPv4 prefix list, ipv6 its IPv6 list (only if every
/// subnet of the endpoint's route tables is IPv6-only), dualstack both (only if those subnets have both ranges); record
/// types per IP address type; DynamoDB's gateway endpoints stay IPv4 (AWS publishes no IPv6 DynamoDB list). A managed
/// prefix list has one address family, so S3 has two: com.amazonaws.REGION.s3 and com.amazonaws.REGION.ipv6.s3.</summary>
public sealed class GatewayEndpointIpv6Tests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;
    private const string S3Ipv6List = "com.amazonaws.us-east-1.ipv6.s3";

    /// <summary>A dual-stack VPC with DNS attributes on: table "dual" serves a dual-stack subnet, table "v6only" an
    /// IPv6-only subnet, table "v4only" an IPv4-only one; the main table serves none.</summary>
    private sealed class World
    {
        public TestLab Lab { get; } = new();
        public Vpc Vpc { get; }
        public Dictionary<string, RouteTable> Tables { get; } = [];

        public World()
        {
            var vpc = Lab.Vpc(ipv6: true);
            Lab.Cp.ModifyVpcAttribute(Ctx, new ModifyVpcAttributeRequest { VpcId = vpc.Id.Value, EnableDnsHostnames = true });
            Vpc = Lab.N.Vpcs[vpc.Id];
            Add("dual", Lab.Subnet(Vpc, "10.0.1.0/24", ipv6: TestLab.Ipv6Subnet(Vpc, 1)));
            Add("v6only", Lab.Cp.CreateSubnet(Ctx, new CreateSubnetRequest
            {
                VpcId = Vpc.Id.Value, Ipv6CidrBlock = TestLab.Ipv6Subnet(Vpc, 2), Ipv6Native = true, AvailabilityZone = "us-east-1a",
            }).Subnet);
            Add("v4only", Lab.Subnet(Vpc, "10.0.3.0/24"));
            Tables["main"] = Lab.MainTable(Vpc);
        }

        private void Add(string name, Subnet subnet)
        {
            var table = Lab.NewTable(Vpc);
            Lab.Cp.AssociateRouteTable(Ctx, new AssociateRouteTableRequest { RouteTableId = table.Id.Value, SubnetId = subnet.Id.Value });
            Tables[name] = table;
        }

        public CreateVpcEndpointRequest Request(string table, string? ipType, string? recordType = null, string service = EndpointLab.S3) => new()
        {
            VpcId = Vpc.Id.Value, ServiceName = service, IpAddressType = ipType, RouteTableIds = [Tables[table].Id.Value],
            DnsOptions = recordType is null ? null : new DnsOptionsSpecification { DnsRecordIpType = recordType },
        };

        /// <summary>The prefix lists a table routes to gateway endpoints, by name.</summary>
        public string[] RoutedLists(string table) => [.. Lab.N.RouteTables[Tables[table].Id].Routes
            .Where(r => r.Target.Kind == RouteTargetKind.GatewayEndpoint)
            .Select(r => Lab.N.PrefixLists[r.Destination.PrefixListId!.Value].Name).Order(StringComparer.Ordinal)];
    }

    public static TheoryData<string, string?, string?, VpcEndpointIpAddressType, VpcEndpointDnsRecordIpType, string> Accepted => new()
    {
        // AWS rule: ipv4 (the default) → the IPv4 list; record types ipv4 or service-defined (default).
        { "dual", null, null, VpcEndpointIpAddressType.Ipv4, VpcEndpointDnsRecordIpType.ServiceDefined, "com.amazonaws.us-east-1.s3" },
        { "v4only", "ipv4", "ipv4", VpcEndpointIpAddressType.Ipv4, VpcEndpointDnsRecordIpType.Ipv4, "com.amazonaws.us-east-1.s3" },
        // AWS rule: dualstack → both lists, on tables whose subnets have both ranges; any record type.
        { "dual", "dualstack", null, VpcEndpointIpAddressType.Dualstack, VpcEndpointDnsRecordIpType.ServiceDefined, $"{S3Ipv6List} com.amazonaws.us-east-1.s3" },
        { "dual", "dualstack", "dualstack", VpcEndpointIpAddressType.Dualstack, VpcEndpointDnsRecordIpType.Dualstack, $"{S3Ipv6List} com.amazonaws.us-east-1.s3" },
        { "dual", "dualstack", "ipv6", VpcEndpointIpAddressType.Dualstack, VpcEndpointDnsRecordIpType.Ipv6, $"{S3Ipv6List} com.amazonaws.us-east-1.s3" },
        // AWS rule: ipv6 → the IPv6 list only, on tables whose subnets are IPv6-only; record types ipv6 or service-defined.
        { "v6only", "ipv6", null, VpcEndpointIpAddressType.Ipv6, VpcEndpointDnsRecordIpType.ServiceDefined, S3Ipv6List },
        { "v6only", "ipv6", "ipv6", VpcEndpointIpAddressType.Ipv6, VpcEndpointDnsRecordIpType.Ipv6, S3Ipv6List },
        // A table that serves no subnet (the main table here) fits every type.
        { "main", "ipv6", null, VpcEndpointIpAddressType.Ipv6, VpcEndpointDnsRecordIpType.ServiceDefined, S3Ipv6List },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Create_S3Gateway_RoutesTheListsOfItsIpAddressType(string table, string? ipType, string? recordType,
        VpcEndpointIpAddressType expectedIp, VpcEndpointDnsRecordIpType expectedRecord, string lists)
    {
        var w = new World();
        var endpoint = w.Lab.Cp.CreateVpcEndpoint(Ctx, w.Request(table, ipType, recordType)).VpcEndpoint;
        Assert.Equal((expectedIp, expectedRecord), (endpoint.IpAddressType, endpoint.DnsRecordIpType));
        Assert.Equal(lists.Split(' '), w.RoutedLists(table));
        var described = w.Lab.Cp.DescribeVpcEndpoints(Ctx, new DescribeVpcEndpointsRequest { VpcEndpointIds = [endpoint.Id.Value] });
        Assert.Equal(expectedIp, Assert.Single(described.VpcEndpoints).Endpoint.IpAddressType);
    }

    public static TheoryData<string, string, string, string?, string> Refused => new()
    {
        // AWS rule: dualstack needs every subnet of the endpoint's tables to have both an IPv4 and an IPv6 range.
        { "dualstack on an IPv6-only subnet's table", "v6only", "dualstack", null, "InvalidParameter" },
        { "dualstack on an IPv4-only subnet's table", "v4only", "dualstack", null, "InvalidParameter" },
        // AWS rule: ipv6 needs every such subnet to be IPv6-only.
        { "ipv6 on a dual-stack subnet's table", "dual", "ipv6", null, "InvalidParameter" },
        // AWS rule: record types per IP address type (ipv6 → ipv6 or service-defined; ipv4 → ipv4 or service-defined).
        { "ipv6 with A records", "v6only", "ipv6", "ipv4", "InvalidParameter" },
        { "ipv6 with dualstack records", "v6only", "ipv6", "dualstack", "InvalidParameter" },
        { "ipv4 with AAAA records", "dual", "ipv4", "ipv6", "InvalidParameter" },
        { "ipv4 with dualstack records", "dual", "ipv4", "dualstack", "InvalidParameter" },
        { "unknown type", "dual", "ipv5", null, "InvalidParameterValue" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Create_S3Gateway_TypeThatDoesNotFit_RefusedNothingChanged(string @case, string table, string ipType, string? recordType, string code)
    {
        var w = new World();
        w.Lab.FailsWith(code, () => w.Lab.Cp.CreateVpcEndpoint(Ctx, w.Request(table, ipType, recordType)));
        _ = @case;
    }

    // AWS rule (route tables): a subnet without an explicit association uses its VPC's main table, so an endpoint on the
    // main table is checked against those subnets; a subnet whose association is removed falls back to the main table and
    // is no longer its old table's. The subnets come from the index (EndpointIpAddressTypes.SubnetsUsing), not a scan.
    [Theory]
    [InlineData("an IPv4-only subnet on the main table refuses ipv6 there", "v4-main", "main", "ipv6", "InvalidParameter")]
    [InlineData("a dual-stack subnet on the main table takes dualstack there", "dual-main", "main", "dualstack", null)]
    [InlineData("a dual-stack subnet on the main table refuses ipv6 there", "dual-main", "main", "ipv6", "InvalidParameter")]
    [InlineData("the IPv6-only subnet, disassociated, refuses dualstack on the main table", "disassociate-v6only", "main", "dualstack", "InvalidParameter")]
    [InlineData("its old table serves no subnet any more: dualstack accepted", "disassociate-v6only", "v6only", "dualstack", null)]
    public void Create_S3Gateway_SubnetsOfTheMainTable_Checked(string @case, string setup, string table, string ipType, string? code)
    {
        var w = new World();
        switch (setup)
        {
            case "v4-main":
                w.Lab.Subnet(w.Vpc, "10.0.4.0/24");
                break;
            case "dual-main":
                w.Lab.Subnet(w.Vpc, "10.0.4.0/24", ipv6: TestLab.Ipv6Subnet(w.Vpc, 4));
                break;
            default:
                var association = w.Lab.N.RouteTables[w.Tables["v6only"].Id].Associations.Single(a => a.SubnetId is not null);
                w.Lab.Cp.DisassociateRouteTable(Ctx, new DisassociateRouteTableRequest { AssociationId = association.Id.Value });
                break;
        }
        if (code is null)
            Assert.Equal(VpcEndpointIpAddressType.Dualstack, w.Lab.Cp.CreateVpcEndpoint(Ctx, w.Request(table, ipType)).VpcEndpoint.IpAddressType);
        else
            w.Lab.FailsWith(code, () => w.Lab.Cp.CreateVpcEndpoint(Ctx, w.Request(table, ipType)));
        _ = @case;
    }

    // AWS's managed-prefix-list page names no IPv6 list for DynamoDB: its gateway endpoints stay ipv4, as
    // DescribeVpcEndpointServices says (supportedIpAddressTypeSet ipv4), and refuse ipv6 and dualstack.
    [Theory]
    [InlineData("ipv6", "v6only")]
    [InlineData("dualstack", "dual")]
    public void Create_DynamoDbGateway_Ipv6OrDualstack_Refused(string ipType, string table)
    {
        var w = new World();
        var error = w.Lab.FailsWith("InvalidParameter", () => w.Lab.Cp.CreateVpcEndpoint(Ctx, w.Request(table, ipType, service: EndpointLab.DynamoDb)));
        Assert.Contains("does not support the IP address type", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EndpointLab.S3, "ipv4 ipv6")]
    [InlineData(EndpointLab.DynamoDb, "ipv4")]
    public void DescribeVpcEndpointServices_GatewaySupportedIpAddressTypes(string service, string types)
    {
        var lab = new TestLab();
        var result = lab.Cp.DescribeVpcEndpointServices(Ctx, new DescribeVpcEndpointServicesRequest { ServiceNames = [service] });
        Assert.Equal(types.Split(' '), result.ServiceDetails.Single(s => s.EndpointType == AwsServiceEndpointType.Gateway).SupportedIpAddressTypes);
    }

    // AWS rule: ModifyVpcEndpoint may change a gateway endpoint's IP address type; its routes follow (the IPv6 list's
    // route comes with dualstack and goes with ipv4), and a record type that no longer fits becomes service-defined.
    [Fact]
    public void Modify_S3Gateway_Ipv4ToDualstackAndBack_RoutesFollow()
    {
        var w = new World();
        var endpoint = w.Lab.Cp.CreateVpcEndpoint(Ctx, w.Request("dual", null)).VpcEndpoint;
        endpoint = w.Lab.Modify(endpoint, new ModifyVpcEndpointRequest { IpAddressType = "dualstack", DnsOptions = new() { DnsRecordIpType = "ipv6" } }).VpcEndpoint;
        Assert.Equal((VpcEndpointIpAddressType.Dualstack, VpcEndpointDnsRecordIpType.Ipv6), (endpoint.IpAddressType, endpoint.DnsRecordIpType));
        Assert.Equal([S3Ipv6List, "com.amazonaws.us-east-1.s3"], w.RoutedLists("dual"));
        endpoint = w.Lab.Modify(endpoint, new ModifyVpcEndpointRequest { IpAddressType = "ipv4" }).VpcEndpoint;
        Assert.Equal((VpcEndpointIpAddressType.Ipv4, VpcEndpointDnsRecordIpType.ServiceDefined), (endpoint.IpAddressType, endpoint.DnsRecordIpType));
        Assert.Equal(["com.amazonaws.us-east-1.s3"], w.RoutedLists("dual"));
    }

    // AWS rule: a table added later must fit the type too; a Modify that would break a table is refused whole.
    [Fact]
    public void Modify_S3Gateway_TypeOrTableThatDoesNotFit_RefusedNothingChanged()
    {
        var w = new World();
        var endpoint = w.Lab.Cp.CreateVpcEndpoint(Ctx, w.Request("dual", "dualstack")).VpcEndpoint;
        w.Lab.FailsWith("InvalidParameter", () => w.Lab.Modify(endpoint, new ModifyVpcEndpointRequest { IpAddressType = "ipv6" }));
        w.Lab.FailsWith("InvalidParameter", () => w.Lab.Modify(endpoint, new ModifyVpcEndpointRequest { AddRouteTableIds = [w.Tables["v6only"].Id.Value] }));
        Assert.Equal([S3Ipv6List, "com.amazonaws.us-east-1.s3"], w.RoutedLists("dual"));
    }

    // AWS rule: deleting the endpoint deletes its routes, both families'.
    [Fact]
    public void Delete_DualstackGateway_RemovesBothRoutes()
    {
        var w = new World();
        var endpoint = w.Lab.Cp.CreateVpcEndpoint(Ctx, w.Request("dual", "dualstack")).VpcEndpoint;
        w.Lab.Cp.DeleteVpcEndpoints(Ctx, new DeleteVpcEndpointsRequest { VpcEndpointIds = [endpoint.Id.Value] });
        Assert.Empty(w.RoutedLists("dual"));
    }

    // AWS: a managed prefix list has one address family (CreateManagedPrefixList AddressFamily IPv4 | IPv6), so S3's
    // IPv6 ranges are a list of their own, shown with AddressFamily IPv6; the IPv4 list holds no IPv6 range.
    [Fact]
    public void PrefixLists_S3HasAnIpv4AndAnIpv6List_EachOfOneFamily()
    {
        var lab = new TestLab();
        var listed = lab.Cp.DescribePrefixLists(Ctx, new DescribePrefixListsRequest()).PrefixLists;
        Assert.Equal(["com.amazonaws.us-east-1.ipv6.s3", "com.amazonaws.us-east-1.s3"],
            listed.Select(p => p.Name).Where(n => n.EndsWith(".s3", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        // S3's IPv6 list is the only IPv6 one; every other AWS-managed list of the Region is IPv4.
        Assert.Equal([S3Ipv6List], listed.Where(p => p.AddressFamily == IpFamily.V6).Select(p => p.Name));
        var v4 = listed.Single(p => p.Name == "com.amazonaws.us-east-1.s3");
        var v6 = listed.Single(p => p.Name == S3Ipv6List);
        Assert.Equal((IpFamily.V4, IpFamily.V6), (v4.AddressFamily, v6.AddressFamily));
        Assert.All(v4.Entries, e => Assert.Equal(IpFamily.V4, e.Cidr.Family));
        var managed = lab.Cp.DescribeManagedPrefixLists(Ctx, new DescribeManagedPrefixListsRequest { Filters = [new Filter("address-family", "IPv6")] }).PrefixLists;
        Assert.Equal(v6.Id, Assert.Single(managed).Id);
        var entries = lab.Cp.GetManagedPrefixListEntries(Ctx, new GetManagedPrefixListEntriesRequest { PrefixListId = v6.Id.Value }).Entries;
        Assert.Equal(["2600:1fa0::/40"], entries.Select(e => e.Cidr.ToString()));
    }
}
