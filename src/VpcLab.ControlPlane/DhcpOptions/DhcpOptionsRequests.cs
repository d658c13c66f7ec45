using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>DhcpConfigurations.N.{Key, Values.M} of CreateDhcpOptions.</summary>
public sealed record NewDhcpConfiguration
{
    public string? Key { get; init; }
    public IReadOnlyList<string>? Values { get; init; }
}

public sealed record CreateDhcpOptionsRequest
{
    public IReadOnlyList<NewDhcpConfiguration>? DhcpConfigurations { get; init; }
    public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record CreateDhcpOptionsResult(DhcpOptionsSet DhcpOptions);

public sealed record DeleteDhcpOptionsRequest
{
    public string? DhcpOptionsId { get; init; }
    public bool? DryRun { get; init; }
}

/// <summary>DhcpOptionsId "default" associates the VPC with no options set.</summary>
public sealed record AssociateDhcpOptionsRequest
{
    public string? DhcpOptionsId { get; init; }
    public string? VpcId { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeDhcpOptionsRequest
{
    public IReadOnlyList<string>? DhcpOptionsIds { get; init; }
    public IReadOnlyList<Filter>? Filters { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeDhcpOptionsResult(IReadOnlyList<DhcpOptionsSet> DhcpOptions);
