using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Compilation;

/// <summary>An interface in 48 bytes (addresses as raw integers), so that big worlds touch few cache lines.</summary>
internal struct CompiledInterface
{
    // The 16-byte-aligned field first, so the struct packs into 48 bytes.
    public UInt128 PrimaryV6Value;
    public int Vpc;
    public int Subnet;
    public int SecurityGroupSet;
    /// <summary>The NAT gateway this interface belongs to, else −1.</summary>
    public int NatGateway;
    public uint PrimaryV4Value;
    /// <summary>The public IPv4 (Elastic or auto-assigned) of the primary private IPv4, when it has one.</summary>
    public uint PublicV4Value;
    public bool SourceDestCheck;
    /// <summary>False when the interface's instance is not running: it neither sends nor receives.</summary>
    public bool Usable;
    public bool HasV4;
    public bool HasV6;
    public bool HasPublicV4;
    /// <summary>An interface of an interface VPC endpoint: it receives for the service and never initiates.</summary>
    public bool IsVpcEndpoint;
    /// <summary>A node of a Network Load Balancer created without security groups: AWS filters nothing there
    /// (docs/semantics.md#network-load-balancers).</summary>
    public bool WithoutSecurityGroups;
    /// <summary>A node of a Network Load Balancer (<see cref="LoadBalancerTables"/>).</summary>
    public bool IsLoadBalancerNode;

    public readonly IpAddress PrimaryV4 => IpAddress.V4(PrimaryV4Value);
    public readonly IpAddress PrimaryV6 => IpAddress.V6(PrimaryV6Value);
    public readonly IpAddress PublicV4 => IpAddress.V4(PublicV4Value);
}
