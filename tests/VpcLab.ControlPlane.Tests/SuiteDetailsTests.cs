using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests;

/// <summary>Details the peer suite found (docs/compatibility.md), each settled against AWS's API reference.</summary>
public sealed class SuiteDetailsTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    private static DhcpOptionsSet Dhcp(TestLab lab) => lab.Cp.CreateDhcpOptions(Ctx, new CreateDhcpOptionsRequest
    {
        DhcpConfigurations = [new NewDhcpConfiguration { Key = "domain-name", Values = ["example.internal"] }],
    }).DhcpOptions;

    // AWS DescribeVpcAttribute/ModifyVpcAttribute: enableDnsSupport, enableDnsHostnames and
    // enableNetworkAddressUsageMetrics (off by default)
    // (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcAttribute.html).
    [Fact]
    public void VpcAttribute_NetworkAddressUsageMetrics_OffThenModified()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        DescribeVpcAttributeResult Describe() => lab.Cp.DescribeVpcAttribute(Ctx,
            new DescribeVpcAttributeRequest { VpcId = vpc.Id.Value, Attribute = "enableNetworkAddressUsageMetrics" });
        Assert.False(Describe().EnableNetworkAddressUsageMetrics!.Value);

        lab.Cp.ModifyVpcAttribute(Ctx, new ModifyVpcAttributeRequest { VpcId = vpc.Id.Value, EnableNetworkAddressUsageMetrics = true });

        var result = Describe();
        Assert.True(result.EnableNetworkAddressUsageMetrics!.Value);
        Assert.Null(result.EnableDnsSupport);
        lab.Fails(Ec2Errors.InvalidParameterCombinationCode, () => lab.Cp.ModifyVpcAttribute(Ctx,
            new ModifyVpcAttributeRequest { VpcId = vpc.Id.Value, EnableNetworkAddressUsageMetrics = false, EnableDnsSupport = true }));
    }

    // AWS CreateTags: "The IDs of the resources", DHCP options sets included; DescribeTags lists them as
    // dhcp-options (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateTags.html).
    [Fact]
    public void CreateTags_DhcpOptionsSet_TaggedAndDescribed()
    {
        var lab = new TestLab();
        var set = Dhcp(lab);

        lab.Cp.CreateTags(Ctx, new CreateTagsRequest { Resources = [set.Id], Tags = [new Tag { Key = "Name", Value = "corp" }] });

        var tag = Assert.Single(lab.Cp.DescribeTags(Ctx, new DescribeTagsRequest()).Tags);
        Assert.Equal((set.Id, "dhcp-options", "Name", "corp"), (tag.ResourceId, tag.ResourceType, tag.Key, tag.Value));
        lab.FailsWith("InvalidID", () => lab.Cp.CreateTags(RequestContext.For("222222222222"),
            new CreateTagsRequest { Resources = [set.Id], Tags = [new Tag { Key = "k", Value = "v" }] }));
    }

    // AWS DescribeVpcs filter dhcp-options-id: "The ID of a set of DHCP options"; a VPC with none shows "default"
    // (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcs.html).
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void DescribeVpcs_DhcpOptionsIdFilter_MatchesAssociation(bool associated)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var other = lab.Vpc("10.1.0.0/16");
        var set = Dhcp(lab);
        lab.Cp.AssociateDhcpOptions(Ctx, new AssociateDhcpOptionsRequest { DhcpOptionsId = set.Id, VpcId = vpc.Id.Value });

        var vpcs = lab.Cp.DescribeVpcs(Ctx, new DescribeVpcsRequest { Filters = [new Filter("dhcp-options-id", associated ? set.Id : "default")] }).Vpcs;

        Assert.Equal(associated ? vpc.Id : other.Id, Assert.Single(vpcs).Id);
    }

    public static TheoryData<string, bool> RuleFilters => new()
    {
        // AWS DescribeSecurityGroups filters egress.ip-permission.group-name / .user-id and ip-permission.*
        // (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSecurityGroups.html).
        { "egress.ip-permission.group-name", true },
        { "ip-permission.group-name", false },
        { "egress.ip-permission.user-id", true },
        { "ip-permission.user-id", false },
    };

    [Theory]
    [MemberData(nameof(RuleFilters))]
    public void DescribeSecurityGroups_PeerGroupFilters_MatchReferencingGroup(string filter, bool egress)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var db = lab.Group(vpc, "db");
        var app = lab.Group(vpc, "app");
        var permission = new IpPermission { IpProtocol = "tcp", FromPort = 5432, ToPort = 5432, UserIdGroupPairs = [new UserIdGroupPair { GroupId = db.Id.Value }] };
        if (egress)
            lab.Cp.AuthorizeSecurityGroupEgress(Ctx, new AuthorizeSecurityGroupEgressRequest { GroupId = app.Id.Value, IpPermissions = [permission] });
        else
            lab.Cp.AuthorizeSecurityGroupIngress(Ctx, new AuthorizeSecurityGroupIngressRequest { GroupId = app.Id.Value, IpPermissions = [permission] });
        var value = filter.EndsWith("group-name", StringComparison.Ordinal) ? "db" : db.OwnerId.Value;
        // The default group's self-reference also carries the account's user id: compare app and db only.

        var groups = lab.Cp.DescribeSecurityGroups(Ctx, new DescribeSecurityGroupsRequest { Filters = [new Filter(filter, value), new Filter("group-name", "app", "db")] }).SecurityGroups;

        Assert.Equal(app.Id, Assert.Single(groups).Id);
    }

    // AWS (DescribeSecurityGroupRules, group-id filter): a value that is no group id is InvalidGroupId.Malformed
    // "The security group ID 'x' is malformed"; a well-formed unknown id matches nothing
    // (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSecurityGroupRules.html).
    [Theory]
    [InlineData("foobar", "InvalidGroupId.Malformed")]
    [InlineData("sg-005216b55886f0fdc", null)]
    public void DescribeSecurityGroupRules_GroupIdFilter_Validated(string value, string? code)
    {
        var lab = new TestLab();
        lab.Vpc();
        var request = new DescribeSecurityGroupRulesRequest { Filters = [new Filter("group-id", value)] };
        if (code is null)
            Assert.Empty(lab.Cp.DescribeSecurityGroupRules(Ctx, request).SecurityGroupRules);
        else
            Assert.Equal($"The security group ID '{value}' is malformed", lab.FailsWith(code, () => lab.Cp.DescribeSecurityGroupRules(Ctx, request)).Message);
    }

    // AWS CreateVpc Ipv6CidrBlock: "You must also specify Ipv6Pool in the request"; the lab has no BYOIP pools
    // (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpc.html).
    [Theory]
    [InlineData("2600:1f18:1234:5600::/56", null, "MissingParameter")]
    [InlineData("2600:1f18:1234:5600::/56", "ipv6pool-ec2-0123456789abcdef0", "InvalidParameterValue")]
    public void CreateVpc_Ipv6CidrBlockWithoutUsablePool_Refused(string block, string? pool, string code)
    {
        var lab = new TestLab();
        lab.FailsWith(code, () => lab.Cp.CreateVpc(Ctx, new CreateVpcRequest { CidrBlock = "10.0.0.0/16", Ipv6CidrBlock = block, Ipv6Pool = pool }));
    }

    // AWS DeleteFlowLogs: ids that do not exist come back in Unsuccessful (InvalidFlowLogId.NotFound), the call
    // itself succeeds (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteFlowLogs.html).
    [Fact]
    public void DeleteFlowLogs_UnknownId_UnsuccessfulItem()
    {
        var lab = new TestLab();
        var item = Assert.Single(lab.Cp.DeleteFlowLogs(Ctx, new DeleteFlowLogsRequest { FlowLogIds = ["fl-0123456789abcdef0"] }).Unsuccessful);
        Assert.Equal(("fl-0123456789abcdef0", "InvalidFlowLogId.NotFound"), (item.ResourceId, item.Code));
    }

    // AWS CreateSecurityGroup GroupDescription: "Required: Yes"; an empty description is MissingParameter, also in
    // the default VPC (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html).
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void CreateSecurityGroup_NoDescription_MissingParameter(string? description)
    {
        var lab = new TestLab();
        lab.Cp.CreateDefaultVpc(Ctx, new CreateDefaultVpcRequest());
        lab.FailsWith("MissingParameter", () => lab.Cp.CreateSecurityGroup(Ctx, new CreateSecurityGroupRequest { GroupName = "web", Description = description }));
    }
    // Refusals whose code AWS's error reference gives and whose wording the peer suite matches word for word
    // (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html): DependencyViolation for an ACL
    // still associated with subnets, DefaultVpcAlreadyExists, CreateFlowLogs' InvalidParameter for an interval other
    // than 60 or 600 (API_CreateFlowLogs), UnsupportedTenancy ("You can change the tenancy of a VPC to default only").
    // Nothing changes.
    [Theory]
    [InlineData("DeleteNetworkAcl associated", "DependencyViolation", "The network ACL '{0}' has dependencies and cannot be deleted.")]
    [InlineData("CreateDefaultVpc twice", "DefaultVpcAlreadyExists", "A Default VPC already exists for this account in this region.")]
    [InlineData("CreateFlowLogs MaxAggregationInterval 10", "InvalidParameter", "Invalid Flow Log Max Aggregation Interval")]
    [InlineData("ModifyVpcTenancy unknown", "UnsupportedTenancy", "The tenancy value unknown is not supported.")]
    public void Refusal_AwsCodeAndWording_NothingChanged(string rule, string code, string message)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        string id = vpc.Id.Value;
        Func<object> refused;
        switch (rule)
        {
            case "DeleteNetworkAcl associated":
                var acl = lab.Cp.CreateNetworkAcl(Ctx, new CreateNetworkAclRequest { VpcId = vpc.Id.Value }).NetworkAcl;
                var subnet = lab.Subnet(vpc);
                lab.Cp.ReplaceNetworkAclAssociation(Ctx, new ReplaceNetworkAclAssociationRequest
                {
                    AssociationId = lab.N.NetworkAclFor(subnet.Id).Associations.Single(a => a.SubnetId == subnet.Id).Id.Value,
                    NetworkAclId = acl.Id.Value,
                });
                id = acl.Id.Value;
                refused = () => lab.Cp.DeleteNetworkAcl(Ctx, new DeleteNetworkAclRequest { NetworkAclId = acl.Id.Value });
                break;
            case "CreateDefaultVpc twice":
                lab.Cp.CreateDefaultVpc(Ctx, new CreateDefaultVpcRequest());
                refused = () => lab.Cp.CreateDefaultVpc(Ctx, new CreateDefaultVpcRequest());
                break;
            case "CreateFlowLogs MaxAggregationInterval 10":
                refused = () => lab.Cp.CreateFlowLogs(Ctx, new CreateFlowLogsRequest
                {
                    ResourceIds = [vpc.Id.Value], ResourceType = "VPC", TrafficType = "ALL", LogDestinationType = "s3",
                    LogDestination = "arn:aws:s3:::lab-logs", MaxAggregationInterval = 10,
                });
                break;
            case "ModifyVpcTenancy unknown":
                refused = () => lab.Cp.VpcTenancy.ModifyVpcTenancy(Ctx, new ModifyVpcTenancyRequest { VpcId = vpc.Id.Value, InstanceTenancy = "unknown" });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(rule), rule, null);
        }

        var error = lab.FailsWith(code, refused);

        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, id), error.Message);
    }
    // AWS CreateVpc CidrBlock: "We modify the specified CIDR block to its canonical form"; DescribeVpcs cidr: "The
    // CIDR block you specify must exactly match the VPC's CIDR block"
    // (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpc.html, API_DescribeVpcs.html): the form
    // the VPC was requested with, when not canonical, matches nothing.
    [Theory]
    [InlineData("45.67.0.0/16", true)]
    [InlineData("45.67.12.9/16", false)]
    public void DescribeVpcs_CidrFilter_ExactCanonicalMatchOnly(string value, bool matches)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc("45.67.12.9/16");

        var vpcs = lab.Cp.DescribeVpcs(Ctx, new DescribeVpcsRequest { Filters = [new Filter("cidr", value)] }).Vpcs;

        VpcId[] expected = matches ? [vpc.Id] : [];
        Assert.Equal(expected, vpcs.Select(v => v.Id));
    }
}
