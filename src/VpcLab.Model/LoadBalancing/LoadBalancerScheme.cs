namespace VpcLab.Model;

/// <summary>Where a load balancer's nodes take connections from: an internal one has private addresses only; an
/// internet-facing one also has a public IPv4 per node (and needs an internet gateway in its VPC).</summary>
public enum LoadBalancerScheme
{
    Internal,
    InternetFacing,
}
