namespace VpcLab.Analysis.Reachability;

/// <summary>What a path's source or destination names: an instance, a network interface, an internet gateway or a
/// VPC endpoint (gateway or interface; docs/semantics.md#ra-endpoints).</summary>
public enum PathEndpointKind
{
    Instance,
    NetworkInterface,
    InternetGateway,
    VpcEndpoint,
}
