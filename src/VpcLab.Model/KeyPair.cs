namespace VpcLab.Model;

/// <summary>An EC2 key pair: the public half (OpenSSH format) and AWS's fingerprint of it, per account and Region.
/// The private half is handed out once by CreateKeyPair and never kept, as on AWS.</summary>
public sealed record KeyPair(
    string Id, AccountId OwnerId, string Region, string Name, string KeyType, string Fingerprint, string PublicKey,
    DateTimeOffset CreateTime);
