using System.Text.Json.Nodes;
using static VpcLab.Server.Tests.Ec2.Ec2Harness;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>Output shapes field by field (docs/semantics.md#output-shapes-shapes), through Execute and the
/// real serializer (Ec2Harness.Run serializes every answer).</summary>
public sealed class Ec2ShapeTests
{
    private readonly Ec2Harness _h = new();

    private JsonObject Single(string operation, string list, string json = "{}") =>
        Assert.Single(_h.Ok(operation, json)[list]!.AsArray())!.AsObject();

    [Fact]
    public void Vpc_Ipv4Only_OmitsIpv6SetAndTagsWhenUntagged()
    {
        _h.Vpc();
        var vpc = Single("DescribeVpcs", "Vpcs");
        Assert.Null(vpc["Ipv6CidrBlockAssociationSet"]);
        Assert.Null(vpc["Tags"]);
        Assert.Equal("available", Str(vpc["State"]));
        Assert.Equal("default", Str(vpc["DhcpOptionsId"]));
        Assert.Equal("off", Str(vpc["BlockPublicAccessStates"]!["InternetGatewayBlockMode"]));
    }

    // AWS prints "Tags": [] for these even when untagged, and omits tagSet for VPCs and subnets.
    [Theory]
    [InlineData("DescribeRouteTables", "RouteTables", "Tags")]
    [InlineData("DescribeNetworkAcls", "NetworkAcls", "Tags")]
    [InlineData("DescribeSubnets", "Subnets", null)]
    public void Tags_EmptyListOrOmitted_AsAwsPrintsThem(string operation, string list, string? member)
    {
        var vpc = _h.Vpc();
        _h.Subnet(vpc);
        var item = Single(operation, list);
        if (member is null)
            Assert.Null(item["Tags"]);
        else
            Assert.Empty(item[member]!.AsArray());
    }

    [Theory]
    [InlineData("10.0.1.0/24", 251)]
    [InlineData("10.0.1.0/28", 11)]
    [InlineData("10.0.0.0/20", 4091)]
    public void Subnet_AvailableIpAddressCount_IsSizeMinusFiveReserved(string cidr, int available)
    {
        _h.Subnet(_h.Vpc(), cidr);
        Assert.Equal(available, Single("DescribeSubnets", "Subnets")["AvailableIpAddressCount"]!.GetValue<int>());
    }

    [Fact]
    public void Subnet_AvailableIpAddressCount_CountsEveryPrivateAddressInUse()
    {
        var subnet = _h.Subnet(_h.Vpc());
        _h.Ok("CreateNetworkInterface", $$"""{"SubnetId":"{{subnet}}","SecondaryPrivateIpAddressCount":2}""");
        Assert.Equal(248, Single("DescribeSubnets", "Subnets")["AvailableIpAddressCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(false, new[] { 100, 32767, 100, 32767 })]
    [InlineData(true, new[] { 100, 101, 32767, 32768, 100, 101, 32767, 32768 })]
    public void NetworkAcl_DefaultEntries_EgressFirstWithImplicitDenies(bool ipv6, int[] ruleNumbers)
    {
        _h.Vpc(ipv6: ipv6);
        var entries = Single("DescribeNetworkAcls", "NetworkAcls")["Entries"]!.AsArray();
        Assert.Equal(ruleNumbers, entries.Select(e => e!["RuleNumber"]!.GetValue<int>()));
        var deny = entries.First(e => e!["RuleNumber"]!.GetValue<int>() == 32767)!;
        Assert.Equal("deny", Str(deny["RuleAction"]));
        Assert.Equal("0.0.0.0/0", Str(deny["CidrBlock"]));
        Assert.Equal("-1", Str(deny["Protocol"]));
        Assert.True(deny["Egress"]!.GetValue<bool>());
    }

    [Fact]
    public void SecurityGroup_PermissionsGroupedByProtocolAndPorts_InFirstAppearanceOrder()
    {
        var vpc = _h.Vpc();
        var sg = Str(_h.Ok("CreateSecurityGroup", $$"""{"GroupName":"g","Description":"g","VpcId":"{{vpc}}"}""")["GroupId"]);
        _h.Ok("AuthorizeSecurityGroupIngress", $$"""
            {"GroupId":"{{sg}}","IpPermissions":[
              {"IpProtocol":"tcp","FromPort":80,"ToPort":80,"IpRanges":[{"CidrIp":"10.0.0.0/8"}]},
              {"IpProtocol":"udp","FromPort":53,"ToPort":53,"IpRanges":[{"CidrIp":"10.0.0.0/8"}]},
              {"IpProtocol":"tcp","FromPort":80,"ToPort":80,"IpRanges":[{"CidrIp":"172.16.0.0/12"}],"PrefixListIds":[{"PrefixListId":"pl-63a5400a"}]},
              {"IpProtocol":"50","IpRanges":[{"CidrIp":"10.0.0.0/8"}]}]}
            """);
        var group = Single("DescribeSecurityGroups", "SecurityGroups", $$"""{"GroupIds":["{{sg}}"]}""");
        var permissions = group["IpPermissions"]!.AsArray();
        Assert.Equal(new[] { "tcp", "udp", "50" }, permissions.Select(p => Str(p!["IpProtocol"])));
        var http = permissions[0]!;
        Assert.Equal(new[] { "10.0.0.0/8", "172.16.0.0/12" }, http["IpRanges"]!.AsArray().Select(r => Str(r!["CidrIp"])));
        Assert.Equal("pl-63a5400a", Str(Assert.Single(http["PrefixListIds"]!.AsArray())!["PrefixListId"]));
        Assert.Null(permissions[2]!["FromPort"]); // protocol 50 has no ports
    }

    [Fact]
    public void RouteTable_InstanceTarget_ShowsOwnerAndPrimaryInterface_AndBlackholeWhenStopped()
    {
        var vpc = _h.Vpc();
        var subnet = _h.Subnet(vpc);
        var instance = _h.Ok("RunInstances", $$"""{"ImageId":"ami-0fc50b841d13a3d05","MinCount":1,"MaxCount":1,"SubnetId":"{{subnet}}"}""")["Instances"]![0]!;
        var instanceId = Str(instance["InstanceId"]);
        var table = Str(_h.Ok("CreateRouteTable", $$"""{"VpcId":"{{vpc}}"}""")["RouteTable"]!["RouteTableId"]);
        _h.Ok("CreateRoute", $$"""{"RouteTableId":"{{table}}","DestinationCidrBlock":"0.0.0.0/0","InstanceId":"{{instanceId}}"}""");
        JsonNode Route() => Single("DescribeRouteTables", "RouteTables", $$"""{"RouteTableIds":["{{table}}"]}""")["Routes"]!.AsArray()
            .Single(r => r!["DestinationCidrBlock"]?.GetValue<string>() == "0.0.0.0/0")!;
        var route = Route();
        Assert.Equal(instanceId, Str(route["InstanceId"]));
        Assert.Equal("111111111111", Str(route["InstanceOwnerId"]));
        Assert.Equal(Str(instance["NetworkInterfaces"]![0]!["NetworkInterfaceId"]), Str(route["NetworkInterfaceId"]));
        Assert.Equal("CreateRoute", Str(route["Origin"]));
        _h.Ok("StopInstances", $$"""{"InstanceIds":["{{instanceId}}"]}""");
        Assert.Equal("blackhole", Str(Route()["State"]));
    }

    [Fact]
    public void Instance_Terminated_DropsNetworkDetails_StateCode48()
    {
        var subnet = _h.Subnet(_h.Vpc());
        var id = Str(_h.Ok("RunInstances", $$"""{"ImageId":"ami-0fc50b841d13a3d05","MinCount":1,"MaxCount":1,"SubnetId":"{{subnet}}"}""")["Instances"]![0]!["InstanceId"]);
        _h.Ok("TerminateInstances", $$"""{"InstanceIds":["{{id}}"]}""");
        var instance = Single("DescribeInstances", "Reservations")["Instances"]![0]!;
        if (Str(instance["State"]!["Name"]) == "terminated")
        {
            Assert.Equal(48, instance["State"]!["Code"]!.GetValue<int>());
            Assert.Null(instance["SubnetId"]);
            Assert.Null(instance["PrivateIpAddress"]);
            Assert.Equal("Client.UserInitiatedShutdown", Str(instance["StateReason"]!["Code"]));
        }
        else
        {
            Assert.Equal(32, instance["State"]!["Code"]!.GetValue<int>());
        }
    }

    [Fact]
    public void NetworkInterface_PrivateDnsName_FollowsTheRegion()
    {
        _h.Context = VpcLab.ControlPlane.RequestContext.For("111111111111", "eu-west-1");
        var subnet = _h.Subnet(_h.Vpc(), zone: "eu-west-1a");
        var eni = _h.Ok("CreateNetworkInterface", $$"""{"SubnetId":"{{subnet}}","PrivateIpAddress":"10.0.1.20"}""")["NetworkInterface"]!;
        Assert.Equal("ip-10-0-1-20.eu-west-1.compute.internal", Str(eni["PrivateDnsName"]));
        Assert.Equal("euw1-az1", Str(eni["AvailabilityZoneId"]));
        Assert.Equal("available", Str(eni["Status"]));
        Assert.Empty(eni["TagSet"]!.AsArray());
    }

    [Fact]
    public void DescribePrefixLists_AwsManaged_HaveNoVersionOrMaxEntries()
    {
        var lists = _h.Ok("DescribeManagedPrefixLists")["PrefixLists"]!.AsArray();
        var s3 = lists.Single(p => Str(p!["PrefixListName"]) == "com.amazonaws.us-east-1.s3")!;
        Assert.Equal("AWS", Str(s3["OwnerId"]));
        Assert.Null(s3["Version"]);
        Assert.Null(s3["MaxEntries"]);
        Assert.Equal("create-complete", Str(s3["State"]));
        Assert.Equal("IPv4", Str(s3["AddressFamily"]));
    }

    [Fact]
    public void DescribeTags_Items_HaveResourceTypeKeyValue()
    {
        var vpc = _h.Vpc();
        _h.Run("CreateTags", $$"""{"Resources":["{{vpc}}"],"Tags":[{"Key":"Name","Value":"lab"}]}""");
        var tag = Single("DescribeTags", "Tags");
        Assert.Equal(vpc, Str(tag["ResourceId"]));
        Assert.Equal("vpc", Str(tag["ResourceType"]));
        Assert.Equal("Name", Str(tag["Key"]));
        Assert.Equal("lab", Str(tag["Value"]));
    }

    [Fact]
    public void DescribeAccountAttributes_NoDefaultVpc_DefaultVpcIsNone()
    {
        var attributes = _h.Ok("DescribeAccountAttributes", """{"AttributeNames":["default-vpc"]}""")["AccountAttributes"]!.AsArray();
        Assert.Equal("none", Str(Assert.Single(attributes)!["AttributeValues"]![0]!["AttributeValue"]));
        var e = Assert.Throws<VpcLab.ControlPlane.Errors.Ec2Exception>(() => _h.Run("DescribeAccountAttributes", """{"AttributeNames":["max-instances"]}"""));
        Assert.Equal("InvalidParameterValue", e.Code.Code);
    }
}
