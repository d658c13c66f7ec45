using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>ModifyInstanceAttribute and DescribeInstanceAttribute (EC2 API reference;
/// docs/semantics.md#instance-attributes). sourceDestCheck and groupSet are the primary interface's; instanceType,
/// disableApiTermination and disableApiStop the instance's; the instance's fixed facts (root device, EBS optimisation,
/// ENA, shutdown behaviour) are declared here once, for DescribeInstances too.</summary>
public sealed class InstanceAttributeOperations
{
    /// <summary>The root device every lab instance has (DescribeInstances' RootDeviceName).</summary>
    public const string RootDeviceName = "/dev/xvda";

    public const bool EbsOptimized = false;
    public const bool EnaSupport = true;

    /// <summary>AWS's default instanceInitiatedShutdownBehavior.</summary>
    public const string InstanceInitiatedShutdownBehavior = "stop";

    /// <summary>AWS's InstanceAttributeName values the lab does not model: Describe and Modify refuse them with
    /// UnsupportedOperation (a name outside the whole list is InvalidParameterValue).</summary>
    private static readonly string[] s_notModelled = ["kernel", "ramdisk", "sriovNetSupport", "enclaveOptions"];

    /// <summary>Every InstanceAttributeName of the service model.</summary>
    private static readonly string[] s_names =
    [
        "instanceType", "kernel", "ramdisk", "userData", "disableApiTermination", "instanceInitiatedShutdownBehavior",
        "rootDeviceName", "blockDeviceMapping", "productCodes", "sourceDestCheck", "groupSet", "ebsOptimized",
        "sriovNetSupport", "enaSupport", "enclaveOptions", "disableApiStop",
    ];

    private readonly ControlPlaneState _state;

    internal InstanceAttributeOperations(ControlPlaneState state)
    {
        _state = state;
    }

    public EmptyResult ModifyInstanceAttribute(RequestContext ctx, ModifyInstanceAttributeRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var instance = tx.Require(ResourceKinds.Instance, request.InstanceId);
            var change = InstanceAttributeChange.Of(request);
            if (instance.State is InstanceState.Terminated or InstanceState.ShuttingDown)
                throw Ec2Errors.IncorrectInstanceState(instance.Id.Value, InstanceOperations.InstanceStateName(instance.State));
            switch (change.Name)
            {
                case "sourceDestCheck":
                    tx.Put(NetworkInterfaceOperations.WithSourceDestCheck(SoleInterface(tx, instance), change.Boolean!));
                    break;
                case "groupSet":
                    tx.Put(NetworkInterfaceOperations.WithGroups(tx, SoleInterface(tx, instance), request.Groups!, "GroupId"));
                    break;
                case "instanceType":
                    // AWS: the instance type can be changed only while the instance is stopped.
                    if (instance.State != InstanceState.Stopped)
                        throw InstanceErrors.NotStopped(instance.Id.Value);
                    var type = change.Text;
                    tx.Put(instance with { InstanceType = string.IsNullOrEmpty(type) ? throw Ec2Errors.MissingParameter("InstanceType.Value") : type });
                    break;
                case "disableApiTermination":
                    tx.Put(instance with { DisableApiTermination = RequiredBoolean(change, "DisableApiTermination.Value") });
                    break;
                case "disableApiStop":
                    tx.Put(instance with { DisableApiStop = RequiredBoolean(change, "DisableApiStop.Value") });
                    break;
                case "userData":
                    tx.Put(instance with { UserData = InstanceUserData.Modified(instance, request.UserData?.Value ?? change.Text) });
                    break;
                default:
                    throw InstanceErrors.AttributeNotModelled(change.Name);
            }
            return EmptyResult.Instance;
        });

    public DescribeInstanceAttributeResult DescribeInstanceAttribute(RequestContext ctx, DescribeInstanceAttributeRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var attribute = CheckName(request.Attribute);
            var instance = tx.Require(ResourceKinds.Instance, request.InstanceId);
            var result = new DescribeInstanceAttributeResult(instance.Id.Value);
            // Choice (docs/semantics.md#instance-attributes): the interface values are the primary interface's, as
            // DescribeInstances shows them, however many interfaces are attached.
            var primary = tx.N.NetworkInterfaces.GetValueOrDefault(instance.PrimaryNetworkInterface);
            return attribute switch
            {
                "instanceType" => result with { InstanceType = instance.InstanceType },
                "sourceDestCheck" => result with { SourceDestCheck = primary?.SourceDestCheck },
                "groupSet" => result with { Groups = primary is null ? [] : primary.Groups },
                "disableApiTermination" => result with { DisableApiTermination = instance.DisableApiTermination },
                "disableApiStop" => result with { DisableApiStop = instance.DisableApiStop },
                "ebsOptimized" => result with { EbsOptimized = EbsOptimized },
                "enaSupport" => result with { EnaSupport = EnaSupport },
                "rootDeviceName" => result with { RootDeviceName = VolumeDevices.RootDeviceName(instance) },
                "instanceInitiatedShutdownBehavior" => result with { InstanceInitiatedShutdownBehavior = InstanceInitiatedShutdownBehavior },
                "productCodes" => result with { ProductCodes = true },
                "blockDeviceMapping" => result with { BlockDeviceMappings = true },
                "userData" => result with { UserData = new AttributeValue { Value = instance.UserData } },
                _ => throw InstanceErrors.AttributeNotModelled(attribute),
            };
        });

    /// <summary>AWS: a name outside InstanceAttributeName is InvalidParameterValue; one the lab does not model is
    /// UnsupportedOperation.</summary>
    internal static string CheckName(string? attribute)
    {
        if (string.IsNullOrEmpty(attribute))
            throw Ec2Errors.MissingParameter("Attribute");
        if (!s_names.Contains(attribute, StringComparer.Ordinal))
            throw InstanceErrors.UnknownAttribute(attribute);
        if (s_notModelled.Contains(attribute, StringComparer.Ordinal))
            throw InstanceErrors.AttributeNotModelled(attribute);
        return attribute;
    }

    /// <summary>The primary interface, the one sourceDestCheck and groupSet change. AWS: with several interfaces
    /// attached the instance-level call is refused (InvalidInstanceID); use ModifyNetworkInterfaceAttribute.</summary>
    private static NetworkInterface SoleInterface(Transaction tx, Instance instance)
    {
        if (instance.NetworkInterfaces.Length > 1)
            throw InstanceErrors.MultipleInterfaces(instance.Id.Value);
        return tx.N.NetworkInterfaces[instance.PrimaryNetworkInterface];
    }

    private static bool RequiredBoolean(InstanceAttributeChange change, string parameter) =>
        change.Boolean?.Value ?? throw Ec2Errors.MissingParameter(parameter);
}
