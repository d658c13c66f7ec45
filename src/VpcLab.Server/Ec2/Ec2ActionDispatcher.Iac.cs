using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.Server.Ec2;

/// <summary>Actions Terraform's AWS provider and other IaC tools call while reading what they made (issue 15):
/// DescribeAddressesAttribute (aws_eip's read), ModifyVpcTenancy (aws_vpc's update). Registered from
/// <see cref="Register"/>.</summary>
public sealed partial class Ec2ActionDispatcher
{
    private static void RegisterIacActions(Registrar r, Ec2ControlPlane cp)
    {
        r.List<DescribeAddressesAttributeRequest, DescribeAddressesAttributeResult, AddressAttribute>("DescribeAddressesAttribute",
            cp.AddressAttributes.DescribeAddressesAttribute, x => x.Addresses, "Addresses", a => a.AllocationId,
            (a, _) => new JsonObject { ["PublicIp"] = a.PublicIp, ["AllocationId"] = a.AllocationId, ["PtrRecord"] = a.PtrRecord });
        r.Action<ModifyVpcTenancyRequest, ModifyVpcTenancyResult>("ModifyVpcTenancy", cp.VpcTenancy.ModifyVpcTenancy,
            (x, _, _) => new JsonObject { ["ReturnValue"] = x.ReturnValue });
    }
}
