using CsCheck;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests;

/// <summary>AWS: DeleteVpc, DeleteSubnet, DeleteSecurityGroup, DeleteManagedPrefixList and DeleteDhcpOptions are
/// DependencyViolation (or InUse) while something still uses the resource
/// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteVpc.html and siblings). The blockers ask the
/// index (docs/semantics.md#filter-indexes); over random worlds of two accounts, each blocker of each resource must
/// answer what a scan of the whole snapshot answers.</summary>
public sealed class DeletionBlockerPropertyTests
{
    // The scans the blockers replaced: (kind, what) → does it hold for this record in this snapshot?
    private static readonly Dictionary<string, Func<Network, Vpc, bool>> s_vpc = new()
    {
        ["a subnet"] = (n, v) => n.Subnets.Values.Any(s => s.VpcId == v.Id),
        ["an attached internet gateway"] = (n, v) => n.InternetGateways.Values.Any(g => g.AttachedVpcId == v.Id),
        ["an egress-only internet gateway"] = (n, v) => n.EgressOnlyInternetGateways.Values.Any(g => g.VpcId == v.Id),
        ["a NAT gateway not deleted"] = (n, v) => n.NatGateways.Values.Any(g => g.VpcId == v.Id && g.State != NatGatewayState.Deleted),
        ["a network interface"] = (n, v) => n.NetworkInterfaces.Values.Any(e => e.VpcId == v.Id),
        ["a non-default security group"] = (n, v) => n.SecurityGroups.Values.Any(g => g.VpcId == v.Id && !g.IsDefault),
        ["a non-main route table"] = (n, v) => n.RouteTables.Values.Any(t => t.VpcId == v.Id && !t.IsMain),
        ["a non-default network ACL"] = (n, v) => n.NetworkAcls.Values.Any(a => a.VpcId == v.Id && !a.IsDefault),
        ["an instance not terminated"] = (n, v) => n.Instances.Values.Any(i => i.VpcId == v.Id && i.State != InstanceState.Terminated),
        ["a VPC endpoint"] = (n, v) => n.VpcEndpoints.Values.Any(e => e.VpcId == v.Id),
    };

    private static readonly Dictionary<string, Func<Network, Subnet, bool>> s_subnet = new()
    {
        ["a network interface"] = (n, s) => n.NetworkInterfaces.Values.Any(e => e.SubnetId == s.Id),
        ["a NAT gateway not deleted"] = (n, s) => n.NatGateways.Values.Any(g => g.SubnetId == s.Id && g.State != NatGatewayState.Deleted),
        ["an instance not terminated"] = (n, s) => n.Instances.Values.Any(i => i.SubnetId == s.Id && i.State != InstanceState.Terminated),
    };

    private static readonly Dictionary<string, Func<Network, SecurityGroup, bool>> s_group = new()
    {
        ["a rule of another group"] = (n, g) => n.SecurityGroups.Values.Any(o => o.Id != g.Id && o.Rules.Any(r => r.Peer is SecurityGroupPeer p && p.GroupId == g.Id)),
        ["a network interface"] = (n, g) => n.NetworkInterfaces.Values.Any(e => e.Groups.Contains(g.Id)),
        ["a VPC endpoint"] = (n, g) => n.VpcEndpoints.Values.Any(e => e.Groups.Contains(g.Id)),
    };

    private static readonly Dictionary<string, Func<Network, ManagedPrefixList, bool>> s_prefixList = new()
    {
        ["a route"] = (n, p) => n.RouteTables.Values.Any(t => t.Routes.Any(r => r.Destination.PrefixListId == p.Id)),
        ["a security group rule"] = (n, p) => n.SecurityGroups.Values.Any(g => g.Rules.Any(r => r.Peer is PrefixListPeer x && x.PrefixListId == p.Id)),
    };

    private static readonly Dictionary<string, Func<Network, DhcpOptionsSet, bool>> s_dhcp = new()
    {
        ["a VPC association"] = (n, d) => n.Vpcs.Values.Any(v => v.DhcpOptionsId == d.Id),
    };

    [Fact]
    public void FirstBlocker_AnyWorld_IndexAnswersAsScan()
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        Gen.Select(Gen.Int[0, FilterIndexPropertyTests.LastStep], Gen.Int[0, 99], Gen.Int[0, 99]).Array[20, 80].Sample(steps =>
        {
            var cp = FilterIndexPropertyTests.Build(steps, indexedFilters: true);
            var world = cp.World;
            var n = world.Network;
            Check(ResourceKinds.Vpc, s_vpc, world, n.Vpcs.Values, held);
            Check(ResourceKinds.Subnet, s_subnet, world, n.Subnets.Values, held);
            Check(ResourceKinds.SecurityGroup, s_group, world, n.SecurityGroups.Values, held);
            Check(ResourceKinds.PrefixList, s_prefixList, world, n.PrefixLists.Values, held);
            Check(DhcpOptionsKind.Kind, s_dhcp, world, n.DhcpOptions.Values, held);
        }, iter: 40);
        // The worlds make most blockers hold somewhere: a blocker never seen holding would pass vacuously.
        Assert.Subset(held, new HashSet<string>(StringComparer.Ordinal)
        {
            "VPC: a subnet", "VPC: a network interface", "VPC: a non-default security group", "VPC: a non-main route table",
            "VPC: a non-default network ACL", "VPC: an instance not terminated", "VPC: a VPC endpoint", "VPC: an egress-only internet gateway",
            "subnet: a network interface", "subnet: an instance not terminated",
            "security group: a network interface", "DHCP options set: a VPC association",
        });
    }

    private static void Check<TId, T>(ResourceKind<TId, T> kind, Dictionary<string, Func<Network, T, bool>> scans, IndexedWorld world,
        IEnumerable<T> records, HashSet<string> held)
        where TId : notnull
        where T : class
    {
        Assert.Equal(scans.Keys.Order(StringComparer.Ordinal), kind.BlockedBy.Select(b => b.What).Order(StringComparer.Ordinal));
        foreach (var record in records)
        {
            foreach (var blocker in kind.BlockedBy)
            {
                var expected = scans[blocker.What](world.Network, record);
                Assert.Equal(expected, blocker.Holds(world, record));
                if (expected)
                    held.Add($"{kind.Name}: {blocker.What}");
            }
        }
    }
}
