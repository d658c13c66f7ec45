using VpcLab.ControlPlane.Errors;

using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests.InstanceTypes;

/// <summary>DescribeInstanceTypes, DescribeInstanceTypeOfferings and the per-type network limits
/// (docs/semantics.md#instance-types; AWS's table: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AvailableIpPerENI.html).</summary>
public sealed class InstanceTypeTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    // Rows of AWS's table "Maximum IP addresses per network interface": interfaces, IPv4 and IPv6 per interface.
    [Theory]
    [InlineData("t2.micro", 2, 2, 2)]
    [InlineData("t2.xlarge", 3, 15, 15)]
    [InlineData("t3.micro", 2, 2, 2)]
    [InlineData("t3.large", 3, 12, 12)]
    [InlineData("t4g.xlarge", 4, 15, 15)]
    [InlineData("m5.large", 3, 10, 10)]
    [InlineData("m6i.2xlarge", 4, 15, 15)]
    [InlineData("c5.4xlarge", 8, 30, 30)]
    [InlineData("r5.xlarge", 4, 15, 15)]
    public void DescribeInstanceTypes_Type_NetworkLimitsOfAwsTable(string name, int interfaces, int ipv4, int ipv6)
    {
        var type = Assert.Single(new TestLab().Cp.DescribeInstanceTypes(Ctx, new DescribeInstanceTypesRequest { InstanceTypes = [name] }).InstanceTypes);
        Assert.Equal((interfaces, ipv4, ipv6, true), (type.MaxNetworkInterfaces, type.Ipv4PerInterface, type.Ipv6PerInterface, type.Ipv6Supported));
    }

    [Theory]
    [InlineData("processor-info.supported-architecture", "arm64", 11)]
    [InlineData("instance-type", "t3*", 14)]
    [InlineData("burstable-performance-supported", "true", 26)]
    [InlineData("network-info.maximum-network-interfaces", "8", 6)]
    [InlineData("free-tier-eligible", "true", 2)]
    public void DescribeInstanceTypes_Filter_MatchingTypes(string name, string value, int expected) =>
        Assert.Equal(expected, new TestLab().Cp.DescribeInstanceTypes(Ctx, new DescribeInstanceTypesRequest { Filters = [new Filter { Name = name, Values = [value] }] }).InstanceTypes.Count);

    [Fact]
    public void DescribeInstanceTypes_UnknownType_InvalidInstanceType() =>
        Assert.Equal("InvalidInstanceType", Assert.Throws<Ec2Exception>(() =>
            new TestLab().Cp.DescribeInstanceTypes(Ctx, new DescribeInstanceTypesRequest { InstanceTypes = ["t3.micro", "x9.huge"] })).Code.Code);

    // LocationType region (default), availability-zone, availability-zone-id; the location filter.
    [Theory]
    [InlineData(null, "us-east-1", "region")]
    [InlineData("availability-zone", "us-east-1b", "availability-zone")]
    [InlineData("availability-zone-id", "use1-az2", "availability-zone-id")]
    public void DescribeInstanceTypeOfferings_LocationType_EveryTypeThere(string? locationType, string location, string expectedType)
    {
        var offerings = new TestLab().Cp.DescribeInstanceTypeOfferings(Ctx, new DescribeInstanceTypeOfferingsRequest
        {
            LocationType = locationType,
            Filters = [new Filter { Name = "location", Values = [location] }],
        }).InstanceTypeOfferings;
        Assert.Equal(InstanceTypeCatalog.All.Count, offerings.Count);
        Assert.All(offerings, o => Assert.Equal((expectedType, location), (o.LocationType, o.Location)));
    }

    [Fact]
    public void DescribeInstanceTypeOfferings_BadLocationType_InvalidParameterValue() =>
        Assert.Equal("InvalidParameterValue", Assert.Throws<Ec2Exception>(() =>
            new TestLab().Cp.DescribeInstanceTypeOfferings(Ctx, new DescribeInstanceTypeOfferingsRequest { LocationType = "planet" })).Code.Code);

    // One rule, one place: an interface holds at most its instance type's IPv4 addresses (t3.micro: 2), checked
    // at launch and on AssignPrivateIpAddresses; an interface of no instance keeps the 50 ceiling.
    [Fact]
    public void AddressesPerInterface_T3Micro_LaunchAndAssignBoundedByTheType()
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        RunInstancesRequest Launch(int secondary) => new()
        {
            InstanceType = "t3.micro", MinCount = 1, MaxCount = 1,
            NetworkInterfaces = [new InstanceNetworkInterfaceSpecification { DeviceIndex = 0, SubnetId = subnet.Id.Value, SecondaryPrivateIpAddressCount = secondary }],
        };
        Assert.Equal("PrivateIpAddressLimitExceeded", Assert.Throws<Ec2Exception>(() => lab.Cp.RunInstances(Ctx, Launch(2))).Code.Code);
        var instance = Assert.Single(lab.Cp.RunInstances(Ctx, Launch(1)).Instances);
        var assign = new AssignPrivateIpAddressesRequest { NetworkInterfaceId = instance.PrimaryNetworkInterface.Value, SecondaryPrivateIpAddressCount = 1 };
        Assert.Equal("PrivateIpAddressLimitExceeded", Assert.Throws<Ec2Exception>(() => lab.Cp.AssignPrivateIpAddresses(Ctx, assign)).Code.Code);

        var loose = lab.Cp.CreateNetworkInterface(Ctx, new CreateNetworkInterfaceRequest { SubnetId = subnet.Id.Value, SecondaryPrivateIpAddressCount = 20 }).NetworkInterface;
        Assert.Equal(21, loose.PrivateIpAddresses.Length);
        var attach = new AttachNetworkInterfaceRequest { NetworkInterfaceId = loose.Id.Value, InstanceId = instance.Id.Value, DeviceIndex = 1 };
        Assert.Equal("PrivateIpAddressLimitExceeded", Assert.Throws<Ec2Exception>(() => lab.Cp.AttachNetworkInterface(Ctx, attach)).Code.Code);
    }

    // MaximumNetworkInterfaces: t2.micro takes two interfaces; a third is AttachmentLimitExceeded.
    [Fact]
    public void AttachNetworkInterface_BeyondTypesInterfaces_AttachmentLimitExceeded()
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        var instance = Assert.Single(lab.Cp.RunInstances(Ctx, new RunInstancesRequest { InstanceType = "t2.micro", MinCount = 1, MaxCount = 1, SubnetId = subnet.Id.Value }).Instances);
        NetworkInterfaceId Eni() => lab.Cp.CreateNetworkInterface(Ctx, new CreateNetworkInterfaceRequest { SubnetId = subnet.Id.Value }).NetworkInterface.Id;
        lab.Cp.AttachNetworkInterface(Ctx, new AttachNetworkInterfaceRequest { NetworkInterfaceId = Eni().Value, InstanceId = instance.Id.Value, DeviceIndex = 1 });
        var error = Assert.Throws<Ec2Exception>(() => lab.Cp.AttachNetworkInterface(Ctx, new AttachNetworkInterfaceRequest { NetworkInterfaceId = Eni().Value, InstanceId = instance.Id.Value, DeviceIndex = 2 }));
        Assert.Equal("AttachmentLimitExceeded", error.Code.Code);
    }
}
