using System.Collections.Immutable;
using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>The kinds of interface AWS creates (the API's interfaceType values).</summary>
public enum NetworkInterfaceType
{
    Interface,
    NatGateway,
    VpcEndpoint,
    NetworkLoadBalancer,
}
