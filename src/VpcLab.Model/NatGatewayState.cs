using VpcLab.Net;

namespace VpcLab.Model;

public enum NatGatewayState
{
    Pending,
    Failed,
    Available,
    Deleting,
    Deleted,
}
