using VpcLab.Model;

namespace VpcLab.ControlPlane;

public sealed record CreateSubnetCidrReservationRequest
{
    public string? SubnetId { get; init; }
    public string? Cidr { get; init; }
    public string? ReservationType { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record GetSubnetCidrReservationsRequest
{
    public string? SubnetId { get; init; }
    public IReadOnlyList<Filter>? Filters { get; init; }
    public bool? DryRun { get; init; }
}

/// <summary>The subnet's reservations, split by family as the output shape lists them.</summary>
public sealed record GetSubnetCidrReservationsResult(IReadOnlyList<SubnetCidrReservation> Ipv4, IReadOnlyList<SubnetCidrReservation> Ipv6);

public sealed record DeleteSubnetCidrReservationRequest
{
    public string? SubnetCidrReservationId { get; init; }
    public bool? DryRun { get; init; }
}
