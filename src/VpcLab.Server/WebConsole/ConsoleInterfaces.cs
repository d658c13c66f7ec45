using System.Text.Json.Nodes;
using VpcLab.Engine.Dns;
using VpcLab.Model;
using static VpcLab.Server.WebConsole.ConsoleTopology;

namespace VpcLab.Server.WebConsole;

/// <summary>Interfaces and instances on the console's map: addresses, the public IPv4 the internet gateway maps
/// each private one to (<see cref="Network.PublicIpFor"/>), groups, and the EC2 DNS names (<see cref="Ec2Hostnames"/>;
/// the public one only when the VPC has DNS hostnames enabled, as DescribeNetworkInterfaces shows it).</summary>
public static class ConsoleInterfaces
{
    public static JsonObject Interface(Network network, NetworkInterface n)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(n);
        bool hostnames = network.Vpcs.TryGetValue(n.VpcId, out var vpc) && vpc.EnableDnsHostnames;
        return Named(network, n.Id.Value, new JsonObject
        {
            ["vpcId"] = n.VpcId.Value,
            ["subnetId"] = n.SubnetId.Value,
            ["availabilityZone"] = n.AvailabilityZone,
            ["interfaceType"] = Node(n.InterfaceType),
            ["description"] = n.Description,
            ["instanceId"] = n.Attachment?.InstanceId.Value,
            ["sourceDestCheck"] = n.SourceDestCheck,
            ["securityGroupIds"] = Array(n.Groups, g => g.Value),
            ["privateIpAddresses"] = Array(n.PrivateIpAddresses, p =>
            {
                var publicIp = network.PublicIpFor(n, p);
                return new JsonObject
                {
                    ["address"] = p.Address.ToString(),
                    ["primary"] = p.Primary,
                    ["publicIp"] = publicIp?.ToString(),
                    ["privateDnsName"] = p.Address.IsV4 ? Ec2Hostnames.Private(p.Address, n.Region) : null,
                    ["publicDnsName"] = publicIp is { IsV4: true } ip && hostnames ? Ec2Hostnames.Public(ip, n.Region) : null,
                };
            }),
            ["ipv6Addresses"] = Array(n.Ipv6Addresses, a => a.ToString()),
        });
    }

    public static JsonObject Instance(Network network, Instance i)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(i);
        return Named(network, i.Id.Value, new JsonObject
        {
            ["vpcId"] = i.VpcId.Value,
            ["subnetId"] = i.SubnetId.Value,
            ["state"] = Node(i.State),
            ["instanceType"] = i.InstanceType,
            ["imageId"] = i.ImageId,
            ["networkInterfaceIds"] = Array(i.NetworkInterfaces, n => n.Value),
        });
    }
}
