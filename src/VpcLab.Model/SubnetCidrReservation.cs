using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>A range of a subnet's addresses (IPv4 or IPv6) kept out of automatic assignment
/// (docs/semantics.md#subnet-cidr-reservations): "prefix" ranges are for prefix delegation, "explicit" ones for
/// addresses the owner assigns.</summary>
public sealed record SubnetCidrReservation(
    string Id, SubnetId SubnetId, AccountId OwnerId, string Region, Cidr Cidr, string ReservationType, string? Description);
