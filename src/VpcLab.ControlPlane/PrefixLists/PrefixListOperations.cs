using System.Collections.Immutable;
using System.Globalization;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

/// <summary>The PrefixLists operations.</summary>
public sealed class PrefixListOperations
{
    private readonly ControlPlaneState _state;

    internal PrefixListOperations(ControlPlaneState state)
    {
        _state = state;
    }

    public const int MaxPrefixListEntries = 1000;

    public CreateManagedPrefixListResult CreateManagedPrefixList(RequestContext ctx, CreateManagedPrefixListRequest request) =>
        _state.MutateIdempotent(ctx, request.DryRun, request.ClientToken, nameof(CreateManagedPrefixList), request, tx =>
        {
            var name = CheckPrefixListName(request.PrefixListName ?? throw Ec2Errors.MissingParameter("PrefixListName"));
            var family = request.AddressFamily switch
            {
                "IPv4" => IpFamily.V4,
                "IPv6" => IpFamily.V6,
                null => throw Ec2Errors.MissingParameter("AddressFamily"),
                var other => throw Ec2Errors.InvalidParameterValue($"Value ({other}) for parameter addressFamily is invalid. Valid values: IPv4, IPv6"),
            };
            int max = request.MaxEntries ?? throw Ec2Errors.MissingParameter("MaxEntries");
            if (max is < 1 or > MaxPrefixListEntries)
                throw Ec2Errors.InvalidParameterValue($"Value ({max}) for parameter maxEntries is invalid. Must be between 1 and {MaxPrefixListEntries}.");
            var entries = ParsePrefixListEntries(request.Entries, family, []);
            if (entries.Count > max)
                throw PrefixListErrors.PrefixListMaxEntriesExceeded(max);
            if (tx.AtRegionQuota(IndexedKinds.PrefixList, tx.Quotas.PrefixListsPerRegion))
                throw PrefixListErrors.PrefixListLimitExceeded();
            var list = new ManagedPrefixList(new PrefixListId(tx.NewId(IdPrefixes.PrefixList)), tx.Account.Value, tx.RegionName, name, family,
                [.. entries], max, 1);
            tx.Put(list);
            tx.ApplyTagSpecifications(request.TagSpecifications, ResourceTypes.PrefixList, list.Id.Value);
            return new CreateManagedPrefixListResult(list);
        });

    private static string CheckPrefixListName(string name)
    {
        if (name.Length is 0 or > 255)
            throw Ec2Errors.InvalidParameterValue($"Value ({name}) for parameter prefixListName is invalid. Names are 1 to 255 characters.");
        if (name.StartsWith("com.amazonaws", StringComparison.OrdinalIgnoreCase))
            throw Ec2Errors.InvalidParameterValue($"Value ({name}) for parameter prefixListName is invalid. The prefix com.amazonaws is reserved.");
        return name;
    }

    private static List<PrefixListEntry> ParsePrefixListEntries(IReadOnlyList<AddPrefixListEntry>? items, IpFamily family, IEnumerable<PrefixListEntry> existing)
    {
        var result = new List<PrefixListEntry>();
        var seen = existing.Select(e => e.Cidr).ToHashSet();
        foreach (var item in items ?? [])
        {
            var cidr = Transaction.ParseCidr(item.Cidr, "cidr");
            if (cidr.Family != family)
                throw Ec2Errors.InvalidParameterValue($"The CIDR {cidr} does not match the address family of the prefix list.");
            if (!seen.Add(cidr))
                throw Ec2Errors.InvalidParameterValue($"The CIDR {cidr} is specified more than once in the prefix list.");
            if (item.Description is { Length: > 255 })
                throw SecurityGroupErrors.DescriptionInvalid("description");
            result.Add(new PrefixListEntry(cidr, item.Description));
        }
        return result;
    }

