using System.Globalization;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The AWS Account Management API's Region opt-ins (EnableRegion, DisableRegion, GetRegionOptStatus,
/// ListRegions) on the caller's own account (docs/semantics.md#regions). Choice: a Region is enabled or disabled at
/// once, so ENABLING and DISABLING never show and no ConflictException arises; AWS takes minutes to hours.</summary>
public sealed class RegionOptInOperations
{
    private readonly ControlPlaneState _state;

    internal RegionOptInOperations(ControlPlaneState state)
    {
        _state = state;
    }

    /// <summary>Enables an opt-in Region for the caller's account. Enabling one already enabled changes nothing
    /// (choice: AWS does not say). Its default VPC comes as in every Region: on the account's first call there.</summary>
    public EmptyResult EnableRegion(AccountId caller, RegionOptInRequest request) => Set(caller, request, enabled: true);

    /// <summary>Disables an opt-in Region: its resources stay, and calls into it are refused until it is enabled
    /// again (AWS: disabling "will remove all IAM access to any resources that reside in that Region").</summary>
    public EmptyResult DisableRegion(AccountId caller, RegionOptInRequest request) => Set(caller, request, enabled: false);

    public RegionOptStatusEntry GetRegionOptStatus(AccountId caller, RegionOptInRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _state.ReadAccount(caller, tx =>
        {
            var region = Resolve(tx, caller, request);
            return new RegionOptStatusEntry(region.Name, RegionOptIn.AccountStatus(tx.N, caller, region));
        });
    }

    /// <summary>ListRegions: every Region of the lab in name order, with its status for the caller, filtered by
    /// RegionOptStatusContains, in pages of MaxResults (1–50; the service model's bounds). Choice: the NextToken is
    /// the index of the next entry, and without MaxResults every Region comes in one page.</summary>
    public ListRegionsResult ListRegions(AccountId caller, ListRegionsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckAccount(caller, request.AccountId);
        if (request.MaxResults is { } max && max is < 1 or > 50)
            throw RegionErrors.InvalidMaxResults(max);
        foreach (var status in request.RegionOptStatusContains ?? [])
        {
            if (!RegionOptIn.AccountStatuses.Contains(status))
                throw RegionErrors.InvalidOptStatus(status);
        }
        var start = 0;
        if (request.NextToken is { } token && (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out start)))
            throw RegionErrors.InvalidNextToken(token);
        return _state.ReadAccount(caller, tx =>
        {
            var all = tx.N.Regions.Values.OrderBy(r => r.Name, StringComparer.Ordinal)
                .Select(r => new RegionOptStatusEntry(r.Name, RegionOptIn.AccountStatus(tx.N, caller, r)))
                .Where(e => request.RegionOptStatusContains is not { Count: > 0 } wanted || wanted.Contains(e.RegionOptStatus))
                .ToList();
            if (start > all.Count)
                throw RegionErrors.InvalidNextToken(request.NextToken!);
            var page = all.Skip(start).Take(request.MaxResults ?? all.Count).ToList();
            var next = start + page.Count < all.Count ? (start + page.Count).ToString(CultureInfo.InvariantCulture) : null;
            return new ListRegionsResult(page, next);
        });
    }

    /// <summary>False when <paramref name="region"/> is an opt-in Region <paramref name="account"/> has not enabled: a
    /// call there is refused (<see cref="RegionErrors.RegionNotEnabled"/>). A Region the lab does not know is not refused here.</summary>
    public bool IsEnabled(AccountId account, string region) =>
        !_state.Regions.TryGetValue(region, out var info) || RegionOptIn.IsEnabled(_state.Network, account, region, info.OptInRequired);

    /// <summary>The lab's own worlds (scenarios): enables <paramref name="region"/> for <paramref name="account"/> when
    /// it is a known opt-in Region; any other name is left for the operation that uses it to refuse.</summary>
    internal void EnableForLabWorld(AccountId account, string region) =>
        _state.MutateAccount(account, tx =>
        {
            if (tx.N.Regions.TryGetValue(region, out var known) && known.OptInRequired)
                tx.N = RegionOptIn.SetEnabled(tx.N, account, region, true);
            return EmptyResult.Instance;
        });

    private EmptyResult Set(AccountId caller, RegionOptInRequest request, bool enabled)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _state.MutateAccount(caller, tx =>
        {
            var region = Resolve(tx, caller, request);
            if (!region.OptInRequired)
                throw RegionErrors.NotAnOptInRegion(region.Name);
            tx.N = RegionOptIn.SetEnabled(tx.N, caller, region.Name, enabled);
            return EmptyResult.Instance;
        });
    }

    private static Region Resolve(Transaction tx, AccountId caller, RegionOptInRequest request)
    {
        CheckAccount(caller, request.AccountId);
        if (string.IsNullOrEmpty(request.RegionName))
            throw RegionErrors.MissingRegionName();
        return tx.N.Regions.TryGetValue(request.RegionName, out var region) ? region : throw RegionErrors.UnknownRegion(request.RegionName);
    }

    /// <summary>AccountId may name only the caller's own account (choice: the lab has no Organizations).</summary>
    private static void CheckAccount(AccountId caller, string? accountId)
    {
        if (accountId is not null && accountId != caller.Value)
            throw RegionErrors.OtherAccount(accountId);
    }
}

/// <summary>EnableRegion, DisableRegion and GetRegionOptStatus: the Region and, optionally, the account (the caller's).</summary>
public sealed record RegionOptInRequest
{
    public string? AccountId { get; init; }
    public string? RegionName { get; init; }
}

public sealed record ListRegionsRequest
{
    public string? AccountId { get; init; }
    public int? MaxResults { get; init; }
    public string? NextToken { get; init; }
    public IReadOnlyList<string>? RegionOptStatusContains { get; init; }
}

/// <summary>A Region and its RegionOptStatus for the caller (the Account Management API's Region shape).</summary>
public sealed record RegionOptStatusEntry(string RegionName, string RegionOptStatus);

public sealed record ListRegionsResult(IReadOnlyList<RegionOptStatusEntry> Regions, string? NextToken);
