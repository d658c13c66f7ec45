using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::VPC: CreateVpc, then ModifyVpcAttribute for the DNS attributes.
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpc.html</summary>
internal sealed class VpcHandler : ResourceHandler
{
    public override string Type => "AWS::EC2::VPC";

    public override IReadOnlyList<string>? Known =>
        ["CidrBlock", "EnableDnsHostnames", "EnableDnsSupport", "InstanceTenancy", "Ipv4IpamPoolId", "Ipv4NetmaskLength", "Tags"];

    public override IReadOnlyList<string> Attributes =>
        ["CidrBlock", "CidrBlockAssociations", "DefaultNetworkAcl", "DefaultSecurityGroup", "Ipv6CidrBlocks", "VpcId"];

    public override Provisioned Create(ResourceContext context, JsonObject properties)
    {
        var cp = context.ControlPlane;
        var vpc = cp.CreateVpc(context.Request, new CreateVpcRequest
        {
            CidrBlock = Props.Text(properties, "CidrBlock"),
            InstanceTenancy = Props.Text(properties, "InstanceTenancy"),
            TagSpecifications = Props.Tags(properties, ResourceTypes.Vpc),
        }).Vpc;
        if (Props.Bool(properties, "EnableDnsSupport") is { } support)
            cp.ModifyVpcAttribute(context.Request, new ModifyVpcAttributeRequest { VpcId = vpc.Id.Value, EnableDnsSupport = support });
        if (Props.Bool(properties, "EnableDnsHostnames") is { } hostnames)
            cp.ModifyVpcAttribute(context.Request, new ModifyVpcAttributeRequest { VpcId = vpc.Id.Value, EnableDnsHostnames = hostnames });
        return new Provisioned(vpc.Id.Value);
    }

    /// <summary>EnableDnsHostnames and EnableDnsSupport: "Update requires: No interruption"; CidrBlock, InstanceTenancy
    /// and the IPAM properties: Replacement (the type's page).</summary>
    public override IReadOnlyCollection<string> UpdatableInPlace => ["EnableDnsHostnames", "EnableDnsSupport"];

    /// <summary>ModifyVpcAttribute, one attribute a call as EC2 requires; support is turned on before hostnames and
    /// hostnames off before support, since DNS hostnames need DNS support.</summary>
    public override Provisioned Update(ResourceContext context, Provisioned resource, JsonObject before, JsonObject after)
    {
        var cp = context.ControlPlane;
        var support = Props.Bool(after, "EnableDnsSupport") ?? true;
        var hostnames = Props.Bool(after, "EnableDnsHostnames") ?? false;
        void Support() => cp.ModifyVpcAttribute(context.Request, new ModifyVpcAttributeRequest { VpcId = resource.PhysicalId, EnableDnsSupport = support });
        void Hostnames() => cp.ModifyVpcAttribute(context.Request, new ModifyVpcAttributeRequest { VpcId = resource.PhysicalId, EnableDnsHostnames = hostnames });
        if (support)
        {
            Support();
            Hostnames();
        }
        else
        {
            Hostnames();
            Support();
        }
        return resource;
    }

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.DeleteVpc(context.Request, new DeleteVpcRequest { VpcId = resource.PhysicalId });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute)
    {
        var network = context.ControlPlane.Network;
        var vpc = network.Vpcs[new VpcId(resource.PhysicalId)];
        return attribute switch
        {
            "CidrBlock" => vpc.PrimaryCidr.ToString(),
            "CidrBlockAssociations" => List(vpc.CidrBlocks.Where(b => b.State == CidrBlockState.Associated).Select(b => b.AssociationId)),
            "DefaultNetworkAcl" => network.NetworkAcls.Values.First(a => a.VpcId == vpc.Id && a.IsDefault).Id.Value,
            "DefaultSecurityGroup" => network.SecurityGroups.Values.First(g => g.VpcId == vpc.Id && g.GroupName == SecurityGroup.DefaultGroupName).Id.Value,
            "Ipv6CidrBlocks" => List(vpc.Ipv6CidrBlocks.Where(b => b.State == CidrBlockState.Associated).Select(b => b.Cidr.ToString())),
            "VpcId" => vpc.Id.Value,
            _ => base.GetAtt(context, resource, attribute),
        };
    }
}