    public ModifyManagedPrefixListResult ModifyManagedPrefixList(RequestContext ctx, ModifyManagedPrefixListRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var list = tx.Require(ResourceKinds.PrefixList, request.PrefixListId);
            if (list.IsAwsManaged)
                throw PrefixListErrors.AwsManagedPrefixListReadOnly(list.Id.Value);
            bool entriesChange = request.AddEntries is { Count: > 0 } || request.RemoveEntries is { Count: > 0 };
            if (entriesChange && request.MaxEntries is not null)
                throw Ec2Errors.InvalidParameterCombination("You cannot modify the entries of a prefix list and modify the size of a prefix list at the same time.");
            if (request.CurrentVersion is { } version && version != list.Version)
                throw PrefixListErrors.PrefixListVersionMismatch(list.Version);
            if (request.PrefixListName is not null)
                list = list with { Name = CheckPrefixListName(request.PrefixListName) };
            if (request.MaxEntries is { } max)
            {
                if (max is < 1 or > MaxPrefixListEntries || max < list.Entries.Length)
                    throw Ec2Errors.InvalidParameterValue($"Value ({max}) for parameter maxEntries is invalid. It must be between the current number of entries and {MaxPrefixListEntries}.");
                list = list with { MaxEntries = max };
            }
            if (entriesChange)
            {
                var entries = list.Entries.ToList();
                foreach (var remove in request.RemoveEntries ?? [])
                {
                    var cidr = Transaction.ParseCidr(remove.Cidr, "cidr");
                    var entry = entries.FirstOrDefault(e => e.Cidr == cidr)
                        ?? throw Ec2Errors.InvalidParameterValue($"The CIDR {cidr} is not an entry of prefix list {list.Id}.");
                    entries.Remove(entry);
                }
                entries.AddRange(ParsePrefixListEntries(request.AddEntries, list.AddressFamily, entries));
                if (entries.Count > list.MaxEntries)
                    throw PrefixListErrors.PrefixListMaxEntriesExceeded(list.MaxEntries);
                list = list with { Entries = [.. entries], Version = list.Version + 1 };
            }
            tx.Put(list);
            if (request.MaxEntries is not null)
                CheckReferencesFit(tx, list.Id);
            return new ModifyManagedPrefixListResult(list);
        });

    /// <summary>AWS (work-with-cust-managed-prefix-lists, "Modify a prefix list"): a larger maximum size counts
    /// against every resource that references the list; if one cannot take it the modification fails. The error is
    /// that resource's own quota error (choice, docs/semantics.md#quota-units).</summary>
    private static void CheckReferencesFit(Transaction tx, PrefixListId id)
    {
        var groups = tx.Where(IndexedKinds.SecurityGroup, "ip-permission.prefix-list-id", id.Value)
            .Concat(tx.Where(IndexedKinds.SecurityGroup, "egress.ip-permission.prefix-list-id", id.Value)).DistinctBy(g => g.Id);
        foreach (var group in groups)
            QuotaUnits.CheckSecurityGroupRules(tx, group);
        foreach (var table in tx.Where(IndexedKinds.RouteTable, "route.destination-prefix-list-id", id.Value))
            QuotaUnits.CheckRoutes(tx, table);
    }

    public DeleteManagedPrefixListResult DeleteManagedPrefixList(RequestContext ctx, DeleteManagedPrefixListRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var list = tx.Require(ResourceKinds.PrefixList, request.PrefixListId);
            if (list.IsAwsManaged)
                throw PrefixListErrors.AwsManagedPrefixListReadOnly(list.Id.Value);
            if (ResourceKinds.PrefixList.FirstBlocker(tx.World, list) is not null)
                throw PrefixListErrors.PrefixListInUse(list.Id.Value);
            tx.Remove(list.Id);
            tx.RemoveTags(list.Id.Value);
            return new DeleteManagedPrefixListResult(list);
        });

    public DescribeManagedPrefixListsResult DescribeManagedPrefixLists(RequestContext ctx, DescribeManagedPrefixListsRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var named = Transaction.Named(request.PrefixListIds, id => tx.Require(ResourceKinds.PrefixList, id));
            var schema = new FilterSchema<ManagedPrefixList>(IndexedKinds.PrefixList)
                .Add("address-family", p => p.AddressFamily == IpFamily.V4 ? "IPv4" : "IPv6")
                .Add("state", StateName)
                .Add("version", p => p.Version.ToString(CultureInfo.InvariantCulture));
            return new DescribeManagedPrefixListsResult([.. schema.Select(tx, request.Filters, named)]);
        });

    /// <summary>Choice (docs/semantics.md#prefix-list-versions): only the current version is kept, so a
    /// TargetVersion other than the current one is refused.</summary>
    public GetManagedPrefixListEntriesResult GetManagedPrefixListEntries(RequestContext ctx, GetManagedPrefixListEntriesRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var list = tx.Require(ResourceKinds.PrefixList, request.PrefixListId);
            if (request.TargetVersion is { } version && version != list.Version)
                throw Ec2Errors.InvalidParameterValue($"Value ({version}) for parameter targetVersion is invalid. Only the current version ({list.Version}) is available.");
            return new GetManagedPrefixListEntriesResult([.. list.Entries.OrderBy(e => e.Cidr)]);
        });

    public DescribePrefixListsResult DescribePrefixLists(RequestContext ctx, DescribePrefixListsRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            // The AWS-managed lists of the caller's Region, from the index's owner scope "AWS": the customer lists of
            // every account are not looked at.
            var all = tx.Options.IndexedFilters
                ? tx.Where(IndexedKinds.PrefixList, WorldIndex.ScopeName, IndexedKind<ManagedPrefixList>.Scope(new AccountId(ManagedPrefixList.AwsOwner), tx.RegionName))
                : tx.N.PrefixLists.Values.Where(p => p.Region == tx.RegionName && p.IsAwsManaged);
            var selected = Transaction.ByIds(request.PrefixListIds, all, id =>
            {
                var list = tx.Require(ResourceKinds.PrefixList, id);
                return list.IsAwsManaged ? list : throw ResourceIdErrors.PrefixListNotFound(id);
            });
            var schema = new FilterSchema<ManagedPrefixList>(_ => null)
                .Add("prefix-list-id", p => p.Id.Value)
                .Add("prefix-list-name", p => p.Name);
            return new DescribePrefixListsResult([.. schema.Apply(selected, request.Filters, tx.N).OrderBy(p => p.Id.Value, StringComparer.Ordinal)]);
        });

    /// <summary>The list's state once its change is done (docs/semantics.md#terraform-replays): create-complete until
    /// the first modification, modify-complete after, as DescribeManagedPrefixLists shows it and Terraform's
    /// aws_ec2_managed_prefix_list waits for.</summary>
    public static string StateName(ManagedPrefixList list) => list.Version > 1 ? "modify-complete" : "create-complete";
}
