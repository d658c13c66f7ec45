using Amazon.EC2.Model;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>DescribeSecurityGroupRules' order (docs/semantics.md#security-group-rule-order): AWS's API reference
/// documents none; VpcLab answers groups by id, each group's rules in the order they were made (the default egress
/// rule first, then each authorization's rules as requested), and pages by position in that order.</summary>
public sealed partial class Ec2SdkTests
{
    [Theory]
    [InlineData(null)] // one answer
    [InlineData(5)]    // AWS's smallest MaxResults: the pages, joined, are the same list
    [InlineData(6)]
    public async Task SecurityGroupRules_NoOrderDocumented_CreationOrderWithinEachGroup(int? pageSize)
    {
        var vpc = await NewVpc("10.62.0.0/16");
        var groups = new List<string>();
        var expected = new List<string>();
        foreach (var name in new[] { "first", "second" })
        {
            var groupId = (await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = name, Description = name, VpcId = vpc.VpcId }, Ct)).GroupId;
            groups.Add(groupId);
            var made = new List<string> { $"{groupId} egress 0.0.0.0/0" };
            foreach (var cidrs in new[] { new[] { "1.2.3.4/32", "2.3.4.5/32" }, ["9.9.9.0/24"] })
            {
                await _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
                {
                    GroupId = groupId,
                    IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 27017, ToPort = 27018, Ipv4Ranges = [.. cidrs.Select(c => new IpRange { CidrIp = c })] }],
                }, Ct);
                made.AddRange(cidrs.Select(c => $"{groupId} ingress {c}"));
            }
            expected.Add(string.Join("; ", made));
        }

        var rules = new List<SecurityGroupRule>();
        string? token = null;
        do
        {
            var page = await _ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest
            {
                Filters = [new Filter("group-id", groups)], MaxResults = pageSize, NextToken = token,
            }, Ct);
            rules.AddRange(page.SecurityGroupRules);
            token = page.NextToken;
        }
        while (token is not null);

        var byGroup = groups.Order(StringComparer.Ordinal).Select(g => string.Join("; ",
            rules.Where(r => r.GroupId == g).Select(r => $"{r.GroupId} {(r.IsEgress == true ? "egress" : "ingress")} {r.CidrIpv4}")));
        Assert.Equal(expected.OrderBy(e => e, StringComparer.Ordinal), byGroup);
        Assert.Equal(groups.Order(StringComparer.Ordinal), rules.Select(r => r.GroupId).Distinct()); // group by group, by id
        Assert.Equal(8, rules.Count);
    }
}
