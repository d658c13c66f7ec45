using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The domain-name attribute of Elastic IPs, the reverse DNS (PTR) record AWS serves for the address
/// (docs/semantics.md#addresses-attribute): ModifyAddressAttribute sets it, ResetAddressAttribute removes it,
/// DescribeAddressesAttribute lists the addresses that have one. Both changes answer the update PENDING, as AWS's
/// examples show, and are complete when next read (choice: AWS applies them within moments and names no time).</summary>
public sealed class AddressAttributeOperations
{
    /// <summary>The one value of AddressAttributeName.</summary>
    public const string DomainName = "domain-name";

    private readonly ControlPlaneState _state;

    internal AddressAttributeOperations(ControlPlaneState state)
    {
        _state = state;
    }

    /// <summary>The addresses named (each must be the caller's) or all of the caller's, of which only those with a
    /// reverse DNS record are listed: Terraform's aws_eip reads "no item" as no record, and its aws_eip_domain_name
    /// waits after a reset until the address is no longer listed.</summary>
    public DescribeAddressesAttributeResult DescribeAddressesAttribute(RequestContext ctx, DescribeAddressesAttributeRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            CheckAttribute(request.Attribute, required: false);
            IEnumerable<ElasticIpAddress> selected = request.AllocationIds is { Count: > 0 } ids
                ? ids.Distinct(StringComparer.Ordinal).Select(id => tx.Require(ResourceKinds.ElasticIp, id)).ToList()
                : tx.Mine(IndexedKinds.ElasticIp);
            return new DescribeAddressesAttributeResult([.. selected.Where(e => e.PtrRecord is not null).Select(e => Attribute(e, null))]);
        });

    /// <summary>DomainName is "the domain name to modify for the IP address"; the lab requires one (an empty name is
    /// ResetAddressAttribute's job) and checks its shape. AWS also wants a forward (A) record of the name pointing at
    /// the address first, which the lab, having no public DNS, cannot check.</summary>
    public AddressAttribute ModifyAddressAttribute(RequestContext ctx, ModifyAddressAttributeRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var eip = Require(tx, request.AllocationId);
            if (string.IsNullOrEmpty(request.DomainName))
                throw Ec2Errors.MissingParameter("DomainName");
            if (!DomainNames.IsValid(request.DomainName))
                throw Ec2Errors.InvalidParameterValue($"Value ({request.DomainName}) for parameter domainName is invalid. It must be a fully qualified domain name.");
            var ptr = DomainNames.Canonical(request.DomainName) + ".";
            tx.Put(eip with { PtrRecord = ptr });
            return Attribute(eip, new PtrRecordUpdate(ptr, PtrRecordUpdate.Pending));
        });

    /// <summary>Attribute is required and is domain-name. Choice: resetting an address without a record succeeds and
    /// changes nothing (AWS documents no error for it).</summary>
    public AddressAttribute ResetAddressAttribute(RequestContext ctx, ResetAddressAttributeRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var eip = Require(tx, request.AllocationId);
            CheckAttribute(request.Attribute, required: true);
            if (eip.PtrRecord is null)
                return Attribute(eip, null);
            tx.Put(eip with { PtrRecord = null });
            return Attribute(eip, new PtrRecordUpdate(null, PtrRecordUpdate.Pending));
        });

    private static ElasticIpAddress Require(Transaction tx, string? allocationId) =>
        tx.Require(ResourceKinds.ElasticIp, allocationId ?? throw Ec2Errors.MissingParameter("AllocationId"));

    private static void CheckAttribute(string? attribute, bool required)
    {
        if (attribute is null && required)
            throw Ec2Errors.MissingParameter("Attribute");
        if (attribute is not (null or DomainName))
            throw Ec2Errors.InvalidParameterValue($"Value ({attribute}) for parameter attribute is invalid. Valid values: {DomainName}");
    }

    /// <summary>The address as AddressAttribute shows it: its record before the change, and the change on its way.</summary>
    private static AddressAttribute Attribute(ElasticIpAddress e, PtrRecordUpdate? update) =>
        new(e.AllocationId.Value, e.PublicIp.ToString(), e.PtrRecord, update);
}
