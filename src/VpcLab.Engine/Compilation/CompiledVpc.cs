using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Compilation;

internal struct CompiledVpc
{
    public int InternetGateway;
    public int EgressOnlyInternetGateway;
    /// <summary>The route table associated with the internet gateway (ingress routing), else −1.</summary>
    public int GatewayRouteTable;
    /// <summary>The VPC's main route table, else −1.</summary>
    public int MainRouteTable;
    public IpAddress DnsResolver;
    public bool DnsSupport;
    /// <summary>Where the VPC's associated CIDRs (IPv4 and IPv6) live in the flattened CIDR array.</summary>
    public int CidrStart;
    public int CidrCount;
}
