using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Tests;

public sealed class InstanceTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    // Choice (docs/semantics.md#instance-state): instances are running at once.
    [Fact]
    public void RunInstances_Subnet_RunningWithPrimaryInterface()
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        var reservation = lab.Cp.RunInstances(Ctx, new RunInstancesRequest { SubnetId = subnet.Id.Value, MinCount = 2, MaxCount = 2, ImageId = "ami-0fc50b841d13a3d05" });
        Assert.Matches("^r-0[0-9a-f]{16}$", reservation.ReservationId);
        Assert.Equal(2, reservation.Instances.Count);
        Assert.All(reservation.Instances, i =>
        {
            Assert.Equal(InstanceState.Running, i.State);
            Assert.Matches("^i-0[0-9a-f]{16}$", i.Id.Value);
            Assert.Equal(reservation.ReservationId, i.ReservationId);
            var eni = lab.N.NetworkInterfaces[i.PrimaryNetworkInterface];
            Assert.Equal((i.Id, 0, true), (eni.Attachment!.InstanceId, eni.Attachment.DeviceIndex, eni.Attachment.DeleteOnTermination));
            Assert.Null(eni.PrivateIpAddresses[0].AutoAssignedPublicIp);
        });
        Assert.Equal(["10.0.1.4", "10.0.1.5"], reservation.Instances.Select(i => lab.N.NetworkInterfaces[i.PrimaryNetworkInterface].PrimaryPrivateIp.ToString()));
    }

    // AWS: a public IPv4 when the subnet maps public IPs on launch, or when the interface asks for one.
    [Theory]
    [InlineData(false, null, false)]
    [InlineData(true, null, true)]
    [InlineData(false, true, true)]
    [InlineData(true, false, false)]
    public void RunInstances_PublicIpRules_AutoAssignedOrNot(bool subnetMaps, bool? associate, bool expected)
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        lab.Cp.ModifySubnetAttribute(Ctx, new ModifySubnetAttributeRequest { SubnetId = subnet.Id.Value, MapPublicIpOnLaunch = subnetMaps });
        var instance = lab.Instance(subnet, associate);
        var eni = lab.N.NetworkInterfaces[instance.PrimaryNetworkInterface];
        Assert.Equal(expected, eni.PrivateIpAddresses[0].AutoAssignedPublicIp is not null);
    }

    // AWS: no subnet and no interfaces means the default VPC; without one, VPCIdNotSpecified.
    [Fact]
    public void RunInstances_NoSubnet_VpcIdNotSpecified()
    {
        var lab = new TestLab();
        lab.Vpc();
        lab.Fails(InstanceErrors.VpcIdNotSpecifiedCode, () => lab.Cp.RunInstances(Ctx, new RunInstancesRequest { MinCount = 1, MaxCount = 1 }));
    }

    public static TheoryData<string> BadLaunches => ["subnet+nics", "public on index 1", "public with two nics", "min>max", "ip with count 2"];

    [Theory]
    [MemberData(nameof(BadLaunches))]
    public void RunInstances_BadCombination_Refused(string kind)
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        var id = subnet.Id.Value;
        var request = kind switch
        {
            "subnet+nics" => new RunInstancesRequest { MinCount = 1, MaxCount = 1, SubnetId = id, NetworkInterfaces = [new() { DeviceIndex = 0, SubnetId = id }] },
            "public on index 1" => new RunInstancesRequest { MinCount = 1, MaxCount = 1, NetworkInterfaces = [new() { DeviceIndex = 0, SubnetId = id }, new() { DeviceIndex = 1, SubnetId = id, AssociatePublicIpAddress = true }] },
            "public with two nics" => new RunInstancesRequest { MinCount = 1, MaxCount = 1, NetworkInterfaces = [new() { DeviceIndex = 0, SubnetId = id, AssociatePublicIpAddress = true }, new() { DeviceIndex = 1, SubnetId = id }] },
            "min>max" => new RunInstancesRequest { MinCount = 3, MaxCount = 2, SubnetId = id },
            _ => new RunInstancesRequest { MinCount = 2, MaxCount = 2, SubnetId = id, PrivateIpAddress = "10.0.1.10" },
        };
        var before = lab.N;
        var error = Assert.Throws<Ec2Exception>(() => lab.Cp.RunInstances(Ctx, request));
        Assert.Contains(error.Code.Code, new[] { "InvalidParameterCombination", "InvalidParameterValue" });
        Assert.Same(before, lab.N);
    }

    // AWS: several interfaces at launch, each at its device index; an existing interface can be the primary.
    [Fact]
    public void RunInstances_TwoInterfacesOneExisting_BothAttached()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var subnet = lab.Subnet(vpc);
        var existing = lab.Eni(subnet, "10.0.1.100");
        var instance = lab.Cp.RunInstances(Ctx, new RunInstancesRequest
        {
            MinCount = 1,
            MaxCount = 1,
            NetworkInterfaces =
            [
                new() { DeviceIndex = 0, NetworkInterfaceId = existing.Id.Value },
                new() { DeviceIndex = 1, SubnetId = subnet.Id.Value, SecondaryPrivateIpAddressCount = 1 },
            ],
        }).Instances[0];
        Assert.Equal(existing.Id, instance.PrimaryNetworkInterface);
        Assert.False(lab.N.NetworkInterfaces[existing.Id].Attachment!.DeleteOnTermination);
        Assert.Equal(2, lab.N.NetworkInterfaces[instance.NetworkInterfaces[1]].PrivateIpAddresses.Length);
    }

    // AWS: terminating deletes DeleteOnTermination interfaces, detaches the others and releases public IPs.
    [Fact]
    public void TerminateInstances_Running_InterfacesHandledAndTerminated()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var subnet = lab.Subnet(vpc);
        var existing = lab.Eni(subnet);
        var instance = lab.Instance(subnet, publicIp: true);
        lab.Cp.AttachNetworkInterface(Ctx, new AttachNetworkInterfaceRequest { NetworkInterfaceId = existing.Id.Value, InstanceId = instance.Id.Value, DeviceIndex = 1 });
        var result = lab.Cp.TerminateInstances(Ctx, new TerminateInstancesRequest { InstanceIds = [instance.Id.Value] });
        var change = Assert.Single(result.TerminatingInstances);
        Assert.Equal((InstanceState.Terminated, InstanceState.Running), (change.CurrentState, change.PreviousState));
        Assert.Equal(InstanceState.Terminated, lab.N.Instances[instance.Id].State);
        Assert.False(lab.N.NetworkInterfaces.ContainsKey(instance.PrimaryNetworkInterface));
        Assert.Null(lab.N.NetworkInterfaces[existing.Id].Attachment);
        // Terminated instances stay visible; the subnet is free of them.
        Assert.Single(lab.Cp.DescribeInstances(Ctx, new DescribeInstancesRequest { Filters = [new Filter("instance-state-name", "terminated")] }).Reservations);
        lab.Cp.DeleteNetworkInterface(Ctx, new DeleteNetworkInterfaceRequest { NetworkInterfaceId = existing.Id.Value });
        lab.Cp.DeleteSubnet(Ctx, new DeleteSubnetRequest { SubnetId = subnet.Id.Value });
    }

    // AWS: a stopped instance loses its auto-assigned public IPv4 and gets a new one on start.
    [Fact]
    public void StopThenStart_AutoPublicIp_ReleasedThenReplaced()
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        var instance = lab.Instance(subnet, publicIp: true);
        IpAddress? PublicIp() => lab.N.NetworkInterfaces[instance.PrimaryNetworkInterface].PrivateIpAddresses[0].AutoAssignedPublicIp;
        var first = PublicIp();
        Assert.NotNull(first);
        lab.Cp.StopInstances(Ctx, new StopInstancesRequest { InstanceIds = [instance.Id.Value] });
        Assert.Equal(InstanceState.Stopped, lab.N.Instances[instance.Id].State);
        Assert.Null(PublicIp());
        lab.Cp.StartInstances(Ctx, new StartInstancesRequest { InstanceIds = [instance.Id.Value] });
        Assert.Equal(InstanceState.Running, lab.N.Instances[instance.Id].State);
        Assert.NotNull(PublicIp());
        Assert.NotEqual(first, PublicIp());
    }

    // An Elastic IP survives stop/start and no auto public IP is added on top of it.
    [Fact]
    public void StopThenStart_WithElasticIp_ElasticIpKept()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        lab.AttachedIgw(vpc);
        var instance = lab.Instance(lab.Subnet(vpc), publicIp: true);
        var eip = lab.Eip();
        lab.Cp.AssociateAddress(Ctx, new AssociateAddressRequest { AllocationId = eip.AllocationId.Value, InstanceId = instance.Id.Value });
        lab.Cp.StopInstances(Ctx, new StopInstancesRequest { InstanceIds = [instance.Id.Value] });
        lab.Cp.StartInstances(Ctx, new StartInstancesRequest { InstanceIds = [instance.Id.Value] });
        var eni = lab.N.NetworkInterfaces[instance.PrimaryNetworkInterface];
        Assert.Null(eni.PrivateIpAddresses[0].AutoAssignedPublicIp);
        Assert.Equal(eip.PublicIp, lab.N.PublicIpFor(eni, eni.PrivateIpAddresses[0]));
    }

    [Fact]
    public void StartInstances_Terminated_IncorrectInstanceState()
    {
        var lab = new TestLab();
        var instance = lab.Instance(lab.Subnet(lab.Vpc()));
        lab.Cp.TerminateInstances(Ctx, new TerminateInstancesRequest { InstanceIds = [instance.Id.Value] });
        lab.Fails(Ec2Errors.IncorrectInstanceStateCode, () => lab.Cp.StartInstances(Ctx, new StartInstancesRequest { InstanceIds = [instance.Id.Value] }));
    }

    [Theory]
    [InlineData("i-1", "InvalidInstanceID.Malformed")]
    [InlineData("i-0123456789abcdef0", "InvalidInstanceID.NotFound")]
    public void DescribeInstances_BadId_MalformedOrNotFound(string id, string code)
    {
        var lab = new TestLab();
        lab.FailsWith(code, () => lab.Cp.DescribeInstances(Ctx, new DescribeInstancesRequest { InstanceIds = [id] }));
    }

    // DescribeInstances groups instances by reservation and filters by the documented names.
    [Theory]
    [InlineData("private-ip-address", "10.0.1.5", 1)]
    [InlineData("instance-state-name", "running", 3)]
    [InlineData("instance-state-code", "16", 3)]
    [InlineData("subnet-id", "SUBNET", 3)]
    [InlineData("availability-zone", "us-east-1a", 3)]
    [InlineData("private-ip-address", "10.0.1.*", 3)]
    public void DescribeInstances_Filters_Match(string name, string value, int count)
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        lab.Cp.RunInstances(Ctx, new RunInstancesRequest { SubnetId = subnet.Id.Value, MinCount = 2, MaxCount = 2 });
        lab.Instance(subnet);
        var result = lab.Cp.DescribeInstances(Ctx, new DescribeInstancesRequest { Filters = [new Filter(name, value.Replace("SUBNET", subnet.Id.Value, StringComparison.Ordinal))] });
        Assert.Equal(count, result.Reservations.Sum(r => r.Instances.Count));
        Assert.Equal(2, lab.Cp.DescribeInstances(Ctx, new DescribeInstancesRequest()).Reservations.Count);
    }

    // TagSpecifications with instance and network-interface types tag both.
    [Fact]
    public void RunInstances_TagSpecifications_InstanceAndInterfaceTagged()
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        var instance = lab.Cp.RunInstances(Ctx, new RunInstancesRequest
        {
            SubnetId = subnet.Id.Value, MinCount = 1, MaxCount = 1,
            TagSpecifications = [new TagSpecification("instance", new Tag("Name", "web-1")), new TagSpecification("network-interface", new Tag("role", "web"))],
        }).Instances[0];
        Assert.Equal("web-1", lab.N.TagsOf(instance.Id.Value).Name);
        Assert.Equal("web", lab.N.TagsOf(instance.PrimaryNetworkInterface.Value).Items["role"]);
    }
}
