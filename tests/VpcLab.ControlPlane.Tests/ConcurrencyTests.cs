using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests;

public sealed class ConcurrencyTests
{
    // The control plane is thread-safe: concurrent operations each see a whole snapshot and none is lost.
    [Fact]
    public void CreateSubnets_FromManyThreads_AllCreatedUniqueAndConsistent()
    {
        var lab = new TestLab(quotas: Ec2Quotas.Generous);
        var vpc = lab.Vpc("10.0.0.0/16");
        var snapshots = new System.Collections.Concurrent.ConcurrentBag<Network>();
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            lab.Subnet(vpc, $"10.0.{i}.0/24");
            snapshots.Add(lab.Cp.Network);
        });
        Assert.Equal(200, lab.N.Subnets.Count);
        Assert.Equal(200, lab.N.NetworkAcls.Values.Single(a => a.IsDefault).Associations.Length);
        // Every snapshot a reader saw is internally consistent: each subnet has its ACL association.
        Assert.All(snapshots, n => Assert.Equal(n.Subnets.Count, n.NetworkAcls.Values.Single(a => a.IsDefault).Associations.Length));
    }
}
