using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The one rule of opt-in Regions (docs/semantics.md#regions): a Region enabled by default is enabled for every
/// account; an opt-in Region only for the accounts that enabled it (<see cref="Account.OptedInRegions"/>), so a new
/// account starts without any. EC2 and the Account Management API name the same three states differently.</summary>
public static class RegionOptIn
{
    /// <summary>EC2 DescribeRegions' OptInStatus values (EC2 API reference, Region).</summary>
    public const string OptInNotRequired = "opt-in-not-required";
    public const string OptedIn = "opted-in";
    public const string NotOptedIn = "not-opted-in";

    /// <summary>Account Management API's RegionOptStatus values the lab uses (ENABLING and DISABLING never show:
    /// the lab enables and disables at once).</summary>
    public const string EnabledByDefault = "ENABLED_BY_DEFAULT";
    public const string Enabled = "ENABLED";
    public const string Disabled = "DISABLED";

    /// <summary>Every RegionOptStatus of the service model, for validating ListRegions' filter.</summary>
    public static readonly IReadOnlySet<string> AccountStatuses =
        new HashSet<string>(["ENABLED", "ENABLING", "DISABLING", "DISABLED", "ENABLED_BY_DEFAULT"], StringComparer.Ordinal);

    public static bool IsEnabled(Network network, AccountId account, string region, bool optInRequired)
    {
        ArgumentNullException.ThrowIfNull(network);
        return !optInRequired || (network.Accounts.TryGetValue(account, out var a) && a.OptedInRegions.Contains(region));
    }

    /// <summary>DescribeRegions' OptInStatus of <paramref name="region"/> for <paramref name="account"/>.</summary>
    public static string Ec2Status(Network network, AccountId account, Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return !region.OptInRequired ? OptInNotRequired : IsEnabled(network, account, region.Name, true) ? OptedIn : NotOptedIn;
    }

    /// <summary>The Account Management API's RegionOptStatus of <paramref name="region"/> for <paramref name="account"/>.</summary>
    public static string AccountStatus(Network network, AccountId account, Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return !region.OptInRequired ? EnabledByDefault : IsEnabled(network, account, region.Name, true) ? Enabled : Disabled;
    }

    /// <summary><paramref name="network"/> with <paramref name="region"/> enabled (or not) for <paramref name="account"/>,
    /// the account added if the world does not hold it yet.</summary>
    public static Network SetEnabled(Network network, AccountId account, string region, bool enabled)
    {
        ArgumentNullException.ThrowIfNull(network);
        var current = network.Accounts.TryGetValue(account, out var a) ? a : new Account(account, account.Value);
        var regions = enabled ? current.OptedInRegions.Add(region) : current.OptedInRegions.Remove(region);
        return regions == current.OptedInRegions && network.Accounts.ContainsKey(account)
            ? network
            : network with { Accounts = network.Accounts.SetItem(account, current with { OptedInRegions = regions }) };
    }

    /// <summary>An imported world (<see cref="ControlPlaneOptions.Initial"/>): AWS showed each account's VPCs in a Region
    /// only because the account had it enabled, so each owner keeps its VPCs' opt-in Regions enabled.</summary>
    public static Network EnableWhereResourcesAre(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        foreach (var vpc in network.Vpcs.Values)
        {
            if (network.Regions.TryGetValue(vpc.Region, out var region) && region.OptInRequired)
                network = SetEnabled(network, vpc.OwnerId, vpc.Region, true);
        }
        return network;
    }
}
