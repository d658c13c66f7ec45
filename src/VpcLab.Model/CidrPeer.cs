using VpcLab.Net;

namespace VpcLab.Model;

public sealed record CidrPeer(Cidr Cidr) : RulePeer
{
    public override string ToString() => Cidr.ToString();
}
