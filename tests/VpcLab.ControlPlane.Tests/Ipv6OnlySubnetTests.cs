using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests;

/// <summary>IPv6-only subnets and hostname types (docs/semantics.md#ipv6-only-subnets): VPC User Guide, "Subnets for your
/// VPC" (https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html); CreateSubnet
/// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSubnet.html); EC2 User Guide, "Amazon EC2 instance
/// hostname types" (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-naming.html).</summary>
public sealed class Ipv6OnlySubnetTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    private sealed record World(TestLab Lab, Vpc Vpc, Subnet Native, Subnet Dual, Subnet V4Only);

    private static World Build()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc(ipv6: true);
        // Private DNS of an interface endpoint needs DNS hostnames on.
        lab.Cp.ModifyVpcAttribute(Ctx, new ModifyVpcAttributeRequest { VpcId = vpc.Id.Value, EnableDnsHostnames = true });
        var native = lab.Cp.CreateSubnet(Ctx, new CreateSubnetRequest
        {
            VpcId = vpc.Id.Value, Ipv6Native = true, Ipv6CidrBlock = TestLab.Ipv6Subnet(vpc, 1), AvailabilityZone = "us-east-1a",
        }).Subnet;
        var dual = lab.Subnet(vpc, "10.0.2.0/24", "us-east-1a", TestLab.Ipv6Subnet(vpc, 2));
        var v4 = lab.Subnet(vpc, "10.0.3.0/24", "us-east-1b");
        return new World(lab, vpc, native, dual, v4);
    }

    // CreateSubnet: "For an IPv6 only subnet, specify an IPv6 CIDR block"; no IPv4 range; AWS assigns IPv6 on creation and
    // names instances by resource name ("resource name is used automatically").
    [Fact]
    public void CreateSubnet_Ipv6Native_NoIpv4RangeResourceNamesIpv6Assigned()
    {
        var w = Build();
        Assert.True(w.Native.Ipv6Native);
        Assert.Null(w.Native.CidrBlock);
        Assert.True(w.Native.AssignIpv6AddressOnCreation);
        Assert.False(w.Native.EnableDns64);
        Assert.Equal(PrivateDnsNameOptions.Ipv6Only, w.Native.PrivateDnsNameOptionsOnLaunch);
        Assert.Equal(0, Ec2ControlPlane.AvailableIpAddressCount(w.Lab.Cp.World, w.Native));
        Assert.Equal(PrivateDnsNameOptions.Default, w.Dual.PrivateDnsNameOptionsOnLaunch);
        Assert.False(w.Dual.Ipv6Native);
    }

    public static TheoryData<string, bool, string?, string?, string> CreateRefusals => new()
    {
        // "CidrBlock: This parameter is not supported for an IPv6 only subnet."
        { "IPv6-only with an IPv4 CIDR", true, "10.0.9.0/24", "v6", "InvalidParameterCombination" },
        // "For an IPv6 only subnet, specify an IPv6 CIDR block": asked for first, with or without an IPv4 CIDR.
        { "IPv6-only without an IPv6 CIDR", true, null, null, "MissingParameter" },
        { "IPv6-only with only an IPv4 CIDR", true, "10.0.9.0/24", null, "MissingParameter" },
        // "The allowed block size for an IPv6 subnet is a /64 netmask."
        { "IPv6-only with a /60", true, null, "/60", "InvalidSubnet.Range" },
    };

    [Theory]
    [MemberData(nameof(CreateRefusals))]
    public void CreateSubnet_Ipv6NativeMisused_RefusedNothingChanged(string @case, bool native, string? cidr, string? v6, string code)
    {
        Assert.NotNull(@case);
        var lab = new TestLab();
        var vpc = lab.Vpc(ipv6: true);
        string? block = v6 switch
        {
            "v6" => TestLab.Ipv6Subnet(vpc, 3),
            "/60" => vpc.Ipv6CidrBlocks[0].Cidr.Subnet(60, 1).ToString(),
            _ => null,
        };
        lab.FailsWith(code, () => lab.Cp.CreateSubnet(Ctx, new CreateSubnetRequest
        {
            VpcId = vpc.Id.Value, Ipv6Native = native, CidrBlock = cidr, Ipv6CidrBlock = block,
        }));
    }

    // An interface in an IPv6-only subnet has no private IPv4 and one IPv6 address; an IPv4 asked for is refused.
    [Fact]
    public void CreateNetworkInterface_Ipv6OnlySubnet_Ipv6AddressNoIpv4()
    {
        var w = Build();
        var eni = w.Lab.Eni(w.Native);
        Assert.Empty(eni.PrivateIpAddresses);
        Assert.Null(eni.PrimaryPrivateIpv4);
        var v6 = Assert.Single(eni.Ipv6Addresses);
        Assert.True(w.Native.Ipv6Cidr!.Value.Contains(v6));
        Assert.Equal(v6, eni.PrimaryPrivateIp);
        w.Lab.FailsWith("InvalidParameterValue", () => w.Lab.Eni(w.Native, "10.0.1.10"));
        w.Lab.FailsWith("InvalidParameterValue", () => w.Lab.Cp.CreateNetworkInterface(Ctx, new CreateNetworkInterfaceRequest
        {
            SubnetId = w.Native.Id.Value, Ipv6AddressCount = 0,
        }));
    }

    public static TheoryData<string, string?, bool?, string?> LaunchCases => new()
    {
        // "launch EC2 instances built on the Nitro System in these subnets": t3 is Nitro.
        { "Nitro type", "t3.micro", null, null },
        // t2 runs on Xen; the default m1.small is not in the catalogue, so not known to be Nitro.
        { "Xen type", "t2.micro", null, "InvalidParameterCombination" },
        { "default type", null, null, "InvalidParameterCombination" },
        // No public IPv4 where there is no IPv4.
        { "public IPv4 asked", "t3.micro", true, "InvalidParameterCombination" },
    };

    [Theory]
    [MemberData(nameof(LaunchCases))]
    public void RunInstances_Ipv6OnlySubnet_NitroOnlyNoIpv4(string @case, string? type, bool? publicIp, string? refusal)
    {
        Assert.NotNull(@case);
        var w = Build();
        RunInstancesRequest request = new()
        {
            MinCount = 1, MaxCount = 1, InstanceType = type,
            NetworkInterfaces = [new InstanceNetworkInterfaceSpecification { DeviceIndex = 0, SubnetId = w.Native.Id.Value, AssociatePublicIpAddress = publicIp }],
        };
        if (refusal is not null)
        {
            w.Lab.FailsWith(refusal, () => w.Lab.Cp.RunInstances(Ctx, request));
            return;
        }
        var instance = w.Lab.Cp.RunInstances(Ctx, request).Instances[0];
        var eni = w.Lab.N.NetworkInterfaces[instance.PrimaryNetworkInterface];
        Assert.Empty(eni.PrivateIpAddresses);
        Assert.Single(eni.Ipv6Addresses);
        Assert.Equal(HostnameType.ResourceName, instance.PrivateDnsNameOptions.HostnameType);
    }

    public static TheoryData<string, string, string?, bool?, bool?, string?> LaunchOptions => new()
    {
        // RunInstances PrivateDnsNameOptions override the subnet's member by member.
        { "dual-stack, resource name with A and AAAA", "dual", "resource-name", true, true, null },
        { "dual-stack, subnet's ip-name", "dual", null, null, null, null },
        // "For IPv4 only subnets, an instance DNS name must be based on the instance IPv4 address" (the API reference);
        // the User Guide lets them choose resource names too: the lab refuses only ip-name without IPv4.
        { "IPv4-only, resource name", "v4", "resource-name", true, null, null },
        // "For IPv6 only subnets, an instance DNS name must be based on the instance ID."
        { "IPv6-only, ip-name", "native", "ip-name", null, null, "InvalidParameterCombination" },
        { "IPv6-only, AAAA records", "native", null, null, true, null },
        { "unknown hostname type", "dual", "name", null, null, "InvalidParameterValue" },
    };

    [Theory]
    [MemberData(nameof(LaunchOptions))]
    public void RunInstances_PrivateDnsNameOptions_AppliedOrRefused(string @case, string subnet, string? type, bool? a, bool? aaaa, string? refusal)
    {
        Assert.NotNull(@case);
        var w = Build();
        var target = subnet switch { "dual" => w.Dual, "v4" => w.V4Only, _ => w.Native };
        RunInstancesRequest request = new()
        {
            MinCount = 1, MaxCount = 1, InstanceType = "t3.micro", SubnetId = target.Id.Value,
            PrivateDnsNameOptions = new PrivateDnsNameOptionsRequest { HostnameType = type, EnableResourceNameDnsARecord = a, EnableResourceNameDnsAAAARecord = aaaa },
        };
        if (refusal is not null)
        {
            w.Lab.FailsWith(refusal, () => w.Lab.Cp.RunInstances(Ctx, request));
            return;
        }
        var options = w.Lab.Cp.RunInstances(Ctx, request).Instances[0].PrivateDnsNameOptions;
        var onLaunch = target.PrivateDnsNameOptionsOnLaunch;
        Assert.Equal(type is null ? onLaunch.HostnameType : type == "resource-name" ? HostnameType.ResourceName : HostnameType.IpName, options.HostnameType);
        Assert.Equal(a ?? onLaunch.EnableResourceNameDnsARecord, options.EnableResourceNameDnsARecord);
        Assert.Equal(aaaa ?? onLaunch.EnableResourceNameDnsAAAARecord, options.EnableResourceNameDnsAAAARecord);
    }

    public static TheoryData<string, string, ModifySubnetAttributeRequest, string?> SubnetAttributes => new()
    {
        // ModifySubnetAttribute's launch options, one attribute per call ("You can only modify one attribute at a time").
        { "AAAA records on launch", "native", new() { EnableResourceNameDnsAAAARecordOnLaunch = new(true) }, null },
        { "resource names in a dual-stack subnet", "dual", new() { PrivateDnsHostnameTypeOnLaunch = "resource-name" }, null },
        { "ip names in an IPv6-only subnet", "native", new() { PrivateDnsHostnameTypeOnLaunch = "ip-name" }, "InvalidParameterCombination" },
        { "two attributes at once", "dual", new() { EnableResourceNameDnsARecordOnLaunch = new(true), EnableResourceNameDnsAAAARecordOnLaunch = new(true) }, "InvalidParameterCombination" },
        // An IPv6-only subnet has no IPv4 to map and keeps assigning IPv6 (choice).
        { "public IPv4 on launch", "native", new() { MapPublicIpOnLaunch = new(true) }, "InvalidParameterValue" },
        { "IPv6 assignment off", "native", new() { AssignIpv6AddressOnCreation = new(false) }, "InvalidParameterValue" },
    };

    [Theory]
    [MemberData(nameof(SubnetAttributes))]
    public void ModifySubnetAttribute_HostnameAndIpv6OnlyRules_AppliedOrRefused(string @case, string subnet, ModifySubnetAttributeRequest request, string? refusal)
    {
        Assert.NotNull(@case);
        var w = Build();
        var target = subnet == "dual" ? w.Dual : w.Native;
        request = request with { SubnetId = target.Id.Value };
        if (refusal is not null)
        {
            w.Lab.FailsWith(refusal, () => w.Lab.Cp.ModifySubnetAttribute(Ctx, request));
            return;
        }
        w.Lab.Cp.ModifySubnetAttribute(Ctx, request);
        var after = w.Lab.N.Subnets[target.Id].PrivateDnsNameOptionsOnLaunch;
        Assert.NotEqual(target.PrivateDnsNameOptionsOnLaunch, after);
    }

    // ModifyPrivateDnsNameOptions: the record options change at once; the hostname type only on a stopped instance
    // (choice), and never to ip-name in an IPv6-only subnet.
    [Fact]
    public void ModifyPrivateDnsNameOptions_RecordsAtOnceTypeWhenStopped()
    {
        var w = Build();
        var instance = w.Lab.Cp.RunInstances(Ctx, new RunInstancesRequest { MinCount = 1, MaxCount = 1, InstanceType = "t3.micro", SubnetId = w.Dual.Id.Value }).Instances[0];
        var id = instance.Id.Value;
        Assert.True(w.Lab.Cp.ModifyPrivateDnsNameOptions(Ctx, new ModifyPrivateDnsNameOptionsRequest { InstanceId = id, EnableResourceNameDnsAAAARecord = true }).Return);
        Assert.True(w.Lab.N.Instances[instance.Id].PrivateDnsNameOptions.EnableResourceNameDnsAAAARecord);
        w.Lab.FailsWith("IncorrectInstanceState", () => w.Lab.Cp.ModifyPrivateDnsNameOptions(Ctx, new ModifyPrivateDnsNameOptionsRequest { InstanceId = id, PrivateDnsHostnameType = "resource-name" }));
        w.Lab.Cp.StopInstances(Ctx, new StopInstancesRequest { InstanceIds = [id] });
        w.Lab.Cp.ModifyPrivateDnsNameOptions(Ctx, new ModifyPrivateDnsNameOptionsRequest { InstanceId = id, PrivateDnsHostnameType = "resource-name" });
        Assert.Equal(HostnameType.ResourceName, w.Lab.N.Instances[instance.Id].PrivateDnsNameOptions.HostnameType);
        w.Lab.FailsWith("InvalidInstanceID.NotFound", () => w.Lab.Cp.ModifyPrivateDnsNameOptions(Ctx, new ModifyPrivateDnsNameOptionsRequest { InstanceId = "i-0123456789abcdef0" }));

        var native = w.Lab.Cp.RunInstances(Ctx, new RunInstancesRequest { MinCount = 1, MaxCount = 1, InstanceType = "t3.micro", SubnetId = w.Native.Id.Value }).Instances[0];
        w.Lab.Cp.StopInstances(Ctx, new StopInstancesRequest { InstanceIds = [native.Id.Value] });
        w.Lab.FailsWith("InvalidParameterCombination", () => w.Lab.Cp.ModifyPrivateDnsNameOptions(Ctx, new ModifyPrivateDnsNameOptionsRequest { InstanceId = native.Id.Value, PrivateDnsHostnameType = "ip-name" }));
    }

    public static TheoryData<string, string, string?> EndpointCases => new()
    {
        // "IPV6: supported only if all selected subnets are IPv6 only subnets"
        { "ipv6 endpoint, IPv6-only subnet", "ipv6", null },
        // "IPV4: supported only if all selected subnets have IPv4 address ranges"
        { "ipv4 endpoint, IPv6-only subnet", "ipv4", "InvalidParameter" },
        // "DUALSTACK: supported only if all selected subnets have both IPv4 and IPv6 address ranges"
        { "dualstack endpoint, IPv6-only subnet", "dualstack", "InvalidParameter" },
    };

    [Theory]
    [MemberData(nameof(EndpointCases))]
    public void CreateVpcEndpoint_Ipv6OnlySubnet_OnlyIpv6Endpoints(string @case, string ipType, string? refusal)
    {
        Assert.NotNull(@case);
        var w = Build();
        CreateVpcEndpointRequest request = new()
        {
            VpcId = w.Vpc.Id.Value, ServiceName = "com.amazonaws.us-east-1.sqs", VpcEndpointType = "Interface",
            SubnetIds = [w.Native.Id.Value], IpAddressType = ipType,
        };
        if (refusal is not null)
        {
            w.Lab.FailsWith(refusal, () => w.Lab.Cp.CreateVpcEndpoint(Ctx, request));
            return;
        }
        var endpoint = w.Lab.Cp.CreateVpcEndpoint(Ctx, request).VpcEndpoint;
        Assert.Equal(VpcEndpointDnsRecordIpType.Ipv6, endpoint.DnsRecordIpType);
        var eni = w.Lab.N.NetworkInterfaces[Assert.Single(endpoint.NetworkInterfaceIds)];
        Assert.Empty(eni.PrivateIpAddresses);
        Assert.Single(eni.Ipv6Addresses);
    }
}
