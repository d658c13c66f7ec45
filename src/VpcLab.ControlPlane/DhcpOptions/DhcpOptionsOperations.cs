using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The DhcpOptions operations.</summary>
public sealed class DhcpOptionsOperations
{
    private readonly ControlPlaneState _state;

    internal DhcpOptionsOperations(ControlPlaneState state)
    {
        _state = state;
    }

    /// <summary>The value AWS prints for a VPC associated with no DHCP options set.</summary>
    public const string DefaultDhcpOptionsId = Vpc.DefaultDhcpOptionsId;

    private static readonly string[] s_dhcpKeys = ["domain-name", "domain-name-servers", "ntp-servers", "netbios-name-servers", "netbios-node-type", "ipv6-address-preferred-lease-time"];

    /// <summary>Puts sets and VPC associations read from an account (vpclab import) in place, with their ids, beside
    /// the ones already here (docs/semantics.md#import-dhcp-options). Not an EC2 operation: no validation beyond
    /// keeping only associations of VPCs the snapshot holds to sets that exist. Under the lock of every mutation, with
    /// the index kept in step.</summary>
    public void Restore(IEnumerable<DhcpOptionsSet> sets, IReadOnlyDictionary<VpcId, string> associations)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(associations);
        _state.Restore(tx =>
        {
            foreach (var set in sets)
                tx.Put(set);
            foreach (var (vpcId, setId) in associations.OrderBy(a => a.Key.Value, StringComparer.Ordinal))
            {
                if (tx.N.Vpcs.TryGetValue(vpcId, out var vpc) && tx.N.DhcpOptions.ContainsKey(setId))
                    tx.Put(vpc with { DhcpOptionsId = setId });
            }
        });
    }

    /// <summary>The DHCP options set id of a VPC as DescribeVpcs prints it ("default" when none or no such VPC).</summary>
    public string DhcpOptionsIdOf(VpcId vpc) => _state.Network.Vpcs.TryGetValue(vpc, out var v) ? v.DhcpOptionsId : DefaultDhcpOptionsId;

    /// <summary>AWS: known keys only, each at most once, each with at least one value; at most four servers per
    /// server list; netbios-node-type 1, 2, 4 or 8.</summary>
    public CreateDhcpOptionsResult CreateDhcpOptions(RequestContext ctx, CreateDhcpOptionsRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            if (request.DhcpConfigurations is not { Count: > 0 } configurations)
                throw Ec2Errors.MissingParameter("DhcpConfiguration");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var items = ImmutableArray.CreateBuilder<KeyValuePair<string, ImmutableArray<string>>>();
            foreach (var c in configurations)
            {
                var key = c.Key ?? throw Ec2Errors.MissingParameter("DhcpConfiguration.Key");
                if (!s_dhcpKeys.Contains(key, StringComparer.Ordinal))
                    throw Ec2Errors.InvalidParameterValue($"Value ({key}) for parameter dhcpConfiguration.key is invalid. Unknown DHCP option");
                if (!seen.Add(key))
                    throw Ec2Errors.InvalidParameterValue($"The DHCP option {key} is specified more than once");
                var values = (c.Values ?? []).ToImmutableArray();
                if (values.IsEmpty)
                    throw Ec2Errors.InvalidParameterValue($"Value for parameter dhcpConfiguration.{key} is invalid. It must have at least one value");
                if (key is "domain-name-servers" or "ntp-servers" or "netbios-name-servers" && values.Length > 4)
                    throw Ec2Errors.InvalidParameterValue($"Value for parameter {key} is invalid. At most 4 values are allowed");
                if (key == "netbios-node-type" && (values.Length != 1 || values[0] is not ("1" or "2" or "4" or "8")))
                    throw Ec2Errors.InvalidParameterValue($"Value ({string.Join(",", values)}) for parameter netbios-node-type is invalid. Valid values: 1, 2, 4, 8");
                items.Add(KeyValuePair.Create(key, values));
            }
            var set = new DhcpOptionsSet(tx.NewId(IdPrefixes.DhcpOptions), tx.Account, tx.RegionName, items.ToImmutable());
            tx.Put(set);
            tx.ApplyTagSpecifications(request.TagSpecifications, ResourceTypes.DhcpOptions, set.Id);
            return new CreateDhcpOptionsResult(set);
        });

    /// <summary>AWS: a set associated with any VPC cannot be deleted (DependencyViolation).</summary>
    public EmptyResult DeleteDhcpOptions(RequestContext ctx, DeleteDhcpOptionsRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var set = tx.Require(DhcpOptionsKind.Kind, request.DhcpOptionsId);
            if (DhcpOptionsKind.Kind.FirstBlocker(tx.World, set) is not null)
                throw Ec2Errors.DependencyViolation($"The dhcpOptions '{set.Id}' has dependencies and cannot be deleted.");
            tx.RemoveTags(set.Id);
            tx.RemoveDhcpOptions(set.Id);
            return EmptyResult.Instance;
        });

    /// <summary>DhcpOptionsId "default" leaves the VPC with no set.</summary>
    public EmptyResult AssociateDhcpOptions(RequestContext ctx, AssociateDhcpOptionsRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var vpc = tx.Require(ResourceKinds.Vpc, request.VpcId);
            var id = request.DhcpOptionsId == DefaultDhcpOptionsId ? DefaultDhcpOptionsId : tx.Require(DhcpOptionsKind.Kind, request.DhcpOptionsId).Id;
            tx.Put(vpc with { DhcpOptionsId = id });
            return EmptyResult.Instance;
        });

    public DescribeDhcpOptionsResult DescribeDhcpOptions(RequestContext ctx, DescribeDhcpOptionsRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var named = Transaction.Named(request.DhcpOptionsIds, id => tx.Require(DhcpOptionsKind.Kind, id));
            return new DescribeDhcpOptionsResult([.. new FilterSchema<DhcpOptionsSet>(IndexedKinds.DhcpOptions).Select(tx, request.Filters, named)]);
        });
}
