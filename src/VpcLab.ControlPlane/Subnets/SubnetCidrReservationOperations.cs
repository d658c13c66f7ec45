using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

/// <summary>CreateSubnetCidrReservation, GetSubnetCidrReservations, DeleteSubnetCidrReservation
/// (docs/semantics.md#subnet-cidr-reservations). A reservation lies inside the subnet's block of its family and
/// overlaps no other reservation of the subnet; automatic address assignment skips reserved addresses
/// (<see cref="IsReserved"/>).</summary>
public sealed class SubnetCidrReservationOperations
{
    public const string ResourceType = "subnet-cidr-reservation";

    private static readonly Ec2ErrorCode s_notFound = new("InvalidSubnetCidrReservationID.NotFound");

    private readonly ControlPlaneState _state;

    internal SubnetCidrReservationOperations(ControlPlaneState state)
    {
        _state = state;
    }

    public SubnetCidrReservation CreateSubnetCidrReservation(RequestContext ctx, CreateSubnetCidrReservationRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var subnet = tx.Require(ResourceKinds.Subnet, request.SubnetId ?? throw Ec2Errors.MissingParameter("subnetId"));
            var cidr = Transaction.ParseCidr(request.Cidr ?? throw Ec2Errors.MissingParameter("cidr"), "cidr");
            var type = request.ReservationType ?? throw Ec2Errors.MissingParameter("reservationType");
            if (type is not ("prefix" or "explicit"))
                throw Ec2Errors.InvalidParameterValue($"Value ({type}) for parameter reservationType is invalid.");
            var block = cidr.Family == IpFamily.V4 ? subnet.CidrBlock : subnet.Ipv6Cidr;
            if (block is not { } b || !b.Contains(cidr.First) || !b.Contains(cidr.Last))
                throw Ec2Errors.InvalidParameterValue($"Reservation CIDR should be within subnet CIDR block ({block?.ToString() ?? "none"})");
            if (Of(tx.World, subnet.Id).Any(r => r.Cidr.Contains(cidr.First) || cidr.Contains(r.Cidr.First)))
                throw Ec2Errors.InvalidParameterValue($"Reservation CIDR {cidr} has overlap with existing reserved CIDR block");
            var reservation = new SubnetCidrReservation(tx.NewId(IdPrefixes.SubnetCidrReservation), subnet.Id, tx.Account, tx.RegionName,
                cidr, type, request.Description);
            tx.Put(reservation);
            tx.ApplyTagSpecifications(request.TagSpecifications, ResourceType, reservation.Id);
            return reservation;
        });

    public GetSubnetCidrReservationsResult GetSubnetCidrReservations(RequestContext ctx, GetSubnetCidrReservationsRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var subnet = tx.Require(ResourceKinds.Subnet, request.SubnetId ?? throw Ec2Errors.MissingParameter("subnetId"));
            var schema = new FilterSchema<SubnetCidrReservation>(r => r.Id)
                .Add("reservationType", r => r.ReservationType)
                .Add("subnet-id", r => r.SubnetId.Value)
                .Add("owner-id", r => r.OwnerId.Value);
            var all = schema.Apply(Of(tx.World, subnet.Id), request.Filters, tx.N).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
            return new GetSubnetCidrReservationsResult(
                [.. all.Where(r => r.Cidr.Family == IpFamily.V4)], [.. all.Where(r => r.Cidr.Family == IpFamily.V6)]);
        });

    public SubnetCidrReservation DeleteSubnetCidrReservation(RequestContext ctx, DeleteSubnetCidrReservationRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var id = request.SubnetCidrReservationId ?? throw Ec2Errors.MissingParameter("subnetCidrReservationId");
            if (!tx.N.SubnetCidrReservations.TryGetValue(id, out var reservation) || !tx.Owned(reservation.OwnerId, reservation.Region))
                throw new Ec2Exception(s_notFound, $"The subnet-cidr-reservation ID '{id}' does not exist");
            tx.RemoveSubnetCidrReservation(id);
            tx.RemoveTags(id);
            return reservation;
        });

    /// <summary>DeleteSubnet: the subnet's reservations go with it.</summary>
    internal static void RemoveAll(Transaction tx, SubnetId subnet)
    {
        foreach (var reservation in Of(tx.World, subnet).ToList())
        {
            tx.RemoveSubnetCidrReservation(reservation.Id);
            tx.RemoveTags(reservation.Id);
        }
    }

    /// <summary>The reservations of a subnet, in id order, from the index.</summary>
    public static IEnumerable<SubnetCidrReservation> Of(IndexedWorld world, SubnetId subnet)
    {
        ArgumentNullException.ThrowIfNull(world);
        return world.Where(IndexedKinds.SubnetCidrReservation, "subnet-id", subnet.Value);
    }

    /// <summary>The reserved ranges of a subnet, read once per allocation (<see cref="IsReserved"/> asks them per address).</summary>
    public static IReadOnlyList<Cidr> Reserved(IndexedWorld world, SubnetId subnet) => [.. Of(world, subnet).Select(r => r.Cidr)];

    /// <summary>True when an address lies in one of the subnet's reservations: automatic assignment skips it.</summary>
    public static bool IsReserved(IReadOnlyList<Cidr> reserved, IpAddress address)
    {
        ArgumentNullException.ThrowIfNull(reserved);
        foreach (var cidr in reserved)
        {
            if (cidr.Contains(address))
                return true;
        }
        return false;
    }
}
