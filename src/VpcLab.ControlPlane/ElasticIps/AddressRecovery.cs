using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

/// <summary>AllocateAddress with Address: recovering a released Elastic IP (docs/semantics.md#address-recovery).
/// AWS: "If you release an Elastic IP address, you might be able to recover it. You cannot recover an Elastic IP
/// address that you released after it is allocated to another AWS account."</summary>
internal static class AddressRecovery
{
    private static readonly Ec2ErrorCode s_notFound = new("InvalidAddress.NotFound");

    /// <summary>The address, when the Region's pool handed it out before and nothing holds it now (no Elastic IP, no
    /// auto-assigned public IPv4); else InvalidAddress.NotFound. The lab has no BYOIP pools, so an address it never
    /// handed out cannot be had.</summary>
    public static IpAddress Recover(Transaction tx, string address)
    {
        var ip = Transaction.ParseIp(address, "address");
        bool free = ip.IsV4 && tx.Region.PublicIpv4Pool.Contains(ip) && tx.IssuedPublicIps.Contains(ip)
            && !tx.PendingPublicIps.Contains(ip)
            && !tx.Where(IndexedKinds.ElasticIp, "public-ip", ip.ToString()).Any()
            && !tx.Where(IndexedKinds.NetworkInterface, IndexedKinds.AutoAssignedPublicIpLink, ip.ToString()).Any();
        if (!free)
            throw new Ec2Exception(s_notFound, $"Address '{address}' not found.");
        tx.PendingPublicIps.Add(ip);
        return ip;
    }
}
