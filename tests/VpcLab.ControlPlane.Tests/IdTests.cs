using CsCheck;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests;

public sealed class IdTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    /// <summary>A fixed script of operations, one world per seed.</summary>
    private static List<string> Build(ulong seed)
    {
        var lab = new TestLab(seed);
        var vpc = lab.Vpc(ipv6: true);
        var subnet = lab.Subnet(vpc, ipv6: TestLab.Ipv6Subnet(vpc, 0));
        lab.AttachedIgw(vpc);
        lab.Nat(subnet);
        lab.Instance(subnet, publicIp: true);
        lab.Group(vpc);
        var n = lab.N;
        return
        [
            .. n.Vpcs.Keys.Select(k => k.Value), .. n.Subnets.Keys.Select(k => k.Value), .. n.RouteTables.Keys.Select(k => k.Value),
            .. n.RouteTables.Values.SelectMany(t => t.Associations).Select(a => a.Id.Value),
            .. n.InternetGateways.Keys.Select(k => k.Value), .. n.NatGateways.Keys.Select(k => k.Value),
            .. n.ElasticIps.Keys.Select(k => k.Value), .. n.ElasticIps.Values.Select(e => e.PublicIp.ToString()),
            .. n.SecurityGroups.Keys.Select(k => k.Value), .. n.SecurityGroups.Values.SelectMany(g => g.Rules).Select(r => r.Id.Value),
            .. n.NetworkAcls.Keys.Select(k => k.Value), .. n.NetworkInterfaces.Keys.Select(k => k.Value),
            .. n.Instances.Keys.Select(k => k.Value), .. n.Vpcs.Values.Select(v => v.Ipv6CidrBlocks[0].Cidr.ToString()),
            .. n.NetworkInterfaces.Values.Select(e => e.MacAddress),
        ];
    }

    // Same seed + same operations ⇒ same ids (a server rebuilds state by replaying its log).
    [Fact]
    public void Ids_SameSeedSameOperations_Identical() =>
        Gen.ULong.Sample(seed => Assert.Equal(Build(seed), Build(seed)), iter: 20);

    [Fact]
    public void Ids_DifferentSeeds_Differ() => Assert.NotEqual(Build(1), Build(2));

    // Ids are prefix-0 + 16 lowercase hex digits (17 in all) and never repeat.
    [Fact]
    public void Ids_AnySeed_AwsShapeAndUnique() =>
        Gen.ULong.Sample(seed =>
        {
            var ids = Build(seed).Where(s => s.Contains('-', StringComparison.Ordinal) && !s.Contains(':', StringComparison.Ordinal)).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.All(ids, id => Assert.Matches("^[a-z]+(-[a-z]+)*-0[0-9a-f]{16}$", id));
        }, iter: 20);

    // A failed operation draws no ids: the next success gets what it would have got anyway.
    [Fact]
    public void Ids_FailedOperationBetween_DoesNotShiftIds()
    {
        var clean = new TestLab(7);
        clean.Vpc();
        var second = clean.Vpc("10.1.0.0/16");

        var noisy = new TestLab(7);
        noisy.Vpc();
        Assert.Throws<Ec2Exception>(() => noisy.Vpc("10.0.0.0/8"));
        Assert.Throws<Ec2Exception>(() => noisy.Cp.CreateVpc(Ctx, new CreateVpcRequest { CidrBlock = "10.1.0.0/16", DryRun = true }));
        Assert.Equal(second.Id, noisy.Vpc("10.1.0.0/16").Id);
    }

    [Theory]
    [InlineData("vpc-0a1b2c3d4e5f60001", "vpc", true)]
    [InlineData("vpc-1a2b3c4d", "vpc", true)]
    [InlineData("vpc-1A2B3C4D", "vpc", false)]
    [InlineData("vpc-1a2b3c4", "vpc", false)]
    [InlineData("vpc-cidr-assoc-0a1b2c3d4e5f60001", "vpc", false)]
    [InlineData("eni-attach-0a1b2c3d4e5f60001", "eni-attach", true)]
    public void IsWellFormed_Shapes_AsAws(string id, string prefix, bool expected) =>
        Assert.Equal(expected, IdGenerator.IsWellFormed(id, prefix));
}
