using System.Collections.Immutable;

namespace VpcLab.Model.Policies;

/// <summary>A statement's <c>Principal</c> (or <c>NotPrincipal</c> when <see cref="IsNegated"/>): who the
/// statement is about. <c>"*"</c> and <c>{"AWS":"*"}</c> both mean everyone, anonymous callers included.
/// <see cref="Aws"/> holds account ids (12 digits) and IAM / STS ARNs; <see cref="Service"/> service principals
/// (<c>s3.amazonaws.com</c>); <see cref="Federated"/> and <see cref="CanonicalUser"/> are kept as written.</summary>
public sealed record PrincipalElement(
    bool IsNegated, bool IsWildcard,
    ImmutableArray<string> Aws, ImmutableArray<string> Service,
    ImmutableArray<string> Federated, ImmutableArray<string> CanonicalUser)
{
    /// <summary><c>"Principal": "*"</c>.</summary>
    public static readonly PrincipalElement Anyone = new(false, true, [], [], [], []);

    public static PrincipalElement OfAws(params string[] principals) => new(false, false, [.. principals], [], [], []);

    public bool Equals(PrincipalElement? other) =>
        other is not null && IsNegated == other.IsNegated && IsWildcard == other.IsWildcard
        && Aws.SequenceEqual(other.Aws) && Service.SequenceEqual(other.Service)
        && Federated.SequenceEqual(other.Federated) && CanonicalUser.SequenceEqual(other.CanonicalUser);

    public override int GetHashCode() => HashCode.Combine(IsNegated, IsWildcard, Aws.Length, Service.Length);
}
