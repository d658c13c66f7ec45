using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.Server.Ec2.Shapes;

/// <summary>InstanceStatusEntry → DescribeInstanceStatus' InstanceStatus: state, and the instance and system
/// checks (reachability) with the same summary (docs/semantics.md#instance-status).</summary>
internal static class InstanceStatusShape
{
    public static JsonObject Map(InstanceStatusEntry e) => new()
    {
        ["AvailabilityZone"] = e.AvailabilityZone,
        ["AvailabilityZoneId"] = e.AvailabilityZoneId,
        ["InstanceId"] = e.Instance.Id.Value,
        ["InstanceState"] = InstanceShape.State(e.Instance.State),
        ["InstanceStatus"] = Summary(e),
        ["SystemStatus"] = Summary(e),
    };

    private static JsonObject Summary(InstanceStatusEntry e) => new()
    {
        ["Details"] = new JsonArray(new JsonObject { ["Name"] = "reachability", ["Status"] = e.Reachability }),
        ["Status"] = e.Status,
    };
}
