namespace VpcLab.Model;

/// <summary>The protocols of a Network Load Balancer's target groups and listeners. TCP_UDP takes both on one
/// port.</summary>
public enum TargetGroupProtocol
{
    Tcp,
    Udp,
    Tls,
    TcpUdp,
}
