using System.Text.Json.Nodes;
using VpcLab.Model;

namespace VpcLab.Server.Ec2.Shapes;

/// <summary>SubnetCidrReservation → the SubnetCidrReservation shape.</summary>
internal static class SubnetCidrReservationShape
{
    public static JsonObject Map(SubnetCidrReservation r, ShapeContext c) => new()
    {
        ["SubnetCidrReservationId"] = r.Id,
        ["SubnetId"] = r.SubnetId.Value,
        ["Cidr"] = r.Cidr.ToString(),
        ["ReservationType"] = r.ReservationType,
        ["OwnerId"] = r.OwnerId.Value,
        ["Description"] = r.Description,
        ["Tags"] = c.Tags(r.Id),
    };
}
