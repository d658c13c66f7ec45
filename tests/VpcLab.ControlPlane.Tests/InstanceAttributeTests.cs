using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests;

/// <summary>ModifyInstanceAttribute and DescribeInstanceAttribute (docs/semantics.md#instance-attributes). Pages: EC2 API
/// reference https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyInstanceAttribute.html and
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstanceAttribute.html; NAT instances:
/// https://docs.aws.amazon.com/vpc/latest/userguide/work-with-nat-instances.html (disable source/destination checks).</summary>
public sealed class InstanceAttributeTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    // API_ModifyInstanceAttribute (SourceDestCheck): on the instance's (primary) interface; the NAT instance page
    // disables it with `aws ec2 modify-instance-attribute --no-source-dest-check`.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ModifyInstanceAttribute_SourceDestCheck_PrimaryInterfaceChanged(bool value)
    {
        var (lab, instance) = Launch();
        lab.Cp.ModifyInstanceAttribute(Ctx, new ModifyInstanceAttributeRequest { InstanceId = instance.Id.Value, SourceDestCheck = new AttributeBooleanValue(value) });
        Assert.Equal(value, lab.N.NetworkInterfaces[instance.PrimaryNetworkInterface].SourceDestCheck);
        Assert.Equal(value, Describe(lab, instance, "sourceDestCheck").SourceDestCheck);
    }

    // API_ModifyInstanceAttribute (GroupId.N): replaces the security groups of the instance (its primary interface).
    [Fact]
    public void ModifyInstanceAttribute_GroupSet_PrimaryInterfaceGroupsReplaced()
    {
        var (lab, instance) = Launch();
        var web = lab.Group(lab.N.Vpcs.Values.Single(), "web");
        var admin = lab.Group(lab.N.Vpcs.Values.Single(), "admin");
        lab.Cp.ModifyInstanceAttribute(Ctx, new ModifyInstanceAttributeRequest { InstanceId = instance.Id.Value, Groups = [web.Id.Value, admin.Id.Value] });
        Assert.Equal([web.Id, admin.Id], lab.N.NetworkInterfaces[instance.PrimaryNetworkInterface].Groups);
        Assert.Equal([web.Id, admin.Id], Describe(lab, instance, "groupSet").Groups);
    }

    // API_ModifyInstanceAttribute: "To modify some attributes, the instance must be stopped" (instance type).
    [Fact]
    public void ModifyInstanceAttribute_InstanceTypeWhileStopped_Changed()
    {
        var (lab, instance) = Launch();
        lab.Cp.StopInstances(Ctx, new StopInstancesRequest { InstanceIds = [instance.Id.Value] });
        lab.Cp.ModifyInstanceAttribute(Ctx, new ModifyInstanceAttributeRequest { InstanceId = instance.Id.Value, InstanceType = new AttributeValue { Value = "t3.large" } });
        Assert.Equal("t3.large", lab.N.Instances[instance.Id].InstanceType);
        Assert.Equal("t3.large", Describe(lab, instance, "instanceType").InstanceType);
    }

    // API_ModifyInstanceAttribute (DisableApiTermination, or Attribute=disableApiTermination with Value) and
    // API_TerminateInstances/API_StopInstances: a protected instance is not terminated or stopped.
    [Theory]
    [InlineData("member", "terminate")]
    [InlineData("attribute+value", "terminate")]
    [InlineData("stop-member", "stop")]
    public void ModifyInstanceAttribute_Protection_RefusesThenAllows(string form, string action)
    {
        var (lab, instance) = Launch();
        ModifyInstanceAttributeRequest Protect(bool on) => form switch
        {
            "member" => new() { InstanceId = instance.Id.Value, DisableApiTermination = new AttributeBooleanValue(on) },
            "attribute+value" => new() { InstanceId = instance.Id.Value, Attribute = "disableApiTermination", Value = on ? "true" : "false" },
            _ => new() { InstanceId = instance.Id.Value, DisableApiStop = new AttributeBooleanValue(on) },
        };
        object Act() => action == "terminate"
            ? lab.Cp.TerminateInstances(Ctx, new TerminateInstancesRequest { InstanceIds = [instance.Id.Value] })
            : lab.Cp.StopInstances(Ctx, new StopInstancesRequest { InstanceIds = [instance.Id.Value] });
        lab.Cp.ModifyInstanceAttribute(Ctx, Protect(true));
        Assert.Equal(true, action == "terminate" ? Describe(lab, instance, "disableApiTermination").DisableApiTermination : Describe(lab, instance, "disableApiStop").DisableApiStop);
        var error = lab.Fails(Ec2Errors.OperationNotPermittedCode, Act);
        Assert.Contains(action == "terminate" ? "disableApiTermination" : "disableApiStop", error.Message, StringComparison.Ordinal);
        lab.Cp.ModifyInstanceAttribute(Ctx, Protect(false));
        Act();
        Assert.Equal(action == "terminate" ? InstanceState.Terminated : InstanceState.Stopped, lab.N.Instances[instance.Id].State);
    }

    public static TheoryData<string, string> BadModifications => new()
    {
        { "no attribute (choice: MissingParameter)", "MissingParameter" },
        { "two attributes: AWS takes one at a time", "InvalidParameterCombination" },
        { "Attribute names one thing, a member another", "InvalidParameterCombination" },
        { "empty group set: at least one group", "MissingParameter" },
        { "SourceDestCheck without Value", "MissingParameter" },
        { "instance type while running: only a stopped instance", "IncorrectInstanceState" },
        { "Value with sourceDestCheck: Value is for kernel, ramdisk, userData, disableApiTermination, instanceInitiatedShutdownBehavior", "InvalidParameterCombination" },
        { "unknown attribute name", "InvalidParameterValue" },
        { "kernel: an attribute the lab does not model", "UnsupportedOperation" },
        { "ebsOptimized member: not modelled", "UnsupportedOperation" },
        { "sourceDestCheck with two interfaces attached: InvalidInstanceID", "InvalidInstanceID" },
        { "groupSet with two interfaces attached: InvalidInstanceID", "InvalidInstanceID" },
        { "a terminated instance", "IncorrectInstanceState" },
        { "an instance that does not exist", "InvalidInstanceID.NotFound" },
    };

    // API_ModifyInstanceAttribute: bad input is AWS's error and nothing changes.
    [Theory]
    [MemberData(nameof(BadModifications))]
    public void ModifyInstanceAttribute_BadRequest_RefusedAndNothingChanged(string rule, string code)
    {
        var (lab, instance) = Launch();
        var id = instance.Id.Value;
        if (rule.Contains("two interfaces", StringComparison.Ordinal))
        {
            var spare = lab.Eni(lab.N.Subnets.Values.Single());
            lab.Cp.AttachNetworkInterface(Ctx, new AttachNetworkInterfaceRequest { NetworkInterfaceId = spare.Id.Value, InstanceId = id, DeviceIndex = 1 });
        }
        if (rule.StartsWith("a terminated", StringComparison.Ordinal))
            lab.Cp.TerminateInstances(Ctx, new TerminateInstancesRequest { InstanceIds = [id] });
        var off = new AttributeBooleanValue(false);
        ModifyInstanceAttributeRequest request = rule switch
        {
            _ when rule.StartsWith("no attribute", StringComparison.Ordinal) => new() { InstanceId = id },
            _ when rule.StartsWith("two attributes", StringComparison.Ordinal) => new() { InstanceId = id, SourceDestCheck = off, DisableApiTermination = off },
            _ when rule.StartsWith("Attribute names", StringComparison.Ordinal) => new() { InstanceId = id, Attribute = "groupSet", SourceDestCheck = off },
            _ when rule.StartsWith("empty group", StringComparison.Ordinal) => new() { InstanceId = id, Groups = [] },
            _ when rule.StartsWith("SourceDestCheck without", StringComparison.Ordinal) => new() { InstanceId = id, SourceDestCheck = new AttributeBooleanValue() },
            _ when rule.StartsWith("instance type", StringComparison.Ordinal) => new() { InstanceId = id, InstanceType = new AttributeValue { Value = "t3.large" } },
            _ when rule.StartsWith("Value with", StringComparison.Ordinal) => new() { InstanceId = id, Attribute = "sourceDestCheck", Value = "false" },
            _ when rule.StartsWith("unknown", StringComparison.Ordinal) => new() { InstanceId = id, Attribute = "colour", Value = "blue" },
            _ when rule.StartsWith("kernel", StringComparison.Ordinal) => new() { InstanceId = id, Kernel = new AttributeValue { Value = "aki-12345678" } },
            _ when rule.StartsWith("ebsOptimized", StringComparison.Ordinal) => new() { InstanceId = id, EbsOptimized = new AttributeBooleanValue(true) },
            _ when rule.StartsWith("groupSet with", StringComparison.Ordinal) => new() { InstanceId = id, Groups = [lab.N.NetworkInterfaces[instance.PrimaryNetworkInterface].Groups[0].Value] },
            _ when rule.StartsWith("an instance that", StringComparison.Ordinal) => new() { InstanceId = "i-0123456789abcdef0", SourceDestCheck = off },
            _ => new() { InstanceId = id, SourceDestCheck = off },
        };
        lab.FailsWith(code, () => lab.Cp.ModifyInstanceAttribute(Ctx, request));
    }

    // API_DescribeInstanceAttribute: one attribute at a time; the lab answers what it knows.
    [Theory]
    [InlineData("instanceType", "m1.small")]
    [InlineData("sourceDestCheck", "True")]
    [InlineData("disableApiTermination", "False")]
    [InlineData("disableApiStop", "False")]
    [InlineData("ebsOptimized", "False")]
    [InlineData("enaSupport", "True")]
    [InlineData("rootDeviceName", "/dev/xvda")]
    [InlineData("instanceInitiatedShutdownBehavior", "stop")]
    [InlineData("productCodes", "[]")]
    [InlineData("blockDeviceMapping", "[]")]
    public void DescribeInstanceAttribute_KnownAttribute_Answered(string attribute, string expected)
    {
        var (lab, instance) = Launch();
        var r = Describe(lab, instance, attribute);
        Assert.Equal(instance.Id.Value, r.InstanceId);
        string? actual = r.InstanceType ?? r.RootDeviceName ?? r.InstanceInitiatedShutdownBehavior
            ?? (r.SourceDestCheck ?? r.DisableApiTermination ?? r.DisableApiStop ?? r.EbsOptimized ?? r.EnaSupport)?.ToString()
            ?? (r.ProductCodes || r.BlockDeviceMappings ? "[]" : null);
        Assert.Equal(expected, actual);
    }

    // API_DescribeInstanceAttribute: Attribute is required and one of InstanceAttributeName.
    [Theory]
    [InlineData(null, "MissingParameter")]
    [InlineData("colour", "InvalidParameterValue")]
    [InlineData("kernel", "UnsupportedOperation")]
    public void DescribeInstanceAttribute_BadAttribute_Refused(string? attribute, string code)
    {
        var (lab, instance) = Launch();
        lab.FailsWith(code, () => lab.Cp.DescribeInstanceAttribute(Ctx, new DescribeInstanceAttributeRequest { InstanceId = instance.Id.Value, Attribute = attribute }));
    }

    private static (TestLab Lab, Instance Instance) Launch()
    {
        var lab = new TestLab();
        var instance = lab.Instance(lab.Subnet(lab.Vpc()));
        return (lab, instance);
    }

    private static DescribeInstanceAttributeResult Describe(TestLab lab, Instance instance, string attribute) =>
        lab.Cp.DescribeInstanceAttribute(Ctx, new DescribeInstanceAttributeRequest { InstanceId = instance.Id.Value, Attribute = attribute });
}
