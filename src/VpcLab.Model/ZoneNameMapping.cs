using System.Collections.Frozen;
using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>Which physical zone (zone id) each of an account's Availability Zone names means. AWS maps the names to
/// zone ids independently per account in its oldest Regions, those introduced before November 2012; zone ids are the
/// same in every account (docs/semantics.md#zones). The one home of that rule: the control plane names every
/// account's zones through it, and whatever compares zones across accounts compares zone ids.</summary>
public static class ZoneNameMapping
{
    /// <summary>The Regions AWS launched before November 2012, where names map per account ("All Regions introduced
    /// after November 2012 use a uniform mapping", AZ IDs page); the others map alike in every account.</summary>
    public static readonly FrozenSet<string> IndependentlyMappedRegions = FrozenSet.Create(StringComparer.Ordinal,
        "us-east-1", "us-west-1", "us-west-2", "eu-west-1", "ap-southeast-1", "ap-northeast-1", "sa-east-1");

    /// <summary>How many places the account's letters are rotated over the Region's zone ids. Choice (AWS does not
    /// publish how it draws a mapping): the sum of the account id's digits modulo the number of zones, in an
    /// independently mapped Region; so the lab's default account 111111111111 (and every account whose id repeats one
    /// digit, and 123456789012) keeps the catalog's mapping, and 123456789013 sees us-east-1a as use1-az2.</summary>
    public static int Rotation(AccountId account, string region, int zoneCount)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (zoneCount < 2 || !IndependentlyMappedRegions.Contains(region) || account.Value is null)
            return 0;
        int sum = 0;
        foreach (char c in account.Value)
        {
            if (char.IsAsciiDigit(c))
                sum += c - '0';
        }
        return sum % zoneCount;
    }

    /// <summary>The Region's zones as <paramref name="account"/> names them: the same names, in the same order, each
    /// naming the zone id <see cref="Rotation"/> places further along the catalog's list.</summary>
    public static ImmutableArray<AvailabilityZone> For(AccountId account, string region, ImmutableArray<AvailabilityZone> catalog)
    {
        int k = Rotation(account, region, catalog.Length);
        if (k == 0)
            return catalog;
        var named = ImmutableArray.CreateBuilder<AvailabilityZone>(catalog.Length);
        for (int i = 0; i < catalog.Length; i++)
            named.Add(catalog[i] with { ZoneId = catalog[(i + k) % catalog.Length].ZoneId });
        return named.MoveToImmutable();
    }

    /// <summary>The zone with id <paramref name="zoneId"/> as <paramref name="account"/> names it, or null when the
    /// Region has no such zone.</summary>
    public static AvailabilityZone? ByZoneId(AccountId account, string region, ImmutableArray<AvailabilityZone> catalog, string zoneId)
    {
        foreach (var zone in For(account, region, catalog))
        {
            if (zone.ZoneId == zoneId)
                return zone;
        }
        return null;
    }
}
