using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>CreateVpcPeeringConnection: botocore's input members. PeerOwnerId defaults to the caller,
/// PeerRegion to the caller's Region.</summary>
public sealed record CreateVpcPeeringConnectionRequest
{
    public string? VpcId { get; init; }
    public string? PeerVpcId { get; init; }
    public string? PeerOwnerId { get; init; }
    public string? PeerRegion { get; init; }
    public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record CreateVpcPeeringConnectionResult(VpcPeeringConnection VpcPeeringConnection);

public sealed record AcceptVpcPeeringConnectionRequest
{
    public string? VpcPeeringConnectionId { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record AcceptVpcPeeringConnectionResult(VpcPeeringConnection VpcPeeringConnection);

public sealed record RejectVpcPeeringConnectionRequest
{
    public string? VpcPeeringConnectionId { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DeleteVpcPeeringConnectionRequest
{
    public string? VpcPeeringConnectionId { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeVpcPeeringConnectionsRequest
{
    public IReadOnlyList<Filter>? Filters { get; init; }
    public IReadOnlyList<string>? VpcPeeringConnectionIds { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeVpcPeeringConnectionsResult(IReadOnlyList<VpcPeeringConnection> VpcPeeringConnections);

/// <summary>One side's options; the ClassicLink members are accepted only as false (ClassicLink is retired).</summary>
public sealed record PeeringConnectionOptionsRequest
{
    public bool? AllowDnsResolutionFromRemoteVpc { get; init; }
    public bool? AllowEgressFromLocalClassicLinkToRemoteVpc { get; init; }
    public bool? AllowEgressFromLocalVpcToRemoteClassicLink { get; init; }
}

public sealed record ModifyVpcPeeringConnectionOptionsRequest
{
    public string? VpcPeeringConnectionId { get; init; }
    public PeeringConnectionOptionsRequest? RequesterPeeringConnectionOptions { get; init; }
    public PeeringConnectionOptionsRequest? AccepterPeeringConnectionOptions { get; init; }
    public bool? DryRun { get; init; }
}

/// <summary>The options of each side that the call named (null for a side it left alone).</summary>
public sealed record ModifyVpcPeeringConnectionOptionsResult(bool? RequesterAllowDnsResolutionFromRemoteVpc, bool? AccepterAllowDnsResolutionFromRemoteVpc);
