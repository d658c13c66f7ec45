using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;
using static VpcLab.Server.WebConsole.ConsoleTopology;

namespace VpcLab.Server.WebConsole;

/// <summary>NAT gateways, VPC endpoints (with their policy and the DNS names DescribeVpcEndpoints lists) and peering
/// connections (both ends, so a peering to another account or Region is drawn to a stub of the far VPC).</summary>
public static class ConsoleGateways
{
    public static JsonObject NatGateway(Network network, NatGateway g)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(g);
        return Named(network, g.Id.Value, new JsonObject
        {
            ["vpcId"] = g.VpcId.Value,
            ["subnetId"] = g.SubnetId.Value,
            ["connectivityType"] = Node(g.ConnectivityType),
            ["state"] = Node(g.State),
            ["privateIp"] = g.PrivateIp.ToString(),
            ["publicIp"] = g.PublicIp?.ToString(),
            ["networkInterfaceId"] = g.NetworkInterfaceId.Value,
        });
    }

    public static JsonObject Endpoint(Network network, Ec2ControlPlane controlPlane, VpcEndpoint e)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(controlPlane);
        ArgumentNullException.ThrowIfNull(e);
        var view = controlPlane.ViewOf(e);
        return Named(network, e.Id.Value, new JsonObject
        {
            ["vpcId"] = e.VpcId.Value,
            ["type"] = Node(e.Type),
            ["serviceName"] = e.ServiceName,
            ["state"] = Node(e.State),
            ["policyDocument"] = e.PolicyDocument,
            ["routeTableIds"] = Array(e.RouteTableIds, t => t.Value),
            ["subnetIds"] = Array(e.SubnetIds, s => s.Value),
            ["networkInterfaceIds"] = Array(e.NetworkInterfaceIds, n => n.Value),
            ["securityGroupIds"] = Array(e.Groups, g => g.Value),
            ["privateDnsEnabled"] = e.PrivateDnsEnabled,
            ["dnsNames"] = Array(view.DnsEntries, d => d.DnsName),
        });
    }

    public static JsonObject Peering(Network network, VpcPeeringConnection p)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(p);
        return Named(network, p.Id.Value, new JsonObject
        {
            ["state"] = Node(p.State),
            ["statusMessage"] = p.StatusMessage,
            ["requester"] = End(network, p.Requester),
            ["accepter"] = End(network, p.Accepter),
        });
    }

    private static JsonObject End(Network network, VpcPeeringConnectionVpcInfo info) => new()
    {
        ["vpcId"] = info.VpcId.Value,
        ["vpcName"] = network.NameOf(info.VpcId.Value),
        ["ownerId"] = info.OwnerId.Value,
        ["region"] = info.Region,
        ["cidrs"] = Array(info.CidrBlocks, c => c.ToString()),
    };
}
