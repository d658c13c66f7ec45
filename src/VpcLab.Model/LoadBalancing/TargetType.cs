namespace VpcLab.Model;

/// <summary>How a target group names its targets: by instance id (traffic goes to the instance's primary private
/// IPv4) or by IP address.</summary>
public enum TargetType
{
    Instance,
    Ip,
}
