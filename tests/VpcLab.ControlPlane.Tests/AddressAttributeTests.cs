using VpcLab.ControlPlane.Errors;

namespace VpcLab.ControlPlane.Tests;

/// <summary>The domain-name attribute of Elastic IPs (docs/semantics.md#addresses-attribute): ModifyAddressAttribute,
/// ResetAddressAttribute and DescribeAddressesAttribute agree on one PTR record per address.</summary>
public sealed class AddressAttributeTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    // API_ModifyAddressAttribute and the AWS CLI example: the answer carries the record as it was and the update PENDING;
    // the next DescribeAddressesAttribute shows the new record and no update (the change is complete).
    [Fact]
    public void ModifyAddressAttribute_DomainName_PendingThenDescribed()
    {
        var lab = new TestLab();
        var eip = lab.Eip();
        var first = lab.Cp.AddressAttributes.ModifyAddressAttribute(Ctx, new ModifyAddressAttributeRequest { AllocationId = eip.AllocationId.Value, DomainName = "Mail.Example.com" });
        Assert.Null(first.PtrRecord);
        Assert.Equal(new PtrRecordUpdate("mail.example.com.", PtrRecordUpdate.Pending), first.Update);
        var second = lab.Cp.AddressAttributes.ModifyAddressAttribute(Ctx, new ModifyAddressAttributeRequest { AllocationId = eip.AllocationId.Value, DomainName = "smtp.example.com." });
        Assert.Equal("mail.example.com.", second.PtrRecord);
        Assert.Equal("smtp.example.com.", second.Update!.Value);
        var described = Assert.Single(lab.Cp.AddressAttributes.DescribeAddressesAttribute(Ctx, new DescribeAddressesAttributeRequest { Attribute = "domain-name" }).Addresses);
        Assert.Equal(new AddressAttribute(eip.AllocationId.Value, eip.PublicIp.ToString(), "smtp.example.com.", null), described);
    }

    // Terraform's aws_eip_domain_name waits after ResetAddressAttribute until the address is no longer listed, and
    // aws_eip reads "no item" as no record: only addresses with a record are listed, named or not.
    [Fact]
    public void ResetAddressAttribute_Record_PendingThenNotListed()
    {
        var lab = new TestLab();
        var (kept, reset, never) = (lab.Eip(), lab.Eip(), lab.Eip());
        foreach (var e in new[] { kept, reset })
            lab.Cp.AddressAttributes.ModifyAddressAttribute(Ctx, new ModifyAddressAttributeRequest { AllocationId = e.AllocationId.Value, DomainName = "a.example.com" });
        var answer = lab.Cp.AddressAttributes.ResetAddressAttribute(Ctx, new ResetAddressAttributeRequest { AllocationId = reset.AllocationId.Value, Attribute = "domain-name" });
        Assert.Equal("a.example.com.", answer.PtrRecord);
        Assert.Equal(PtrRecordUpdate.Pending, answer.Update!.Status);
        var all = lab.Cp.AddressAttributes.DescribeAddressesAttribute(Ctx, new DescribeAddressesAttributeRequest());
        Assert.Equal([kept.AllocationId.Value], all.Addresses.Select(a => a.AllocationId));
        var named = lab.Cp.AddressAttributes.DescribeAddressesAttribute(Ctx, new DescribeAddressesAttributeRequest
        {
            AllocationIds = [reset.AllocationId.Value, never.AllocationId.Value],
        });
        Assert.Empty(named.Addresses);
        // Choice: resetting an address without a record changes nothing and answers no update.
        Assert.Null(lab.Cp.AddressAttributes.ResetAddressAttribute(Ctx, new ResetAddressAttributeRequest { AllocationId = never.AllocationId.Value, Attribute = "domain-name" }).Update);
    }

    // EC2 User Guide, "Use reverse DNS for email applications": an address with a reverse DNS record "is locked to your
    // account and cannot be released from your account until the record is removed".
    [Fact]
    public void ReleaseAddress_WithReverseDns_LockedUntilReset()
    {
        var lab = new TestLab();
        var eip = lab.Eip();
        lab.Cp.AddressAttributes.ModifyAddressAttribute(Ctx, new ModifyAddressAttributeRequest { AllocationId = eip.AllocationId.Value, DomainName = "mail.example.com" });
        var error = lab.Fails(ElasticIpErrors.InvalidIpAddressInUse, () => lab.Cp.ReleaseAddress(Ctx, new ReleaseAddressRequest { AllocationId = eip.AllocationId.Value }));
        Assert.Contains("locked to your account", error.Message, StringComparison.Ordinal);
        lab.Cp.AddressAttributes.ResetAddressAttribute(Ctx, new ResetAddressAttributeRequest { AllocationId = eip.AllocationId.Value, Attribute = "domain-name" });
        lab.Cp.ReleaseAddress(Ctx, new ReleaseAddressRequest { AllocationId = eip.AllocationId.Value });
        Assert.Empty(lab.N.ElasticIps);
    }

    // API_ModifyAddressAttribute / API_ResetAddressAttribute: AllocationId required and the caller's; DomainName a
    // domain name (the lab also requires it); ResetAddressAttribute's Attribute required, its one value domain-name.
    public static TheoryData<string, string?, string?, string?, string> Refusals() => new()
    {
        { "modify", null, "mail.example.com", null, "MissingParameter" },
        { "modify", "eipalloc-0123456789abcdef0", "mail.example.com", null, "InvalidAllocationID.NotFound" },
        { "modify", "self", null, null, "MissingParameter" },
        { "modify", "self", "", null, "MissingParameter" },
        { "modify", "self", "not a name", null, "InvalidParameterValue" },
        { "modify", "self", "-bad.example.com", null, "InvalidParameterValue" },
        { "modify", "self", new string('a', 64) + ".example.com", null, "InvalidParameterValue" },
        { "reset", "self", null, null, "MissingParameter" },
        { "reset", "self", null, "ptr-record", "InvalidParameterValue" },
        { "reset", null, null, "domain-name", "MissingParameter" },
        { "describe", null, null, "ptr-record", "InvalidParameterValue" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void AddressAttribute_BadRequest_RefusedWithAwsCode(string action, string? allocationId, string? domainName, string? attribute, string code)
    {
        var lab = new TestLab();
        var eip = lab.Eip();
        var id = allocationId == "self" ? eip.AllocationId.Value : allocationId;
        var ops = lab.Cp.AddressAttributes;
        lab.FailsWith(code, action switch
        {
            "modify" => () => ops.ModifyAddressAttribute(Ctx, new ModifyAddressAttributeRequest { AllocationId = id, DomainName = domainName }),
            "reset" => () => ops.ResetAddressAttribute(Ctx, new ResetAddressAttributeRequest { AllocationId = id, Attribute = attribute }),
            _ => () => ops.DescribeAddressesAttribute(Ctx, new DescribeAddressesAttributeRequest { Attribute = attribute }),
        });
    }
}
