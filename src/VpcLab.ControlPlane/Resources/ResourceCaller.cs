using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>Who asks, for the owner rule of a kind: the account, the Region it calls from, and the simulated time
/// (a peering's visibility depends on it).</summary>
public readonly record struct ResourceCaller(AccountId Account, string Region, DateTimeOffset Now)
{
    /// <summary>The usual owner rule: the caller's account, called from the resource's Region.</summary>
    public bool Owns(AccountId owner, string region) => owner == Account && region == Region;
}
