using VpcLab.Net;

namespace VpcLab.Model;

public enum NatConnectivityType
{
    Public,
    Private,
}
