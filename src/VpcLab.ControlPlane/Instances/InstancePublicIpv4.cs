using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The lifecycle of an instance's auto-assigned public IPv4, the one place its rules live (EC2 User Guide,
/// "Public IPv4 addresses"; docs/semantics.md#public-ipv4):
/// <list type="bullet">
/// <item>assigned at launch to the primary interface (device index 0) only, when it is a new interface and either the
/// launch asks (AssociatePublicIpAddress) or the subnet maps public IPs on launch and the launch has one interface;</item>
/// <item>released when the instance stops or terminates, and when an Elastic IP is associated with its primary
/// private address;</item>
/// <item>given anew when the instance starts or that Elastic IP is disassociated — unless more than one network
/// interface is attached, or a secondary private address holds an Elastic IP.</item>
/// </list>
/// The public DNS name is derived from the address (Engine's Ec2Hostnames), so it changes with it.</summary>
internal static class InstancePublicIpv4
{
    /// <summary>True when a launch gives the primary interface a public IPv4.</summary>
    public static bool AssignedAtLaunch(bool newInterface, bool? associatePublicIpAddress, Subnet subnet, int interfaceCount) =>
        newInterface && (associatePublicIpAddress ?? (subnet.MapPublicIpOnLaunch && interfaceCount == 1));

    /// <summary>The interface without any auto-assigned public IPv4 (stop, terminate, detach on terminate).</summary>
    public static NetworkInterface Released(NetworkInterface eni) =>
        eni with { PrivateIpAddresses = [.. eni.PrivateIpAddresses.Select(p => p with { AutoAssignedPublicIp = null })] };

    /// <summary>Gives a running instance a new public IPv4 on its primary private address when AWS would (after a
    /// start or the disassociation of the Elastic IP that replaced it); does nothing otherwise.</summary>
    public static void RenewIfEligible(Transaction tx, InstanceId instanceId)
    {
        if (!tx.N.Instances.TryGetValue(instanceId, out var instance) || !MayRenew(tx.World, instance))
            return;
        var eni = tx.N.NetworkInterfaces[instance.PrimaryNetworkInterface];
        var primary = eni.PrivateIpAddresses.First(p => p.Primary);
        tx.Put(eni with
        {
            PrivateIpAddresses = eni.PrivateIpAddresses.Replace(primary, primary with { AutoAssignedPublicIp = tx.AllocatePublicIpv4() }),
        });
    }

    /// <summary>AWS: only an instance launched with a public IPv4 gets one back; never with more than one network
    /// interface attached, nor while any of its private addresses (the primary included) holds an Elastic IP.</summary>
    private static bool MayRenew(IndexedWorld world, Instance instance)
    {
        if (instance.State != InstanceState.Running || !instance.AutoAssignPublicIp || instance.NetworkInterfaces.Length != 1)
            return false;
        if (!world.Network.NetworkInterfaces.TryGetValue(instance.PrimaryNetworkInterface, out var eni))
            return false;
        if (eni.PrivateIpAddresses.First(p => p.Primary).AutoAssignedPublicIp is not null)
            return false;
        return !world.Any(IndexedKinds.ElasticIp, "network-interface-id", eni.Id.Value);
    }
}
