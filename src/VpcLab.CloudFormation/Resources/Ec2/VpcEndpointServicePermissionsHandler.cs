using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::VPCEndpointServicePermissions: ModifyVpcEndpointServicePermissions adding AllowedPrincipals
/// (removing them on delete). It has no Ref value of its own AWS documents beyond its physical id; here that is the
/// service id. https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcendpointservicepermissions.html</summary>
internal sealed class VpcEndpointServicePermissionsHandler : ResourceHandler
{
    public override string Type => "AWS::EC2::VPCEndpointServicePermissions";

    public override IReadOnlyList<string> Required => ["ServiceId"];

    public override IReadOnlyList<string>? Known => ["AllowedPrincipals", "ServiceId"];

    public override Provisioned Create(ResourceContext context, JsonObject p)
    {
        var service = Props.Text(p, "ServiceId")!;
        var principals = Props.Strings(p, "AllowedPrincipals") ?? [];
        if (principals.Count > 0)
            context.ControlPlane.EndpointConnections.ModifyVpcEndpointServicePermissions(context.Request,
                new ModifyVpcEndpointServicePermissionsRequest { ServiceId = service, AddAllowedPrincipals = principals });
        return new Provisioned(service).With("AllowedPrincipals", string.Join(',', principals));
    }

    public override void Delete(ResourceContext context, Provisioned resource)
    {
        var principals = resource["AllowedPrincipals"].Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (principals.Length > 0)
            context.ControlPlane.EndpointConnections.ModifyVpcEndpointServicePermissions(context.Request,
                new ModifyVpcEndpointServicePermissionsRequest { ServiceId = resource.PhysicalId, RemoveAllowedPrincipals = principals });
    }
}
