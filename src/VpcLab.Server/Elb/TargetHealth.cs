using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Engine;
using VpcLab.Model;

namespace VpcLab.Server.Elb;

/// <summary>DescribeTargetHealth: the control plane says which targets are <c>unused</c> and why; the others are
/// <c>healthy</c> when the data plane lets every sending node's health check through (<see cref="HealthCheckProbe"/>),
/// else <c>unhealthy</c> with <c>Target.FailedHealthChecks</c>. docs/semantics.md#nlb-target-health.</summary>
internal static class TargetHealth
{
    public static JsonObject Describe(Ec2ControlPlane controlPlane, RequestContext context, TargetsRequest request)
    {
        var result = controlPlane.TargetGroups.DescribeTargetHealth(context, request);
        var group = result.TargetGroup;
        IndexedWorld? world = null;
        CompiledNetwork? compiled = null;
        var descriptions = new JsonArray();
        foreach (var candidate in result.Targets)
        {
            string state;
            string? reason = candidate.UnusedReason, description = candidate.UnusedDescription;
            if (reason is not null)
            {
                state = "unused";
            }
            else if (!group.HealthCheck.Enabled)
            {
                (state, reason, description) = ("unavailable", "Target.HealthCheckDisabled", "Health checks are disabled");
            }
            else
            {
                world ??= controlPlane.World; // one snapshot for the group's load balancers and the probe
                compiled ??= CompiledNetwork.Compile(world.Network);
                bool passes = TargetGroupLoadBalancers.Of(world, group)
                    .All(lb => HealthCheckProbe.Passes(compiled, lb, group, candidate.Target, candidate.HealthCheckPort));
                (state, reason, description) = passes ? ("healthy", null, null) : ("unhealthy", "Target.FailedHealthChecks", "Health checks failed");
            }
            descriptions.Add(new JsonObject
            {
                ["Target"] = new JsonObject
                {
                    ["Id"] = candidate.Target.Id,
                    ["Port"] = candidate.Target.Port,
                    ["AvailabilityZone"] = candidate.AvailabilityZone,
                },
                ["HealthCheckPort"] = candidate.HealthCheckPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["TargetHealth"] = new JsonObject { ["State"] = state, ["Reason"] = reason, ["Description"] = description },
            });
        }
        return new JsonObject { ["TargetHealthDescriptions"] = descriptions };
    }
}
