using VpcLab.Net;

namespace VpcLab.Model.Tests;

public class NetworkAclTests
{
    private static NetworkAclEntry Entry(int rule, bool egress, RuleAction action = RuleAction.Allow) =>
        new(rule, egress, IpProtocol.All, action, Cidr.AnyV4, null, null);

    // AWS evaluates NACL rules in ascending rule-number order, per direction; the listed order is irrelevant.
    [Fact]
    public void EntriesFor_Direction_OnlyThatDirectionInAscendingRuleNumber()
    {
        var acl = new NetworkAcl(new NetworkAclId("acl-1"), ModelFactory.Owner, ModelFactory.Region, new VpcId("vpc-1"), false,
            [Entry(200, false), Entry(100, true), Entry(50, false), Entry(32766, false), Entry(1, true)], []);

        Assert.Equal([50, 200, 32766], acl.EntriesFor(egress: false).Select(e => e.RuleNumber));
        Assert.Equal([1, 100], acl.EntriesFor(egress: true).Select(e => e.RuleNumber));
    }

    // User rules are numbered 1-32766; the implicit '*' deny is 32767 for IPv4 and 32768 for IPv6.
    [Fact]
    public void RuleNumbers_Bounds_AreAwsLimits()
    {
        Assert.Equal(1, NetworkAcl.MinRuleNumber);
        Assert.Equal(32766, NetworkAcl.MaxRuleNumber);
        Assert.Equal(32767, NetworkAcl.DefaultDenyRuleNumberV4);
        Assert.Equal(32768, NetworkAcl.DefaultDenyRuleNumberV6);
    }
}
