namespace VpcLab.ControlPlane;

/// <summary>The limits of ClientToken idempotency, shared by the control plane and the server.</summary>
public static class ClientTokens
{
    /// <summary>AWS: a client token is at most 64 ASCII characters.</summary>
    public const int MaxLength = 64;

    /// <summary>The lab keeps the newest 100,000 tokens per cache (AWS keeps them at least 24 hours; the lab has no
    /// expiry).</summary>
    public const int DefaultCapacity = 100_000;
}
