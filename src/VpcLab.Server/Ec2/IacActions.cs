using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;
using VpcLab.Server.Ec2.Shapes;

namespace VpcLab.Server.Ec2;

/// <summary>Actions Terraform's AWS provider and other IaC tools call while reading what they made (issue 15):
/// DescribeAddressesAttribute (aws_eip's read), ModifyAddressAttribute and ResetAddressAttribute (aws_eip_domain_name),
/// ModifyVpcTenancy (aws_vpc's update). Registered from
/// <see cref="Ec2ActionDispatcher"/>'s constructor.</summary>
internal static class IacActions
{
    private static JsonObject AddressAttributeShape(AddressAttribute a) => new()
    {
        ["PublicIp"] = a.PublicIp,
        ["AllocationId"] = a.AllocationId,
        ["PtrRecord"] = a.PtrRecord,
        ["PtrRecordUpdate"] = a.Update is { } u ? new JsonObject { ["Value"] = u.Value, ["Status"] = u.Status } : null,
    };

    public static void Register(Ec2ActionRegistrar r, Ec2ControlPlane cp)
    {
        r.List<DescribeAddressesAttributeRequest, DescribeAddressesAttributeResult, AddressAttribute>("DescribeAddressesAttribute",
            cp.AddressAttributes.DescribeAddressesAttribute, x => x.Addresses, "Addresses", a => a.AllocationId, (a, _) => AddressAttributeShape(a));
        r.Action<ModifyAddressAttributeRequest, AddressAttribute>("ModifyAddressAttribute", cp.AddressAttributes.ModifyAddressAttribute,
            (a, _, _) => new JsonObject { ["Address"] = AddressAttributeShape(a) });
        r.Action<ResetAddressAttributeRequest, AddressAttribute>("ResetAddressAttribute", cp.AddressAttributes.ResetAddressAttribute,
            (a, _, _) => new JsonObject { ["Address"] = AddressAttributeShape(a) });
        r.Action<ModifyVpcTenancyRequest, ModifyVpcTenancyResult>("ModifyVpcTenancy", cp.VpcTenancy.ModifyVpcTenancy,
            (x, _, _) => new JsonObject { ["ReturnValue"] = x.ReturnValue });

        // EBS volumes as plain records (src/VpcLab.ControlPlane/Volumes/)
        r.Action<CreateVolumeRequest, Volume>("CreateVolume", cp.Volumes.CreateVolume, (v, c, _) => VolumeShape.Map(v, c));
        r.List<DescribeVolumesRequest, DescribeVolumesResult, Volume>("DescribeVolumes", cp.Volumes.DescribeVolumes,
            x => x.Volumes, "Volumes", v => v.Id, VolumeShape.Map);
        r.Action<AttachVolumeRequest, VolumeAttachmentResult>("AttachVolume", cp.Volumes.AttachVolume,
            (x, _, _) => VolumeShape.Attachment(x.Volume, x.Attachment, x.State));
        r.Action<DetachVolumeRequest, VolumeAttachmentResult>("DetachVolume", cp.Volumes.DetachVolume,
            (x, _, _) => VolumeShape.Attachment(x.Volume, x.Attachment, x.State));
        r.Empty<DeleteVolumeRequest, EmptyResult>("DeleteVolume", cp.Volumes.DeleteVolume);
        r.Action<ModifyVolumeRequest, VolumeModificationStatus>("ModifyVolume", cp.VolumeModifications.ModifyVolume,
            (x, _, _) => new JsonObject { ["VolumeModification"] = VolumeShape.Modification(x) });
        r.List<DescribeVolumesModificationsRequest, DescribeVolumesModificationsResult, VolumeModificationStatus>("DescribeVolumesModifications",
            cp.VolumeModifications.DescribeVolumesModifications, x => x.VolumesModifications, "VolumesModifications", m => m.Modification.VolumeId,
            (m, _) => VolumeShape.Modification(m));

        // Subnet CIDR reservations (src/VpcLab.ControlPlane/Subnets/SubnetCidrReservationOperations.cs)
        r.Action<CreateSubnetCidrReservationRequest, SubnetCidrReservation>("CreateSubnetCidrReservation", cp.SubnetCidrReservations.CreateSubnetCidrReservation,
            (x, c, _) => new JsonObject { ["SubnetCidrReservation"] = SubnetCidrReservationShape.Map(x, c) });
        r.Action<GetSubnetCidrReservationsRequest, GetSubnetCidrReservationsResult>("GetSubnetCidrReservations", cp.SubnetCidrReservations.GetSubnetCidrReservations,
            (x, c, _) => new JsonObject
            {
                ["SubnetIpv4CidrReservations"] = Json.Array(x.Ipv4, s => SubnetCidrReservationShape.Map(s, c)),
                ["SubnetIpv6CidrReservations"] = Json.Array(x.Ipv6, s => SubnetCidrReservationShape.Map(s, c)),
            });
        r.Action<DeleteSubnetCidrReservationRequest, SubnetCidrReservation>("DeleteSubnetCidrReservation", cp.SubnetCidrReservations.DeleteSubnetCidrReservation,
            (x, c, _) => new JsonObject { ["DeletedSubnetCidrReservation"] = SubnetCidrReservationShape.Map(x, c) });
    }
}
