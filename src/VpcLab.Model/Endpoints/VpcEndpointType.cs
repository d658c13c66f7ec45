using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>The endpoint types VpcLab models (the API also names GatewayLoadBalancer, Resource and ServiceNetwork).</summary>
public enum VpcEndpointType
{
    Gateway,
    Interface,
}
