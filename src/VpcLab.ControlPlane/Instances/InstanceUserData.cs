using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>An instance's user data (docs/semantics.md#instance-user-data): base64 text, at most 16 KB once decoded,
/// set at launch and changed only while the instance is stopped.</summary>
internal static class InstanceUserData
{
    /// <summary>AWS: "User data is limited to 16 KB, in raw form, before it is base64-encoded."</summary>
    public const int MaxDecodedBytes = 16 * 1024;

    /// <summary>The user data to keep: null for none (an empty value is none too), else the base64 text as given.</summary>
    public static string? Check(string? base64)
    {
        if (string.IsNullOrEmpty(base64))
            return null;
        byte[] raw;
        try
        {
            raw = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw Ec2Errors.InvalidParameterValue("Invalid BASE64 encoding of user data.");
        }
        if (raw.Length > MaxDecodedBytes)
            throw Ec2Errors.InvalidParameterValue($"User data is limited to {MaxDecodedBytes} bytes.");
        return base64;
    }

    /// <summary>ModifyInstanceAttribute userData: AWS changes it only while the instance is stopped.</summary>
    public static string? Modified(Instance instance, string? base64)
    {
        if (instance.State != InstanceState.Stopped)
            throw InstanceErrors.NotStopped(instance.Id.Value);
        return Check(base64);
    }
}
