using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::VPCEndpoint: CreateVpcEndpoint (gateway endpoints with route tables, interface endpoints with
/// subnets and groups; the policy as a JSON object or text).
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcendpoint.html</summary>
internal sealed class VpcEndpointHandler : ResourceHandler
{
    public override string Type => "AWS::EC2::VPCEndpoint";

    public override IReadOnlyList<string> Required => ["VpcId"];

    public override IReadOnlyList<string>? Known =>
        ["DnsOptions", "IpAddressType", "PolicyDocument", "PrivateDnsEnabled", "ResourceConfigurationArn", "RouteTableIds",
         "SecurityGroupIds", "ServiceName", "ServiceNetworkArn", "ServiceRegion", "SubnetIds", "Tags", "VpcEndpointType", "VpcId"];

    public override IReadOnlyList<string> Attributes => ["CreationTimestamp", "DnsEntries", "Id", "NetworkInterfaceIds"];

    public override Provisioned Create(ResourceContext context, JsonObject p)
    {
        var policy = Policy(p);
        var dns = p["DnsOptions"] as JsonObject;
        return new(context.ControlPlane.CreateVpcEndpoint(context.Request, new CreateVpcEndpointRequest
        {
            VpcEndpointType = Props.Text(p, "VpcEndpointType") ?? "Gateway",
            VpcId = Props.Text(p, "VpcId"),
            ServiceName = Props.Text(p, "ServiceName"),
            PolicyDocument = policy,
            RouteTableIds = Props.Strings(p, "RouteTableIds"),
            SubnetIds = Props.Strings(p, "SubnetIds"),
            SecurityGroupIds = Props.Strings(p, "SecurityGroupIds"),
            PrivateDnsEnabled = Props.Bool(p, "PrivateDnsEnabled"),
            IpAddressType = Props.Text(p, "IpAddressType"),
            ServiceRegion = Props.Text(p, "ServiceRegion"),
            DnsOptions = dns is null ? null : new DnsOptionsSpecification { DnsRecordIpType = Props.Text(dns, "DnsRecordIpType") },
            TagSpecifications = Props.Tags(p, ResourceTypes.VpcEndpoint),
        }).VpcEndpoint.Id.Value);
    }

    /// <summary>PolicyDocument, PrivateDnsEnabled, RouteTableIds, SecurityGroupIds, SubnetIds (and DnsOptions,
    /// IpAddressType): "Update requires: No interruption"; ServiceName, VpcId, VpcEndpointType: Replacement.</summary>
    public override IReadOnlyCollection<string> UpdatableInPlace =>
        ["DnsOptions", "IpAddressType", "PolicyDocument", "PrivateDnsEnabled", "RouteTableIds", "SecurityGroupIds", "SubnetIds"];

    /// <summary>ModifyVpcEndpoint: the policy set (or reset to full access when removed), route tables, subnets and
    /// groups added and removed by difference.</summary>
    public override Provisioned Update(ResourceContext context, Provisioned resource, JsonObject before, JsonObject after)
    {
        IReadOnlyList<string>? Added(string key) => (Props.Strings(after, key) ?? []).Except(Props.Strings(before, key) ?? []).ToList() is { Count: > 0 } l ? l : null;
        IReadOnlyList<string>? Removed(string key) => (Props.Strings(before, key) ?? []).Except(Props.Strings(after, key) ?? []).ToList() is { Count: > 0 } l ? l : null;
        var policyChanged = !JsonNode.DeepEquals(before["PolicyDocument"], after["PolicyDocument"]);
        var policy = Policy(after);
        context.ControlPlane.ModifyVpcEndpoint(context.Request, new ModifyVpcEndpointRequest
        {
            VpcEndpointId = resource.PhysicalId,
            PolicyDocument = policyChanged ? policy : null,
            ResetPolicy = policyChanged && policy is null ? true : null,
            AddRouteTableIds = Added("RouteTableIds"),
            RemoveRouteTableIds = Removed("RouteTableIds"),
            AddSubnetIds = Added("SubnetIds"),
            RemoveSubnetIds = Removed("SubnetIds"),
            AddSecurityGroupIds = Added("SecurityGroupIds"),
            RemoveSecurityGroupIds = Removed("SecurityGroupIds"),
            PrivateDnsEnabled = JsonNode.DeepEquals(before["PrivateDnsEnabled"], after["PrivateDnsEnabled"]) ? null : Props.Bool(after, "PrivateDnsEnabled") ?? false,
        });
        return resource;
    }

    private static string? Policy(JsonObject p) => p["PolicyDocument"] switch
    {
        null => null,
        JsonObject document => document.ToJsonString(),
        _ => Props.Text(p, "PolicyDocument"),
    };

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.DeleteVpcEndpoints(context.Request, new DeleteVpcEndpointsRequest { VpcEndpointIds = [resource.PhysicalId] });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute)
    {
        var endpoint = context.ControlPlane.Network.VpcEndpoints[new VpcEndpointId(resource.PhysicalId)];
        return attribute switch
        {
            "CreationTimestamp" => endpoint.CreationTimestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
            "DnsEntries" => List(context.ControlPlane.ViewOf(endpoint).DnsEntries.Select(e => $"{e.HostedZoneId}:{e.DnsName}")),
            "Id" => endpoint.Id.Value,
            "NetworkInterfaceIds" => List(endpoint.NetworkInterfaceIds.Select(i => i.Value)),
            _ => base.GetAtt(context, resource, attribute),
        };
    }
}
