using VpcLab.ControlPlane.Errors;

namespace VpcLab.ControlPlane.Tests.InstanceTypes;

/// <summary>DescribeInstanceStatus and DescribeInstanceCreditSpecifications (docs/semantics.md#instance-status).</summary>
public sealed class InstanceStatusTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    private static (TestLab Lab, string Running, string Stopped) Lab()
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        string Launch(string type) => Assert.Single(lab.Cp.RunInstances(Ctx, new RunInstancesRequest
        {
            InstanceType = type, MinCount = 1, MaxCount = 1, SubnetId = subnet.Id.Value,
        }).Instances).Id.Value;
        var running = Launch("t3.micro");
        var stopped = Launch("t2.micro");
        lab.Cp.StopInstances(Ctx, new StopInstancesRequest { InstanceIds = [stopped] });
        return (lab, running, stopped);
    }

    // AWS: "By default, only running instances are described, unless you specifically indicate to return the status
    // of all instances" (IncludeAllInstances).
    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 2)]
    public void DescribeInstanceStatus_IncludeAllInstances_RunningOnlyByDefault(bool all, int expected)
    {
        var (lab, running, _) = Lab();
        var statuses = lab.Cp.DescribeInstanceStatus(Ctx, new DescribeInstanceStatusRequest { IncludeAllInstances = all }).InstanceStatuses;
        Assert.Equal(expected, statuses.Count);
        var ok = Assert.Single(statuses, s => s.Instance.Id.Value == running);
        Assert.Equal(("ok", "passed", "us-east-1a"), (ok.Status, ok.Reachability, ok.AvailabilityZone));
    }

    [Theory]
    [InlineData("instance-state-name", "stopped", 1)]
    [InlineData("instance-status.status", "not-applicable", 1)]
    [InlineData("system-status.reachability", "passed", 1)]
    [InlineData("availability-zone", "us-east-1b", 0)]
    public void DescribeInstanceStatus_Filter_MatchingInstances(string name, string value, int expected)
    {
        var (lab, _, _) = Lab();
        Assert.Equal(expected, lab.Cp.DescribeInstanceStatus(Ctx, new DescribeInstanceStatusRequest
        {
            IncludeAllInstances = true,
            Filters = [new Filter { Name = name, Values = [value] }],
        }).InstanceStatuses.Count);
    }

    [Fact]
    public void DescribeInstanceStatus_UnknownId_InvalidInstanceIdNotFound() =>
        Assert.Equal("InvalidInstanceID.NotFound", Assert.Throws<Ec2Exception>(() =>
            new TestLab().Cp.DescribeInstanceStatus(Ctx, new DescribeInstanceStatusRequest { InstanceIds = ["i-0123456789abcdef0"] })).Code.Code);

    // AWS's defaults: T2 standard, T3 (and T3a, T4g) unlimited; non-burstable instances are not listed.
    [Fact]
    public void DescribeInstanceCreditSpecifications_Defaults_T2StandardT3Unlimited()
    {
        var (lab, running, stopped) = Lab();
        var subnet = lab.N.Instances.Values.First().SubnetId;
        var m5 = Assert.Single(lab.Cp.RunInstances(Ctx, new RunInstancesRequest { InstanceType = "m5.large", MinCount = 1, MaxCount = 1, SubnetId = subnet.Value }).Instances).Id.Value;
        var specs = lab.Cp.DescribeInstanceCreditSpecifications(Ctx, new DescribeInstanceCreditSpecificationsRequest()).InstanceCreditSpecifications;
        Assert.Equal(new[] { new InstanceCreditSpecification(running, "unlimited"), new InstanceCreditSpecification(stopped, "standard") }.OrderBy(s => s.InstanceId, StringComparer.Ordinal), specs);
        Assert.Equal("UnsupportedOperation", Assert.Throws<Ec2Exception>(() =>
            lab.Cp.DescribeInstanceCreditSpecifications(Ctx, new DescribeInstanceCreditSpecificationsRequest { InstanceIds = [m5] })).Code.Code);
    }
}
