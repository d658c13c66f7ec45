namespace VpcLab.Engine.S3;

/// <summary>How an S3 request left the VPC, which decides what S3 sees of it: through a gateway endpoint
/// or an interface endpoint
/// (aws:SourceVpce, aws:SourceVpc, the private source address, and the endpoint policy applies) or over the
/// internet (through an internet gateway, possibly behind a NAT gateway: aws:SourceIp is the public address).</summary>
public enum S3NetworkPath
{
    /// <summary>The packet never reached S3 (the network dropped it).</summary>
    None,
    GatewayEndpoint,
    /// <summary>Sent to an interface endpoint of S3 (its endpoint-specific DNS name): the endpoint policy applies,
    /// S3 sees aws:SourceVpce, aws:SourceVpc and the private source address, as through a gateway endpoint.</summary>
    InterfaceEndpoint,
    Internet,
}
