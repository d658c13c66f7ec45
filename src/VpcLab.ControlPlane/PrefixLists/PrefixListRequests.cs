using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>Entries.N.{Cidr, Description} / AddEntries.N.*.</summary>
public sealed record AddPrefixListEntry
{
    public string? Cidr { get; init; }
    public string? Description { get; init; }
}

/// <summary>RemoveEntries.N.Cidr.</summary>
public sealed record RemovePrefixListEntry
{
    public string? Cidr { get; init; }
}

public sealed record CreateManagedPrefixListRequest
{
    public string? PrefixListName { get; init; }
    public IReadOnlyList<AddPrefixListEntry>? Entries { get; init; }
    public int? MaxEntries { get; init; }

    /// <summary>IPv4 or IPv6.</summary>
    public string? AddressFamily { get; init; }
    public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
    /// <summary>Idempotency token: a retry with the same token and parameters returns the first result.</summary>
    public string? ClientToken { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record CreateManagedPrefixListResult(ManagedPrefixList PrefixList);

public sealed record ModifyManagedPrefixListRequest
{
    public string? PrefixListId { get; init; }
    public long? CurrentVersion { get; init; }
    public string? PrefixListName { get; init; }
    public IReadOnlyList<AddPrefixListEntry>? AddEntries { get; init; }
    public IReadOnlyList<RemovePrefixListEntry>? RemoveEntries { get; init; }
    public int? MaxEntries { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record ModifyManagedPrefixListResult(ManagedPrefixList PrefixList);

public sealed record DeleteManagedPrefixListRequest
{
    public string? PrefixListId { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DeleteManagedPrefixListResult(ManagedPrefixList PrefixList);

public sealed record DescribeManagedPrefixListsRequest
{
    public IReadOnlyList<Filter>? Filters { get; init; }
    public IReadOnlyList<string>? PrefixListIds { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeManagedPrefixListsResult(IReadOnlyList<ManagedPrefixList> PrefixLists);

public sealed record GetManagedPrefixListEntriesRequest
{
    public string? PrefixListId { get; init; }
    public long? TargetVersion { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record GetManagedPrefixListEntriesResult(IReadOnlyList<PrefixListEntry> Entries);

/// <summary>DescribePrefixLists: the AWS-managed service prefix lists of the Region (RegionCatalog.Make).</summary>
public sealed record DescribePrefixListsRequest
{
    public IReadOnlyList<Filter>? Filters { get; init; }
    public IReadOnlyList<string>? PrefixListIds { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribePrefixListsResult(IReadOnlyList<ManagedPrefixList> PrefixLists);
