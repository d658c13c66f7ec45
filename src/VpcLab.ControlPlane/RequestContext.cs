using System.Collections.Immutable;
using VpcLab.ControlPlane.Time;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>Who calls and where: resources are created in this account and Region, and an operation sees only
/// this account's resources in this Region (except where AWS allows cross-account references).</summary>
public sealed record RequestContext(AccountId Account, string Region)
{
    /// <summary>Set by a paged Describe* of an indexed kind: only this window of the id-ordered answer is wanted.</summary>
    public PageWindow? Page { get; init; }

    public static readonly RequestContext Default = new(ControlPlaneOptions.DefaultAccount, ControlPlaneOptions.DefaultRegion);

    public static RequestContext For(string account, string region = ControlPlaneOptions.DefaultRegion) => new(new AccountId(account), region);
}
