namespace VpcLab.ControlPlane;

/// <summary>RunInstances' PrivateDnsNameOptions (AWS's PrivateDnsNameOptionsRequest): members left out keep the
/// subnet's PrivateDnsNameOptionsOnLaunch.</summary>
public sealed record PrivateDnsNameOptionsRequest
{
    public string? HostnameType { get; init; }
    public bool? EnableResourceNameDnsARecord { get; init; }
    public bool? EnableResourceNameDnsAAAARecord { get; init; }
}

public sealed record ModifyPrivateDnsNameOptionsRequest
{
    public string? InstanceId { get; init; }
    public string? PrivateDnsHostnameType { get; init; }
    public bool? EnableResourceNameDnsARecord { get; init; }
    public bool? EnableResourceNameDnsAAAARecord { get; init; }
    public bool? DryRun { get; init; }
}
