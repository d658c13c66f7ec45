using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Resources;

/// <summary>Where a handler works: the control plane, the caller's account and Region, and which stack and logical
/// resource it serves (for generated names).</summary>
internal sealed record ResourceContext(Ec2ControlPlane ControlPlane, RequestContext Request, string StackName, string LogicalId,
    StoredResources Stored)
{
    /// <summary>A name for a resource whose template gives none, as CloudFormation makes them: stack name, logical id
    /// and a suffix (here deterministic: from the control plane's id counter).</summary>
    public string GeneratedName(int maxLength = 128)
    {
        var suffix = ControlPlane.IdCounter.ToString("X12", System.Globalization.CultureInfo.InvariantCulture)[^12..];
        var name = $"{StackName}-{LogicalId}-{suffix}";
        return name.Length <= maxLength ? name : $"{name[..(maxLength - 13)]}-{suffix}";
    }
}
