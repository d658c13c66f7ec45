using System.Globalization;
using VpcLab.ControlPlane.Errors;

namespace VpcLab.ControlPlane;

/// <summary>The one attribute a ModifyInstanceAttribute request changes, found among its members (EC2 API reference:
/// "You can specify only one attribute at a time"): <see cref="Name"/> is the InstanceAttributeName, with the new
/// value as a boolean or a text.</summary>
internal sealed record InstanceAttributeChange(string Name, AttributeBooleanValue? Boolean, string? Text)
{
    /// <summary>AWS: Value goes only with these attributes (the others have their own member).</summary>
    private static readonly string[] s_valueAttributes = ["kernel", "ramdisk", "userData", "disableApiTermination", "instanceInitiatedShutdownBehavior"];

    public static InstanceAttributeChange Of(ModifyInstanceAttributeRequest request)
    {
        var given = Members(request).Where(m => m.Present).ToList();
        if (request.Value is { } value)
            given.Add(FromValue(request.Attribute, value));
        else if (request.Attribute is not null && given.Count == 0)
            throw Ec2Errors.MissingParameter("Value");
        if (given.Count == 0)
            throw InstanceErrors.NoAttributeToModify();
        if (request.Attribute is { } attribute && given.Any(g => g.Change.Name != InstanceAttributeOperations.CheckName(attribute)))
            given.Add((true, new InstanceAttributeChange(attribute, null, null)));
        if (given.Count > 1)
            throw InstanceErrors.MultipleAttributes(given.Select(g => g.Change.Name));
        return given[0].Change;
    }

    private static (bool Present, InstanceAttributeChange Change) FromValue(string? attribute, string value)
    {
        var name = InstanceAttributeOperations.CheckName(attribute ?? throw Ec2Errors.MissingParameter("Attribute"));
        if (!s_valueAttributes.Contains(name, StringComparer.Ordinal))
            throw InstanceErrors.ValueNotForAttribute(name);
        AttributeBooleanValue? boolean = null;
        if (name == "disableApiTermination")
        {
            boolean = bool.TryParse(value, out var parsed) ? parsed
                : throw Ec2Errors.InvalidParameterValue(string.Create(CultureInfo.InvariantCulture, $"Value ({value}) for parameter value is invalid. Expected: 'true' or 'false'."));
        }
        return (true, new InstanceAttributeChange(name, boolean, value));
    }

    /// <summary>Each attribute member of the request, by its InstanceAttributeName.</summary>
    private static IEnumerable<(bool Present, InstanceAttributeChange Change)> Members(ModifyInstanceAttributeRequest r)
    {
        yield return (r.SourceDestCheck is not null, new("sourceDestCheck", r.SourceDestCheck, null));
        yield return (r.Groups is not null, new("groupSet", null, null));
        yield return (r.InstanceType is not null, new("instanceType", null, r.InstanceType?.Value));
        yield return (r.DisableApiTermination is not null, new("disableApiTermination", r.DisableApiTermination, null));
        yield return (r.DisableApiStop is not null, new("disableApiStop", r.DisableApiStop, null));
        yield return (r.Kernel is not null, new("kernel", null, null));
        yield return (r.Ramdisk is not null, new("ramdisk", null, null));
        yield return (r.UserData is not null, new("userData", null, null));
        yield return (r.InstanceInitiatedShutdownBehavior is not null, new("instanceInitiatedShutdownBehavior", null, null));
        yield return (r.SriovNetSupport is not null, new("sriovNetSupport", null, null));
        yield return (r.EbsOptimized is not null, new("ebsOptimized", null, null));
        yield return (r.EnaSupport is not null, new("enaSupport", null, null));
        yield return (r.BlockDeviceMappings is not null, new("blockDeviceMapping", null, null));
    }
}
