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
    public const string DefaultDhcpOptionsId = "default";

    private static readonly string[] s_dhcpKeys = ["domain-name", "domain-name-servers", "ntp-servers", "netbios-name-servers", "netbios-node-type", "ipv6-address-preferred-lease-time"];

    private readonly Lock _dhcpGate = new();
    private DhcpState _dhcp = DhcpState.Empty;

    private sealed record DhcpState(ImmutableDictionary<string, DhcpOptionsSet> Sets, ImmutableDictionary<VpcId, string> Associations)
    {
        public static readonly DhcpState Empty = new(
            ImmutableDictionary<string, DhcpOptionsSet>.Empty.WithComparers(StringComparer.Ordinal), ImmutableDictionary<VpcId, string>.Empty);
    }

    /// <summary>Puts sets and VPC associations read from an account (vpclab import) in place, with their ids, beside
    /// the ones already here (docs/semantics.md#import-dhcp-options). Not an EC2 operation: no validation beyond
    /// keeping only associations of VPCs the snapshot holds to sets that exist.</summary>
    public void Restore(IEnumerable<DhcpOptionsSet> sets, IReadOnlyDictionary<VpcId, string> associations, Network network)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(associations);
        ArgumentNullException.ThrowIfNull(network);
        lock (_dhcpGate)
        {
            var setsById = _dhcp.Sets.SetItems(sets.Select(set => KeyValuePair.Create(set.Id, set)));
            var linked = associations.Where(a => network.Vpcs.ContainsKey(a.Key) && setsById.ContainsKey(a.Value));
            Volatile.Write(ref _dhcp, new DhcpState(setsById, _dhcp.Associations.SetItems(linked)));
        }
    }

    /// <summary>The DHCP options set id of a VPC as DescribeVpcs prints it ("default" when none).</summary>
    public string DhcpOptionsIdOf(VpcId vpc) => Volatile.Read(ref _dhcp).Associations.GetValueOrDefault(vpc, DefaultDhcpOptionsId);

    /// <summary>True when id is a DHCP options set of the caller's account and Region (CreateTags/DescribeTags:
    /// the sets live beside the network, not in it).</summary>
    internal bool IsOwnedBy(Transaction tx, string id) =>
        Volatile.Read(ref _dhcp).Sets.TryGetValue(id, out var set) && tx.Owned(set.OwnerId, set.Region);

    /// <summary>Runs a DHCP options mutation: the control plane's validation, ids and DryRun, then the side state
    /// swapped in under its own lock (taken before the control plane's, never after).</summary>
    private T MutateDhcp<T>(RequestContext ctx, bool? dryRun, Func<Transaction, DhcpState, (T Result, DhcpState State)> operation)
    {
        lock (_dhcpGate)
        {
            var current = _dhcp;
            var (result, state) = _state.Mutate(ctx, dryRun, tx => operation(tx, current));
            Volatile.Write(ref _dhcp, state);
            return result;
        }
    }

    private static DhcpOptionsSet DhcpSet(Transaction tx, DhcpState state, string? id)
    {
        if (string.IsNullOrEmpty(id))
            throw Ec2Errors.MissingParameter("DhcpOptionsId");
        if (!IdGenerator.IsWellFormed(id, IdPrefixes.DhcpOptions))
            throw Ec2Errors.DhcpOptionsMalformed(id);
        return state.Sets.TryGetValue(id, out var set) && tx.Owned(set.OwnerId, set.Region)
            ? set : throw Ec2Errors.DhcpOptionsNotFound(id);
    }

    /// <summary>AWS: known keys only, each at most once, each with at least one value; at most four servers per
    /// server list; netbios-node-type 1, 2, 4 or 8.</summary>
    public CreateDhcpOptionsResult CreateDhcpOptions(RequestContext ctx, CreateDhcpOptionsRequest request) =>
        MutateDhcp(ctx, request.DryRun, (tx, state) =>
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
            tx.ApplyTagSpecifications(request.TagSpecifications, "dhcp-options", set.Id);
            return (new CreateDhcpOptionsResult(set), state with { Sets = state.Sets.Add(set.Id, set) });
        });

    /// <summary>AWS: a set associated with any VPC cannot be deleted (DependencyViolation).</summary>
    public EmptyResult DeleteDhcpOptions(RequestContext ctx, DeleteDhcpOptionsRequest request) =>
        MutateDhcp(ctx, request.DryRun, (tx, state) =>
        {
            var set = DhcpSet(tx, state, request.DhcpOptionsId);
            if (state.Associations.Any(a => a.Value == set.Id && tx.N.Vpcs.ContainsKey(a.Key)))
                throw Ec2Errors.DependencyViolation($"The dhcpOptions '{set.Id}' has dependencies and cannot be deleted.");
            tx.RemoveTags(set.Id);
            return (EmptyResult.Instance, state with { Sets = state.Sets.Remove(set.Id) });
        });

    public EmptyResult AssociateDhcpOptions(RequestContext ctx, AssociateDhcpOptionsRequest request) =>
        MutateDhcp(ctx, request.DryRun, (tx, state) =>
        {
            var vpc = tx.Require(ResourceKinds.Vpc, request.VpcId);
            if (request.DhcpOptionsId == DefaultDhcpOptionsId)
                return (EmptyResult.Instance, state with { Associations = state.Associations.Remove(vpc.Id) });
            var set = DhcpSet(tx, state, request.DhcpOptionsId);
            return (EmptyResult.Instance, state with { Associations = state.Associations.SetItem(vpc.Id, set.Id) });
        });

    public DescribeDhcpOptionsResult DescribeDhcpOptions(RequestContext ctx, DescribeDhcpOptionsRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var state = Volatile.Read(ref _dhcp);
            var all = state.Sets.Values.Where(s => tx.Owned(s.OwnerId, s.Region));
            var selected = Transaction.ByIds(request.DhcpOptionsIds, all, id => DhcpSet(tx, state, id));
            var schema = new FilterSchema<DhcpOptionsSet>(s => s.Id)
                .Add("dhcp-options-id", s => s.Id)
                .Add("owner-id", s => s.OwnerId.Value)
                .AddMany("key", s => s.Configurations.Select(c => c.Key))
                .AddMany("value", s => s.Configurations.SelectMany(c => c.Value));
            return new DescribeDhcpOptionsResult([.. schema.Apply(selected, request.Filters, tx.N).OrderBy(s => s.Id, StringComparer.Ordinal)]);
        });
}
