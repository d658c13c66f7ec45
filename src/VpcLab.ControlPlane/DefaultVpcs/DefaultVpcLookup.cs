using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The account's default VPC in the request's Region, found in one place, and what AWS resolves in it
/// when a request names no VPC: RunInstances' default subnet, CreateSecurityGroup's VPC, a group named by
/// GroupName alone (docs/semantics.md#default-vpc-fallback).</summary>
internal static class DefaultVpcLookup
{
    /// <summary>The default VPC of the caller's account and Region, or null (deleted, or never created): among the
    /// default VPCs (one per account and Region at most), from the index.</summary>
    public static Vpc? Find(Transaction tx) =>
        tx.Where(IndexedKinds.Vpc, "is-default", Wire.Bool(true)).FirstOrDefault(v => tx.Owned(v.OwnerId, v.Region));

    /// <summary>AWS: a request that relies on the default VPC fails with VPCIdNotSpecified when there is none.</summary>
    public static Vpc Require(Transaction tx) => Find(tx) ?? throw VpcErrors.NoDefaultVpc();

    /// <summary>AWS (RunInstances SubnetId): "If you don't specify a subnet ID, we choose a default subnet from
    /// your default VPC for you"; Placement.AvailabilityZone picks that zone's default subnet. Choice
    /// (docs/semantics.md#default-vpc-fallback): without a zone, the default subnet of the Region's first zone
    /// (catalogue order) that has one, so a replay launches in the same place.</summary>
    public static Subnet DefaultSubnet(Transaction tx, string? zoneName)
    {
        var vpc = Require(tx);
        var subnets = tx.Where(IndexedKinds.Subnet, "vpc-id", vpc.Id.Value).Where(s => s.DefaultForAz).ToList();
        if (zoneName is not null)
        {
            var zone = tx.Region.Zones.FirstOrDefault(z => z.Name == zoneName) ?? throw InstanceErrors.InvalidAvailabilityZone(zoneName);
            return subnets.FirstOrDefault(s => s.AvailabilityZone.Name == zone.Name) ?? throw InstanceErrors.NoDefaultSubnetInZone(zone.Name);
        }
        foreach (var zone in tx.Region.Zones)
        {
            if (subnets.FirstOrDefault(s => s.AvailabilityZone.Name == zone.Name) is { } subnet)
                return subnet;
        }
        throw InstanceErrors.NoDefaultSubnets(vpc.Id.Value);
    }

    /// <summary>AWS: a group named by GroupName alone is looked up in the default VPC ("does not exist in default
    /// VPC" when missing), matched exactly as DescribeSecurityGroups GroupNames matches.</summary>
    public static SecurityGroup GroupByName(Transaction tx, string name)
    {
        var vpc = Find(tx) ?? throw VpcErrors.NoDefaultVpcForGroupName();
        return tx.Where(IndexedKinds.SecurityGroup, "vpc-id", vpc.Id.Value).FirstOrDefault(g => g.GroupName == name)
            ?? throw SecurityGroupErrors.SecurityGroupNameNotFoundInDefaultVpc(name, vpc.Id.Value);
    }
}
