using VpcLab.Model;

namespace VpcLab.Server.WebConsole;

/// <summary>Whether a subnet is public: AWS calls a subnet public when its route table has a direct route to an
/// internet gateway, private otherwise (docs/semantics.md#console-public-subnet). A blackholed route (the gateway
/// detached or deleted) does not count: nothing leaves through it.</summary>
public static class SubnetVisibility
{
    public static bool IsPublic(Network network, RouteTable? table)
    {
        ArgumentNullException.ThrowIfNull(network);
        return table is not null && table.Routes.Any(r => r.Target.Kind == RouteTargetKind.InternetGateway
            && network.RouteState(table, r) == RouteState.Active);
    }
}
