using System.Net;
using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using VpcLab.Server.Protocol;
using static VpcLab.Server.Tests.Protocol.Json;

namespace VpcLab.Server.Tests.Protocol;

/// <summary>The AWS SDK for .NET's own marshallers and unmarshallers against the protocol core: what the SDK
/// sends parses to member-name JSON, and what the serializer writes the SDK reads back.</summary>
public sealed class AwsSdkInteropTests : IAsyncLifetime
{
    private ProtocolTestServer _server = null!;
    private AmazonEC2Client _client = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await ProtocolTestServer.StartAsync();
        _client = new AmazonEC2Client(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), new AmazonEC2Config
        {
            ServiceURL = _server.Url,
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        });
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task DescribeVpcs_SdkFiltersParse_AndVpcsUnmarshal()
    {
        _server.Answer = _ => Obj("""
            {"Vpcs":[{"VpcId":"vpc-0a1b2c3d4e5f60001","State":"available","CidrBlock":"10.0.0.0/16",
              "CidrBlockAssociationSet":[{"CidrBlock":"10.0.0.0/16","AssociationId":"vpc-cidr-assoc-1","CidrBlockState":{"State":"associated"}}],
              "DhcpOptionsId":"dopt-1","Tags":[{"Key":"Name","Value":"main & <co>"}],"InstanceTenancy":"default",
              "IsDefault":true,"OwnerId":"111111111111"}],
             "NextToken":"next-1"}
            """);
        var response = await _client.DescribeVpcsAsync(new DescribeVpcsRequest
        {
            Filters = [new Filter("cidr", ["10.0.0.0/16", "10.1.0.0/16"]), new Filter("tag:Name", ["main"])],
            VpcIds = ["vpc-0a1b2c3d4e5f60001"],
            MaxResults = 5,
        }, TestContext.Current.CancellationToken);

        AssertEqual(Obj("""
            {"Filters":[{"Name":"cidr","Values":["10.0.0.0/16","10.1.0.0/16"]},{"Name":"tag:Name","Values":["main"]}],
             "VpcIds":["vpc-0a1b2c3d4e5f60001"],"MaxResults":5}
            """), _server.LastRequest!.Parameters);
        var vpc = Assert.Single(response.Vpcs);
        Assert.Equal("vpc-0a1b2c3d4e5f60001", vpc.VpcId);
        Assert.Equal(VpcState.Available, vpc.State);
        Assert.Equal("10.0.0.0/16", vpc.CidrBlock);
        Assert.Equal("associated", vpc.CidrBlockAssociationSet.Single().CidrBlockState.State.Value);
        Assert.Equal("main & <co>", vpc.Tags.Single().Value);
        Assert.True(vpc.IsDefault);
        Assert.Equal("111111111111", vpc.OwnerId);
        Assert.Equal("next-1", response.NextToken);
        Assert.Equal(HttpStatusCode.OK, response.HttpStatusCode);
        Assert.False(string.IsNullOrEmpty(response.ResponseMetadata.RequestId));
    }

    [Fact]
    public async Task CreateVpc_TagSpecificationsParse_AndVpcUnmarshals()
    {
        _server.Answer = req => new JsonObject
        {
            ["Vpc"] = new JsonObject
            {
                ["VpcId"] = "vpc-2",
                ["CidrBlock"] = req.Parameters["CidrBlock"]!.GetValue<string>(),
                ["State"] = "pending",
                ["Tags"] = req.Parameters["TagSpecifications"]![0]!["Tags"]!.DeepClone(),
            },
        };
        var response = await _client.CreateVpcAsync(new CreateVpcRequest
        {
            CidrBlock = "10.9.0.0/16",
            AmazonProvidedIpv6CidrBlock = true,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Vpc, Tags = [new Tag("Name", "lab"), new Tag("env", "test")] }],
        }, TestContext.Current.CancellationToken);

        AssertEqual(Obj("""
            {"CidrBlock":"10.9.0.0/16","AmazonProvidedIpv6CidrBlock":true,
             "TagSpecifications":[{"ResourceType":"vpc","Tags":[{"Key":"Name","Value":"lab"},{"Key":"env","Value":"test"}]}]}
            """), _server.LastRequest!.Parameters);
        Assert.Equal("vpc-2", response.Vpc.VpcId);
        Assert.Equal("10.9.0.0/16", response.Vpc.CidrBlock);
        Assert.Equal(VpcState.Pending, response.Vpc.State);
        Assert.Equal(["lab", "test"], response.Vpc.Tags.Select(t => t.Value));
    }

    [Fact]
    public async Task AuthorizeIngress_SdkIpPermissionsParse_AndDescribeSecurityGroupsUnmarshals()
    {
        _server.Answer = _ => Obj("""
            {"Return":true,"SecurityGroupRules":[{"SecurityGroupRuleId":"sgr-1","GroupId":"sg-1","IsEgress":false,
              "IpProtocol":"tcp","FromPort":22,"ToPort":22,"CidrIpv4":"10.0.0.0/8"}]}
            """);
        var authorized = await _client.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = "sg-1",
            IpPermissions =
            [
                new IpPermission
                {
                    IpProtocol = "tcp", FromPort = 22, ToPort = 22,
                    Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/8", Description = "ssh" }],
                    Ipv6Ranges = [new Ipv6Range { CidrIpv6 = "::/0" }],
                    PrefixListIds = [new PrefixListId { Id = "pl-1" }],
                    UserIdGroupPairs = [new UserIdGroupPair { GroupId = "sg-2" }],
                },
            ],
        }, TestContext.Current.CancellationToken);
        AssertEqual(Obj("""
            {"GroupId":"sg-1","IpPermissions":[{"IpProtocol":"tcp","FromPort":22,"ToPort":22,
              "IpRanges":[{"CidrIp":"10.0.0.0/8","Description":"ssh"}],"Ipv6Ranges":[{"CidrIpv6":"::/0"}],
              "PrefixListIds":[{"PrefixListId":"pl-1"}],"UserIdGroupPairs":[{"GroupId":"sg-2"}]}]}
            """), _server.LastRequest!.Parameters);
        Assert.True(authorized.Return);
        Assert.Equal(22, authorized.SecurityGroupRules.Single().FromPort);
        Assert.False(authorized.SecurityGroupRules.Single().IsEgress);

        _server.Answer = _ => Obj("""
            {"SecurityGroups":[{"GroupId":"sg-1","GroupName":"web","Description":"web","VpcId":"vpc-1","OwnerId":"111111111111",
              "IpPermissions":[{"IpProtocol":"tcp","FromPort":443,"ToPort":443,"IpRanges":[{"CidrIp":"0.0.0.0/0","Description":"https"}],
                "Ipv6Ranges":[{"CidrIpv6":"::/0"}],"PrefixListIds":[],"UserIdGroupPairs":[{"GroupId":"sg-2","UserId":"111111111111"}]}],
              "IpPermissionsEgress":[{"IpProtocol":"-1","IpRanges":[{"CidrIp":"0.0.0.0/0"}]}],
              "Tags":[{"Key":"Name","Value":"web"}]}]}
            """);
        var described = await _client.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = ["sg-1"] },
            TestContext.Current.CancellationToken);
        AssertEqual(Obj("""{"GroupIds":["sg-1"]}"""), _server.LastRequest!.Parameters);
        var sg = Assert.Single(described.SecurityGroups);
        Assert.Equal("web", sg.GroupName);
        var permission = Assert.Single(sg.IpPermissions);
        Assert.Equal(443, permission.FromPort);
        Assert.Equal("https", permission.Ipv4Ranges.Single().Description);
        Assert.Equal("::/0", permission.Ipv6Ranges.Single().CidrIpv6);
        Assert.Equal("sg-2", permission.UserIdGroupPairs.Single().GroupId);
        Assert.Equal("-1", sg.IpPermissionsEgress.Single().IpProtocol);
    }

    [Fact]
    public async Task DescribeRouteTables_OurXml_UnmarshalsInTheSdk()
    {
        _server.Answer = _ => Obj("""
            {"RouteTables":[{"RouteTableId":"rtb-1","VpcId":"vpc-1","OwnerId":"111111111111",
              "Associations":[{"Main":true,"RouteTableAssociationId":"rtbassoc-1","RouteTableId":"rtb-1",
                               "AssociationState":{"State":"associated"}},
                              {"Main":false,"RouteTableAssociationId":"rtbassoc-2","RouteTableId":"rtb-1","SubnetId":"subnet-1"}],
              "Routes":[{"DestinationCidrBlock":"10.0.0.0/16","GatewayId":"local","State":"active","Origin":"CreateRouteTable"},
                        {"DestinationCidrBlock":"0.0.0.0/0","GatewayId":"igw-1","State":"active","Origin":"CreateRoute"},
                        {"DestinationPrefixListId":"pl-63a5400a","GatewayId":"vpce-1","State":"blackhole","Origin":"CreateRoute"}],
              "PropagatingVgws":[],"Tags":[]}]}
            """);
        var response = await _client.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new Filter("association.main", ["true"])],
        }, TestContext.Current.CancellationToken);
        var table = Assert.Single(response.RouteTables);
        Assert.Equal("rtb-1", table.RouteTableId);
        Assert.Equal(2, table.Associations.Count);
        Assert.True(table.Associations[0].Main);
        Assert.Equal(RouteTableAssociationStateCode.Associated, table.Associations[0].AssociationState.State);
        Assert.Equal("subnet-1", table.Associations[1].SubnetId);
        Assert.Equal(3, table.Routes.Count);
        Assert.Equal("igw-1", table.Routes[1].GatewayId);
        Assert.Equal(RouteState.Blackhole, table.Routes[2].State);
        Assert.Equal("pl-63a5400a", table.Routes[2].DestinationPrefixListId);
    }

    [Fact]
    public async Task DescribeInstances_NestedSetsAndTimestamps_UnmarshalInTheSdk()
    {
        var launch = new DateTime(2026, 11, 23, 1, 2, 3, 456, DateTimeKind.Utc);
        _server.Answer = _ => new JsonObject
        {
            ["Reservations"] = new JsonArray(new JsonObject
            {
                ["ReservationId"] = "r-1",
                ["OwnerId"] = "111111111111",
                ["Instances"] = new JsonArray(new JsonObject
                {
                    ["InstanceId"] = "i-1",
                    ["LaunchTime"] = launch,
                    ["State"] = new JsonObject { ["Code"] = 16, ["Name"] = "running" },
                    ["PrivateIpAddress"] = "10.0.1.5",
                    ["SourceDestCheck"] = false,
                    ["NetworkInterfaces"] = new JsonArray(new JsonObject
                    {
                        ["NetworkInterfaceId"] = "eni-1",
                        ["Groups"] = new JsonArray(new JsonObject { ["GroupId"] = "sg-1", ["GroupName"] = "web" }),
                        ["Ipv6Addresses"] = new JsonArray(new JsonObject { ["Ipv6Address"] = "2600:1f18::5" }),
                    }),
                }),
            }),
        };
        var response = await _client.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-1"] },
            TestContext.Current.CancellationToken);
        var instance = response.Reservations.Single().Instances.Single();
        Assert.Equal("i-1", instance.InstanceId);
        Assert.Equal(launch, instance.LaunchTime!.Value.ToUniversalTime());
        Assert.Equal(InstanceStateName.Running, instance.State.Name);
        Assert.Equal(16, instance.State.Code);
        Assert.False(instance.SourceDestCheck);
        var eni = instance.NetworkInterfaces.Single();
        Assert.Equal("web", eni.Groups.Single().GroupName);
        Assert.Equal("2600:1f18::5", eni.Ipv6Addresses.Single().Ipv6Address);
    }

    [Fact]
    public async Task SdkWire_NestedStructuresQueryNamesAndTimestamps_Parse()
    {
        var ct = TestContext.Current.CancellationToken;
        await _client.ModifyVpcAttributeAsync(new ModifyVpcAttributeRequest { VpcId = "vpc-1", EnableDnsSupport = true }, ct);
        AssertEqual(Obj("""{"VpcId":"vpc-1","EnableDnsSupport":{"Value":true}}"""), _server.LastRequest!.Parameters);

        await _client.CreateNetworkAclEntryAsync(new CreateNetworkAclEntryRequest
        {
            NetworkAclId = "acl-1", RuleNumber = 100, Protocol = "6", RuleAction = RuleAction.Allow, Egress = false,
            CidrBlock = "0.0.0.0/0", PortRange = new PortRange { From = 1024, To = 65535 },
        }, ct);
        AssertEqual(Obj("""
            {"NetworkAclId":"acl-1","RuleNumber":100,"Protocol":"6","RuleAction":"allow","Egress":false,"CidrBlock":"0.0.0.0/0",
             "PortRange":{"From":1024,"To":65535}}
            """), _server.LastRequest!.Parameters);

        _server.Answer = _ => Obj("""{"ReservationId":"r-1","Instances":[{"InstanceId":"i-1"}]}""");
        var run = await _client.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0fc50b841d13a3d05", MinCount = 1, MaxCount = 1,
            NetworkInterfaces =
            [
                new InstanceNetworkInterfaceSpecification
                {
                    DeviceIndex = 0, SubnetId = "subnet-1", Groups = ["sg-1"],
                    PrivateIpAddresses = [new PrivateIpAddressSpecification { PrivateIpAddress = "10.0.1.9", Primary = true }],
                    Ipv6Addresses = [new InstanceIpv6Address { Ipv6Address = "2600:1f18::9" }],
                },
            ],
        }, ct);
        // the SDK fills the idempotency token (ClientToken) itself, as botocore does
        Assert.True(_server.LastRequest!.Parameters.Remove("ClientToken"));
        AssertEqual(Obj("""
            {"ImageId":"ami-0fc50b841d13a3d05","MinCount":1,"MaxCount":1,"NetworkInterfaces":[{"DeviceIndex":0,"SubnetId":"subnet-1","Groups":["sg-1"],
              "PrivateIpAddresses":[{"PrivateIpAddress":"10.0.1.9","Primary":true}],"Ipv6Addresses":[{"Ipv6Address":"2600:1f18::9"}]}]}
            """), _server.LastRequest!.Parameters);
        Assert.Equal("i-1", run.Reservation.Instances.Single().InstanceId);

        _server.Answer = _ => null;
        await _client.DescribeNetworkInsightsAnalysesAsync(new DescribeNetworkInsightsAnalysesRequest
        {
            AnalysisStartTime = new DateTime(2026, 11, 23, 1, 2, 3, 450, DateTimeKind.Utc),
        }, ct);
        AssertEqual(Obj("""{"AnalysisStartTime":"2026-11-23T01:02:03.45Z"}"""), _server.LastRequest!.Parameters);
    }

    [Fact]
    public async Task DeleteVpc_ReturnTrue_Unmarshals()
    {
        var response = await _client.DeleteVpcAsync(new DeleteVpcRequest { VpcId = "vpc-1" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.HttpStatusCode);
        AssertEqual(Obj("""{"VpcId":"vpc-1"}"""), _server.LastRequest!.Parameters);
    }

    [Fact]
    public async Task ErrorEnvelope_InTheSdk_BecomesAmazonEC2Exception()
    {
        _server.Answer = _ => throw new Ec2ProtocolException("InvalidVpcID.NotFound", "The vpc ID 'vpc-404' does not exist");
        var ex = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _client.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = ["vpc-404"] }, TestContext.Current.CancellationToken));
        Assert.Equal("InvalidVpcID.NotFound", ex.ErrorCode);
        Assert.Equal("The vpc ID 'vpc-404' does not exist", ex.Message);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.False(string.IsNullOrEmpty(ex.RequestId));
    }

    [Fact]
    public async Task ParserError_ReachesTheSdk_AsMissingParameter()
    {
        // CreateSubnet without VpcId: the SDK sends it anyway, the parser answers MissingParameter
        var ex = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _client.CreateSubnetAsync(new CreateSubnetRequest { CidrBlock = "10.0.1.0/24" }, TestContext.Current.CancellationToken));
        Assert.Equal("MissingParameter", ex.ErrorCode);
        Assert.Equal("The request must contain the parameter VpcId", ex.Message);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
    }

    [Fact]
    public async Task RawForm_UnknownAction_Is400WithEnvelope()
    {
        using var http = new HttpClient();
        using var body = new FormUrlEncodedContent([new("Action", "Nope"), new("Version", "2016-11-15")]);
        using var response = await http.PostAsync(_server.Url + "/", body, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<Code>InvalidAction</Code><Message>The action Nope is not valid for this web service.</Message>", text);
    }

    [Fact]
    public async Task Parse_QueryStringGet_ParsesLikeAForm()
    {
        _server.Answer = _ => Obj("""{"Vpcs":[]}""");
        using var http = new HttpClient();
        using var response = await http.GetAsync(
            _server.Url + "/?Action=DescribeVpcs&Version=2016-11-15&VpcId.1=vpc-1&Filter.1.Name=cidr&Filter.1.Value.1=10.0.0.0%2F16",
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertEqual(Obj("""{"VpcIds":["vpc-1"],"Filters":[{"Name":"cidr","Values":["10.0.0.0/16"]}]}"""), _server.LastRequest!.Parameters);
        Assert.Contains("<vpcSet/>", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
