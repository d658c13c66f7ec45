using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>How a route came to be, as AWS reports it.</summary>
public enum RouteOrigin
{
    CreateRouteTable,
    CreateRoute,
    EnableVgwRoutePropagation,
}
