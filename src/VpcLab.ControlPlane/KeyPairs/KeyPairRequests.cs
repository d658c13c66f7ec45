using VpcLab.Model;

namespace VpcLab.ControlPlane;

public sealed record CreateKeyPairRequest
{
    public string? KeyName { get; init; }
    public string? KeyType { get; init; }
    public string? KeyFormat { get; init; }
    public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
    public bool? DryRun { get; init; }
}

/// <summary>The new key pair and the private key material, handed out once.</summary>
public sealed record CreateKeyPairResult(KeyPair KeyPair, string KeyMaterial);

public sealed record ImportKeyPairRequest
{
    public string? KeyName { get; init; }
    /// <summary>The public key file's bytes, base64-encoded as on the wire (a Blob).</summary>
    public string? PublicKeyMaterial { get; init; }
    public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record ImportKeyPairResult(KeyPair KeyPair);

public sealed record DescribeKeyPairsRequest
{
    public IReadOnlyList<string>? KeyNames { get; init; }
    public IReadOnlyList<string>? KeyPairIds { get; init; }
    public bool? IncludePublicKey { get; init; }
    public IReadOnlyList<Filter>? Filters { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeKeyPairsResult(IReadOnlyList<KeyPair> KeyPairs, bool IncludePublicKey);

public sealed record DeleteKeyPairRequest
{
    public string? KeyName { get; init; }
    public string? KeyPairId { get; init; }
    public bool? DryRun { get; init; }
}

/// <summary>DeleteKeyPair answers true even for a name that does not exist (AWS); the id when one was deleted.</summary>
public sealed record DeleteKeyPairResult(bool Return, string? KeyPairId);
