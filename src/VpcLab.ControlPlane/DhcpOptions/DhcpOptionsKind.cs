using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The DHCP options row of <see cref="ResourceKinds"/>: dopt- ids, InvalidDhcpOptionsId.Malformed and
/// InvalidDhcpOptionID.NotFound, the owner rule, tag type "dhcp-options"; a set associated with a VPC cannot be
/// deleted (AWS: DependencyViolation).</summary>
public static class DhcpOptionsKind
{
    public static readonly ResourceKind<string, DhcpOptionsSet> Kind = new(
        "DHCP options set", IdPrefixes.DhcpOptions, "DhcpOptionsId", ResourceTypes.DhcpOptions, ResourceIdErrors.DhcpOptionsMalformed, ResourceIdErrors.DhcpOptionsNotFound,
        id => id, (n, id) => n.DhcpOptions.GetValueOrDefault(id), (d, c) => c.Owns(d.OwnerId, d.Region))
    {
        BlockedBy = [new("a VPC association", (w, d) => w.Any(IndexedKinds.Vpc, "dhcp-options-id", d.Id))],
    };
}
