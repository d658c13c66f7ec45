namespace VpcLab.Model.Tests;

public sealed class SubnetAssociationsTests
{
    private static readonly SubnetId SubnetId = new("subnet-1");

    private static Network World(params RouteTable[] tables)
    {
        var network = Network.Empty with
        {
            Subnets = Network.Empty.Subnets.Add(SubnetId, ModelFactory.Subnet("subnet-1", "vpc-1", "10.0.1.0/24")),
        };
        foreach (var t in tables)
            network = network with { RouteTables = network.RouteTables.Add(t.Id, t) };
        return network;
    }

    private static NetworkAcl Acl(string id, bool isDefault, bool associated) =>
        new(new NetworkAclId(id), ModelFactory.Owner, ModelFactory.Region, new VpcId("vpc-1"), isDefault, [],
            associated ? [new NetworkAclAssociation(new NetworkAclAssociationId("aclassoc-" + id), SubnetId)] : []);

    // AWS: a subnet is associated with its VPC's default network ACL unless another replaces it.
    [Theory]
    [InlineData(false, "acl-default")]
    [InlineData(true, "acl-custom")]
    public void NetworkAclOf_ExplicitAssociationElseDefault_IsChosen(bool replaced, string expected)
    {
        var network = World();
        foreach (var acl in new[] { Acl("acl-default", true, !replaced), Acl("acl-custom", false, replaced) })
            network = network with { NetworkAcls = network.NetworkAcls.Add(acl.Id, acl) };

        var associations = SubnetAssociations.Of(network);

        Assert.Equal(expected, associations.NetworkAclOf(network.Subnets[SubnetId])!.Id.Value);
        Assert.Equal(expected, network.NetworkAclFor(SubnetId).Id.Value);
    }

    // A malformed snapshot (no main table, no NACL) has no choice to make: null, which the engine compiles as stand-ins.
    [Fact]
    public void RouteTableOf_VpcWithoutMainTable_IsNull()
    {
        var network = World(ModelFactory.RouteTable("rtb-other", "vpc-1", main: false));

        var associations = SubnetAssociations.Of(network);

        Assert.Null(associations.RouteTableOf(network.Subnets[SubnetId]));
        Assert.Null(associations.NetworkAclOf(network.Subnets[SubnetId]));
        Assert.Throws<InvalidOperationException>(() => network.RouteTableFor(SubnetId));
    }
}
