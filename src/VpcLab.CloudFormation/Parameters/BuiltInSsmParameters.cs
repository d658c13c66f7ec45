using System.Security.Cryptography;
using System.Text;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Parameters;

/// <summary>A stand-in for AWS's public SSM parameters until the control plane has its own store: every name under
/// <c>/aws/service/</c> that names an AMI (…/ami-…, …/al2023-ami…, …/amzn2-ami…, …/ubuntu…, …/windows…) resolves to an
/// AMI id derived from the name and Region (the lab accepts any AMI id), so the lessons' "latest AMI" parameters
/// deploy. Anything else is unknown (docs/cloudformation.md#ssm-parameters).</summary>
public sealed class BuiltInSsmParameters : ISsmParameterSource
{
    public static readonly BuiltInSsmParameters Instance = new();

    public string? Value(RequestContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(name);
        if (!name.StartsWith("/aws/service/", StringComparison.Ordinal) || !LooksLikeAmi(name))
            return null;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{context.Region}:{name}"));
        return "ami-" + Convert.ToHexStringLower(hash)[..17];
    }

    private static bool LooksLikeAmi(string name) =>
        name.Contains("/ami", StringComparison.Ordinal) || name.Contains("-ami", StringComparison.Ordinal)
        || name.Contains("/ubuntu", StringComparison.Ordinal) || name.Contains("/canonical", StringComparison.Ordinal)
        || name.Contains("/debian", StringComparison.Ordinal) || name.Contains("windows", StringComparison.OrdinalIgnoreCase);
}
