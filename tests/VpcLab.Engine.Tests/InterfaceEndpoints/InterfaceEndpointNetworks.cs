using System.Collections.Immutable;
using System.Globalization;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Tests.InterfaceEndpoints;

/// <summary>Adds what <see cref="WorldBuilder"/> does not build to a built <see cref="Network"/>: subnets
/// in other Availability Zones, VPC DNS attributes, and interface endpoints with one requester-managed interface per
/// subnet (as CreateVpcEndpoint makes them: type vpc_endpoint, no attachment, the endpoint's groups).</summary>
public static class InterfaceEndpointNetworks
{
    /// <summary>Moves a subnet, and the interfaces already in it, to another zone of its Region.</summary>
    public static Network WithZone(this Network network, SubnetId subnet, string zone)
    {
        var s = network.Subnets[subnet];
        var az = new AvailabilityZone(zone, "use1-az" + zone[^1], s.Region);
        var interfaces = network.NetworkInterfaces;
        foreach (var eni in network.NetworkInterfaces.Values.Where(n => n.SubnetId == subnet))
            interfaces = interfaces.SetItem(eni.Id, eni with { AvailabilityZone = zone });
        return network with
        {
            Subnets = network.Subnets.SetItem(subnet, s with { AvailabilityZone = az }),
            NetworkInterfaces = interfaces,
        };
    }

    public static Network WithDnsAttributes(this Network network, VpcId vpc, bool support, bool hostnames) =>
        network with { Vpcs = network.Vpcs.SetItem(vpc, network.Vpcs[vpc] with { EnableDnsSupport = support, EnableDnsHostnames = hostnames }) };

    /// <summary>An interface endpoint to <c>com.amazonaws.us-east-1.SERVICE</c> named <paramref name="name"/>: one
    /// interface per subnet at the subnet's address <paramref name="hostOffset"/>, guarded by <paramref name="groups"/>.</summary>
    public static Network WithInterfaceEndpoint(this Network network, string name, string service, SubnetId[] subnets,
        SecurityGroupId[] groups, bool privateDns = true, VpcEndpointState state = VpcEndpointState.Available,
        int hostOffset = 200)
    {
        ArgumentNullException.ThrowIfNull(subnets);
        int serial = network.VpcEndpoints.Count + 1;
        var id = new VpcEndpointId(string.Create(CultureInfo.InvariantCulture, $"vpce-0e{serial:x15}"));
        var first = network.Subnets[subnets[0]];
        var interfaces = network.NetworkInterfaces;
        var eniIds = ImmutableArray.CreateBuilder<NetworkInterfaceId>();
        var tags = network.Tags.SetItem(id.Value, Tags.Named(name));
        for (int i = 0; i < subnets.Length; i++)
        {
            var s = network.Subnets[subnets[i]];
            var eniId = new NetworkInterfaceId(string.Create(CultureInfo.InvariantCulture, $"eni-0e{serial:x7}{i:x8}"));
            var eni = new NetworkInterface(eniId, s.OwnerId, s.Region, s.Id, s.VpcId, s.AvailabilityZone.Name,
                [new PrivateIpAddress(s.CidrBlock!.Value.AddressAt((UInt128)hostOffset), true, null)], [], [.. groups], true,
                NetworkInterfaceType.VpcEndpoint, null, $"VPC Endpoint Interface {id}", "02:00:00:00:0e:00")
            { RequesterManaged = true };
            interfaces = interfaces.Add(eniId, eni);
            tags = tags.SetItem(eniId.Value, Tags.Named($"{name}-{s.AvailabilityZone.Name}"));
            eniIds.Add(eniId);
        }
        var endpoint = new VpcEndpoint(id, first.OwnerId, first.Region, first.VpcId, $"com.amazonaws.{first.Region}.{service}",
            VpcEndpointType.Interface, state, "{}", [], [.. subnets], [.. groups], eniIds.ToImmutable(), privateDns,
            VpcEndpointIpAddressType.Ipv4, VpcEndpointDnsRecordIpType.Ipv4, "29p5708s", DateTimeOffset.UnixEpoch);
        return network with
        {
            VpcEndpoints = network.VpcEndpoints.Add(id, endpoint),
            NetworkInterfaces = interfaces,
            Tags = tags,
        };
    }

    /// <summary>The endpoint named <paramref name="name"/>.</summary>
    public static VpcEndpoint Endpoint(this Network network, string name) =>
        network.VpcEndpoints.Values.Single(e => network.NameOf(e.Id.Value) == name);

    /// <summary>The endpoint's interface in <paramref name="zone"/>.</summary>
    public static NetworkInterface EndpointInterface(this Network network, string name, string zone) =>
        network.Endpoint(name).NetworkInterfaceIds.Select(id => network.NetworkInterfaces[id]).Single(n => n.AvailabilityZone == zone);

    public static IpAddress EndpointAddress(this Network network, string name, string zone) =>
        network.EndpointInterface(name, zone).PrimaryPrivateIp;
}
