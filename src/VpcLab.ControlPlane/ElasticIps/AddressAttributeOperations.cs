using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>DescribeAddressesAttribute (docs/semantics.md#addresses-attribute): the domain-name attribute of the
/// caller's Elastic IPs. The lab sets no reverse DNS (ModifyAddressAttribute is not served), so each address is
/// listed with its allocation id and public IP and without a PTR record.</summary>
public sealed class AddressAttributeOperations
{
    /// <summary>The one value of AddressAttributeName.</summary>
    public const string DomainName = "domain-name";

    private readonly ControlPlaneState _state;

    internal AddressAttributeOperations(ControlPlaneState state)
    {
        _state = state;
    }

    public DescribeAddressesAttributeResult DescribeAddressesAttribute(RequestContext ctx, DescribeAddressesAttributeRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            if (request.Attribute is not (null or DomainName))
                throw Ec2Errors.InvalidParameterValue($"Value ({request.Attribute}) for parameter attribute is invalid. Valid values: {DomainName}");
            IEnumerable<ElasticIpAddress> selected = request.AllocationIds is { Count: > 0 } ids
                ? ids.Distinct(StringComparer.Ordinal).Select(id => tx.Require(ResourceKinds.ElasticIp, id)).ToList()
                : tx.N.ElasticIps.Values.Where(e => tx.Owned(e.OwnerId, e.Region));
            return new DescribeAddressesAttributeResult([.. selected.Select(e => new AddressAttribute(e.AllocationId.Value, e.PublicIp.ToString(), null))]);
        });
}
