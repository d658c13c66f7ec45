namespace VpcLab.Model;

/// <summary>A launch template's instance metadata options, kept as given (the lab runs no metadata service).</summary>
public sealed record LaunchTemplateMetadataOptions
{
    public string? HttpTokens { get; init; }
    public int? HttpPutResponseHopLimit { get; init; }
    public string? HttpEndpoint { get; init; }
    public string? HttpProtocolIpv6 { get; init; }
    public string? InstanceMetadataTags { get; init; }
}
