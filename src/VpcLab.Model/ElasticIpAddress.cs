using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>An Elastic IP (the SDK's "Address"): a public IPv4 allocated to an account, optionally associated
/// with one private IPv4 of a network interface.</summary>
public sealed record ElasticIpAddress(
    AllocationId AllocationId, AccountId OwnerId, string Region, IpAddress PublicIp,
    string? AssociationId, NetworkInterfaceId? NetworkInterfaceId, IpAddress? PrivateIp)
{
    /// <summary>The reverse DNS record set with ModifyAddressAttribute (a fully qualified name with its final dot,
    /// "mail.example.com."), or null while the address has AWS's default reverse DNS
    /// (docs/semantics.md#addresses-attribute). An address with one cannot be released.</summary>
    public string? PtrRecord { get; init; }
}
