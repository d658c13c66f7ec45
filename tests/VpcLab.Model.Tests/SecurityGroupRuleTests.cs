using VpcLab.Net;

namespace VpcLab.Model.Tests;

public class SecurityGroupRuleTests
{
    private static SecurityGroupRule Rule(string id, int from, int to, string cidr = "0.0.0.0/0", bool egress = false, string? description = null) =>
        new(new SecurityGroupRuleId(id), egress, IpProtocol.Tcp, from, to, new CidrPeer(Cidr.Parse(cidr)), description);

    // AWS refuses a rule equal to an existing one but for id and description (InvalidPermission.Duplicate).
    [Fact]
    public void SamePermission_DifferentIdAndDescription_IsDuplicate() =>
        Assert.True(Rule("sgr-1", 443, 443, description: "a").SamePermission(Rule("sgr-2", 443, 443, description: "b")));

    [Fact]
    public void SamePermission_NonCanonicalCidrOfSameBlock_IsDuplicate() =>
        Assert.True(Rule("sgr-1", 22, 22, "10.0.0.0/16").SamePermission(Rule("sgr-2", 22, 22, "10.0.9.9/16")));

    [Theory]
    [InlineData(443, 444, "0.0.0.0/0", false)]
    [InlineData(80, 443, "0.0.0.0/0", false)]
    [InlineData(443, 443, "10.0.0.0/8", false)]
    [InlineData(443, 443, "0.0.0.0/0", true)]
    public void SamePermission_AnyFieldDiffers_IsNotDuplicate(int from, int to, string cidr, bool egress) =>
        Assert.False(Rule("sgr-1", 443, 443).SamePermission(Rule("sgr-2", from, to, cidr, egress)));

    [Fact]
    public void Ingress_Egress_SplitRulesByDirection()
    {
        var group = new SecurityGroup(new SecurityGroupId("sg-1"), ModelFactory.Owner, ModelFactory.Region, new VpcId("vpc-1"),
            SecurityGroup.DefaultGroupName, "default VPC security group",
            [Rule("sgr-in", 443, 443), Rule("sgr-out", 0, 65535, egress: true)]);

        Assert.Equal(["sgr-in"], group.Ingress.Select(r => r.Id.Value));
        Assert.Equal(["sgr-out"], group.Egress.Select(r => r.Id.Value));
        Assert.True(group.IsDefault);
    }
}
