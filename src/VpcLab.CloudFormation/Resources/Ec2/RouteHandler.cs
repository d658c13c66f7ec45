using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::Route: CreateRoute; its physical id is "rtb-…|destination" as CloudFormation's handler names
/// it. https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-route.html</summary>
internal sealed class RouteHandler : ResourceHandler
{
    public override string Type => "AWS::EC2::Route";

    public override IReadOnlyList<string> Required => ["RouteTableId"];

    public override IReadOnlyList<string>? Known =>
        ["CarrierGatewayId", "CoreNetworkArn", "DestinationCidrBlock", "DestinationIpv6CidrBlock", "DestinationPrefixListId",
         "EgressOnlyInternetGatewayId", "GatewayId", "InstanceId", "LocalGatewayId", "NatGatewayId", "NetworkInterfaceId",
         "RouteTableId", "TransitGatewayId", "VpcEndpointId", "VpcPeeringConnectionId"];

    public override IReadOnlyList<string> Attributes => ["CidrBlock"];

    public override Provisioned Create(ResourceContext context, JsonObject p)
    {
        var table = Props.Text(p, "RouteTableId");
        context.ControlPlane.CreateRoute(context.Request, new CreateRouteRequest
        {
            RouteTableId = table,
            DestinationCidrBlock = Props.Text(p, "DestinationCidrBlock"),
            DestinationIpv6CidrBlock = Props.Text(p, "DestinationIpv6CidrBlock"),
            DestinationPrefixListId = Props.Text(p, "DestinationPrefixListId"),
            GatewayId = Props.Text(p, "GatewayId"),
            EgressOnlyInternetGatewayId = Props.Text(p, "EgressOnlyInternetGatewayId"),
            NatGatewayId = Props.Text(p, "NatGatewayId"),
            NetworkInterfaceId = Props.Text(p, "NetworkInterfaceId"),
            InstanceId = Props.Text(p, "InstanceId"),
            VpcPeeringConnectionId = Props.Text(p, "VpcPeeringConnectionId"),
            VpcEndpointId = Props.Text(p, "VpcEndpointId"),
            TransitGatewayId = Props.Text(p, "TransitGatewayId"),
        });
        var destination = Props.Text(p, "DestinationCidrBlock") ?? Props.Text(p, "DestinationIpv6CidrBlock") ?? Props.Text(p, "DestinationPrefixListId") ?? "";
        return new Provisioned($"{table}|{destination}").With("RouteTableId", table!)
            .With("Kind", p.ContainsKey("DestinationCidrBlock") ? "v4" : p.ContainsKey("DestinationIpv6CidrBlock") ? "v6" : "pl")
            .With("Destination", destination);
    }

    /// <summary>The targets: "Update requires: No interruption"; RouteTableId and the destinations: Replacement.</summary>
    public override IReadOnlyCollection<string> UpdatableInPlace =>
        ["CarrierGatewayId", "CoreNetworkArn", "EgressOnlyInternetGatewayId", "GatewayId", "InstanceId", "LocalGatewayId",
         "NatGatewayId", "NetworkInterfaceId", "TransitGatewayId", "VpcEndpointId", "VpcPeeringConnectionId"];

    /// <summary>ReplaceRoute: the same destination, the new target.</summary>
    public override Provisioned Update(ResourceContext context, Provisioned resource, JsonObject before, JsonObject p)
    {
        context.ControlPlane.ReplaceRoute(context.Request, new ReplaceRouteRequest
        {
            RouteTableId = resource["RouteTableId"],
            DestinationCidrBlock = resource["Kind"] == "v4" ? resource["Destination"] : null,
            DestinationIpv6CidrBlock = resource["Kind"] == "v6" ? resource["Destination"] : null,
            DestinationPrefixListId = resource["Kind"] == "pl" ? resource["Destination"] : null,
            GatewayId = Props.Text(p, "GatewayId"),
            EgressOnlyInternetGatewayId = Props.Text(p, "EgressOnlyInternetGatewayId"),
            NatGatewayId = Props.Text(p, "NatGatewayId"),
            NetworkInterfaceId = Props.Text(p, "NetworkInterfaceId"),
            InstanceId = Props.Text(p, "InstanceId"),
            VpcPeeringConnectionId = Props.Text(p, "VpcPeeringConnectionId"),
            VpcEndpointId = Props.Text(p, "VpcEndpointId"),
            TransitGatewayId = Props.Text(p, "TransitGatewayId"),
        });
        return resource;
    }

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.DeleteRoute(context.Request, new DeleteRouteRequest
        {
            RouteTableId = resource["RouteTableId"],
            DestinationCidrBlock = resource["Kind"] == "v4" ? resource["Destination"] : null,
            DestinationIpv6CidrBlock = resource["Kind"] == "v6" ? resource["Destination"] : null,
            DestinationPrefixListId = resource["Kind"] == "pl" ? resource["Destination"] : null,
        });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute) =>
        attribute == "CidrBlock" ? resource["Destination"] : base.GetAtt(context, resource, attribute);
}
