using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Tests;

public sealed class NetworkAclTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    private static (TestLab Lab, Vpc Vpc, NetworkAcl Acl) Setup()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc(ipv6: true);
        var acl = lab.Cp.CreateNetworkAcl(Ctx, new CreateNetworkAclRequest { VpcId = vpc.Id.Value }).NetworkAcl;
        return (lab, vpc, acl);
    }

    private static CreateNetworkAclEntryRequest Entry(NetworkAcl acl, int number, string protocol = "6", bool egress = false,
        string? cidr = "0.0.0.0/0", string? ipv6 = null, int? from = 443, int? to = 443, int? type = null, int? code = null) => new()
        {
            NetworkAclId = acl.Id.Value,
            RuleNumber = number,
            Protocol = protocol,
            RuleAction = "allow",
            Egress = egress,
            CidrBlock = cidr,
            Ipv6CidrBlock = ipv6,
            PortRange = from is null && to is null ? null : new PortRangeRequest { From = from, To = to },
            IcmpTypeCode = type is null && code is null ? null : new IcmpTypeCodeRequest { Type = type, Code = code },
        };

    // AWS: a custom ACL has no entries (denies everything) and is not associated.
    [Fact]
    public void CreateNetworkAcl_Custom_EmptyAndUnassociated()
    {
        var (_, _, acl) = Setup();
        Assert.Empty(acl.Entries);
        Assert.Empty(acl.Associations);
        Assert.False(acl.IsDefault);
        Assert.Matches("^acl-0[0-9a-f]{16}$", acl.Id.Value);
    }

    // AWS: rule numbers 1–32766.
    [Theory]
    [InlineData(0)]
    [InlineData(32767)]
    [InlineData(-5)]
    public void CreateNetworkAclEntry_RuleNumberOutOfRange_InvalidParameterValue(int number)
    {
        var (lab, _, acl) = Setup();
        lab.Fails(Ec2Errors.InvalidParameterValueCode, () => lab.Cp.CreateNetworkAclEntry(Ctx, Entry(acl, number)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(32766)]
    public void CreateNetworkAclEntry_RuleNumberAtBounds_Created(int number)
    {
        var (lab, _, acl) = Setup();
        lab.Cp.CreateNetworkAclEntry(Ctx, Entry(acl, number));
        Assert.Equal(number, Assert.Single(lab.N.NetworkAcls[acl.Id].Entries).RuleNumber);
    }

    // AWS: same number and direction twice is NetworkAclEntryAlreadyExists; the other direction is separate.
    [Fact]
    public void CreateNetworkAclEntry_SameNumberSameDirection_AlreadyExists()
    {
        var (lab, _, acl) = Setup();
        lab.Cp.CreateNetworkAclEntry(Ctx, Entry(acl, 100));
        var error = lab.Fails(NetworkAclErrors.NetworkAclEntryAlreadyExistsCode, () => lab.Cp.CreateNetworkAclEntry(Ctx, Entry(acl, 100, cidr: "10.0.0.0/8")));
        Assert.Equal("The network acl entry identified by 100 already exists.", error.Message);
        lab.Cp.CreateNetworkAclEntry(Ctx, Entry(acl, 100, egress: true));
    }

    // AWS: PortRange required for TCP/UDP; Icmp required for ICMP and for ICMPv6 with IPv6; ignored otherwise.
    [Theory]
    [InlineData("6", null, null, null, null, "0.0.0.0/0", null, "MissingParameter")]
    [InlineData("17", 100, 50, null, null, "0.0.0.0/0", null, "InvalidParameterValue")]
    [InlineData("1", null, null, null, null, "0.0.0.0/0", null, "MissingParameter")]
    [InlineData("58", null, null, null, null, null, "::/0", "MissingParameter")]
    [InlineData("tcpx", 1, 2, null, null, "0.0.0.0/0", null, "InvalidParameterValue")]
    [InlineData("6", 1, 2, null, null, "0.0.0.0/0", "::/0", "InvalidParameterCombination")]
    [InlineData("6", 1, 2, null, null, "::/0", null, "InvalidParameterValue")]
    public void CreateNetworkAclEntry_BadFields_Refused(string protocol, int? from, int? to, int? type, int? code, string? cidr, string? ipv6, string expected)
    {
        var (lab, _, acl) = Setup();
        var before = lab.N;
        lab.FailsWith(expected, () => lab.Cp.CreateNetworkAclEntry(Ctx, Entry(acl, 10, protocol, cidr: cidr, ipv6: ipv6, from: from, to: to, type: type, code: code)));
        Assert.Same(before, lab.N);
    }

    [Theory]
    [InlineData("-1", true, false)]
    [InlineData("50", false, false)]
    [InlineData("1", false, true)]
    public void CreateNetworkAclEntry_PortsOrIcmpOnlyWhereTheyApply(string protocol, bool isAll, bool hasIcmp)
    {
        var (lab, _, acl) = Setup();
        lab.Cp.CreateNetworkAclEntry(Ctx, Entry(acl, 10, protocol, from: 1, to: 2, type: hasIcmp ? 8 : null, code: hasIcmp ? -1 : null));
        var entry = lab.N.NetworkAcls[acl.Id].Entries.Single();
        Assert.Null(entry.PortRange);
        Assert.Equal(isAll, entry.Protocol.IsAll);
        Assert.Equal(hasIcmp ? new IcmpTypeCode(8, -1) : null, entry.Icmp);
    }

    [Fact]
    public void CreateNetworkAclEntry_Ipv6Entry_Stored()
    {
        var (lab, _, acl) = Setup();
        lab.Cp.CreateNetworkAclEntry(Ctx, Entry(acl, 20, cidr: null, ipv6: "::/0", from: 1024, to: 65535));
        var entry = lab.N.NetworkAcls[acl.Id].Entries.Single();
        Assert.Equal(Cidr.AnyV6, entry.Cidr);
        Assert.Equal(new PortRange(1024, 65535), entry.PortRange);
    }

    // AWS: ReplaceNetworkAclEntry needs the entry (InvalidNetworkAclEntry.NotFound); DeleteNetworkAclEntry too.
    [Fact]
    public void ReplaceAndDeleteNetworkAclEntry_Missing_NotFound()
    {
        var (lab, _, acl) = Setup();
        var e = Entry(acl, 7);
        lab.Fails(NetworkAclErrors.InvalidNetworkAclEntryNotFound, () => lab.Cp.ReplaceNetworkAclEntry(Ctx, new ReplaceNetworkAclEntryRequest
        {
            NetworkAclId = e.NetworkAclId, RuleNumber = 7, Protocol = "-1", RuleAction = "deny", Egress = false, CidrBlock = "0.0.0.0/0",
        }));
        lab.Fails(NetworkAclErrors.InvalidNetworkAclEntryNotFound, () => lab.Cp.DeleteNetworkAclEntry(Ctx, new DeleteNetworkAclEntryRequest
        {
            NetworkAclId = acl.Id.Value, RuleNumber = 7, Egress = false,
        }));
    }

    [Fact]
    public void ReplaceNetworkAclEntry_Existing_Replaced()
    {
        var (lab, _, acl) = Setup();
        lab.Cp.CreateNetworkAclEntry(Ctx, Entry(acl, 7));
        lab.Cp.ReplaceNetworkAclEntry(Ctx, new ReplaceNetworkAclEntryRequest
        {
            NetworkAclId = acl.Id.Value, RuleNumber = 7, Protocol = "-1", RuleAction = "deny", Egress = false, CidrBlock = "0.0.0.0/0",
        });
        var entry = lab.N.NetworkAcls[acl.Id].Entries.Single();
        Assert.Equal((RuleAction.Deny, true), (entry.Action, entry.Protocol.IsAll));
        lab.Cp.DeleteNetworkAclEntry(Ctx, new DeleteNetworkAclEntryRequest { NetworkAclId = acl.Id.Value, RuleNumber = 7, Egress = false });
        Assert.Empty(lab.N.NetworkAcls[acl.Id].Entries);
    }

    // AWS (amazon-vpc-limits, "Rules per network ACL"): 20 per direction and family by default, the default deny
    // rule included, so 19 numbered rules fit.
    [Fact]
    public void CreateNetworkAclEntry_QuotaReached_NetworkAclEntryLimitExceeded()
    {
        var (lab, _, acl) = Setup();
        for (int i = 1; i <= 19; i++)
            lab.Cp.CreateNetworkAclEntry(Ctx, Entry(acl, i));
        lab.Fails(NetworkAclErrors.NetworkAclEntryLimitExceededCode, () => lab.Cp.CreateNetworkAclEntry(Ctx, Entry(acl, 20)));
        lab.Cp.CreateNetworkAclEntry(Ctx, Entry(acl, 20, egress: true));
    }

    // AWS: ReplaceNetworkAclAssociation moves a subnet to another ACL with a new aclassoc- id.
    [Fact]
    public void ReplaceNetworkAclAssociation_Subnet_MovesToCustomAcl()
    {
        var (lab, vpc, acl) = Setup();
        var subnet = lab.Subnet(vpc);
        var old = lab.N.NetworkAclFor(subnet.Id).Associations.Single(a => a.SubnetId == subnet.Id);
        var result = lab.Cp.ReplaceNetworkAclAssociation(Ctx, new ReplaceNetworkAclAssociationRequest { AssociationId = old.Id.Value, NetworkAclId = acl.Id.Value });
        Assert.StartsWith("aclassoc-", result.NewAssociationId, StringComparison.Ordinal);
        Assert.NotEqual(old.Id.Value, result.NewAssociationId);
        Assert.Equal(acl.Id, lab.N.NetworkAclFor(subnet.Id).Id);
        lab.Fails(RouteTableErrors.InvalidAssociationIdNotFound, () => lab.Cp.ReplaceNetworkAclAssociation(Ctx,
            new ReplaceNetworkAclAssociationRequest { AssociationId = old.Id.Value, NetworkAclId = acl.Id.Value }));
    }

    [Fact]
    public void ReplaceNetworkAclAssociation_AclOfOtherVpc_InvalidParameterValue()
    {
        var (lab, vpc, _) = Setup();
        var subnet = lab.Subnet(vpc);
        var foreign = lab.Cp.CreateNetworkAcl(Ctx, new CreateNetworkAclRequest { VpcId = lab.Vpc("10.1.0.0/16").Id.Value }).NetworkAcl;
        var old = lab.N.NetworkAclFor(subnet.Id).Associations.Single();
        lab.Fails(Ec2Errors.InvalidParameterValueCode, () => lab.Cp.ReplaceNetworkAclAssociation(Ctx,
            new ReplaceNetworkAclAssociationRequest { AssociationId = old.Id.Value, NetworkAclId = foreign.Id.Value }));
    }

    // AWS: the default ACL cannot be deleted; a custom ACL not while associated.
    [Fact]
    public void DeleteNetworkAcl_DefaultOrAssociated_Refused()
    {
        var (lab, vpc, acl) = Setup();
        var subnet = lab.Subnet(vpc);
        var defaultAcl = lab.N.NetworkAclFor(subnet.Id);
        lab.Fails(Ec2Errors.InvalidParameterValueCode, () => lab.Cp.DeleteNetworkAcl(Ctx, new DeleteNetworkAclRequest { NetworkAclId = defaultAcl.Id.Value }));
        lab.Cp.ReplaceNetworkAclAssociation(Ctx, new ReplaceNetworkAclAssociationRequest { AssociationId = defaultAcl.Associations[0].Id.Value, NetworkAclId = acl.Id.Value });
        lab.Fails(Ec2Errors.DependencyViolationCode, () => lab.Cp.DeleteNetworkAcl(Ctx, new DeleteNetworkAclRequest { NetworkAclId = acl.Id.Value }));
    }

    [Theory]
    [InlineData("acl-1", "InvalidNetworkAclId.Malformed")]
    [InlineData("acl-0123456789abcdef0", "InvalidNetworkAclID.NotFound")]
    public void DeleteNetworkAcl_BadId_MalformedOrNotFound(string id, string code)
    {
        var lab = new TestLab();
        lab.FailsWith(code, () => lab.Cp.DeleteNetworkAcl(Ctx, new DeleteNetworkAclRequest { NetworkAclId = id }));
    }

    [Fact]
    public void DescribeNetworkAcls_FilterDefaultAndSubnet_Matches()
    {
        var (lab, vpc, _) = Setup();
        var subnet = lab.Subnet(vpc);
        var acls = lab.Cp.DescribeNetworkAcls(Ctx, new DescribeNetworkAclsRequest
        {
            Filters = [new Filter("default", "true"), new Filter("association.subnet-id", subnet.Id.Value)],
        }).NetworkAcls;
        Assert.True(Assert.Single(acls).IsDefault);
    }
}
