using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>DescribeInstanceStatus and DescribeInstanceCreditSpecifications (docs/semantics.md#instance-status).</summary>
public sealed class InstanceStatusOperations
{
    private readonly ControlPlaneState _state;

    internal InstanceStatusOperations(ControlPlaneState state)
    {
        _state = state;
    }

    /// <summary>AWS (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstanceStatus.html): running
    /// instances only unless IncludeAllInstances; named ids must exist (InvalidInstanceID.NotFound). A running
    /// instance's checks pass ("ok"); any other state's are "not-applicable".</summary>
    public DescribeInstanceStatusResult DescribeInstanceStatus(RequestContext ctx, DescribeInstanceStatusRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var instances = Select(tx, request.InstanceIds);
            if (request.IncludeAllInstances != true)
                instances = [.. instances.Where(i => i.State == InstanceState.Running)];
            var entries = instances.Select(i =>
            {
                var zone = tx.N.Subnets.TryGetValue(i.SubnetId, out var subnet) ? subnet.AvailabilityZone : tx.Region.Zones[0];
                return new InstanceStatusEntry(i, zone.Name, zone.ZoneId, i.State == InstanceState.Running ? "ok" : "not-applicable");
            });
            var schema = new FilterSchema<InstanceStatusEntry>(e => e.Instance.Id.Value)
                .Add("availability-zone", e => e.AvailabilityZone)
                .Add("instance-state-name", e => InstanceOperations.InstanceStateName(e.Instance.State))
                .Add("instance-state-code", e => Wire.Int(InstanceOperations.InstanceStateCode(e.Instance.State)))
                .Add("instance-status.status", e => e.Status)
                .Add("instance-status.reachability", e => e.Reachability)
                .Add("system-status.status", e => e.Status)
                .Add("system-status.reachability", e => e.Reachability);
            return new DescribeInstanceStatusResult([.. schema.Apply(entries, request.Filters, tx.N)]);
        });

    /// <summary>AWS (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstanceCreditSpecifications.html):
    /// the credit option of burstable instances (T2 standard, T3/T3a/T4g unlimited by default,
    /// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/burstable-performance-instances-unlimited-mode-concepts.html);
    /// without ids, every burstable instance that is not terminated. Choice: a named instance that is not burstable
    /// is refused (UnsupportedOperation), never silently left out.</summary>
    public DescribeInstanceCreditSpecificationsResult DescribeInstanceCreditSpecifications(RequestContext ctx, DescribeInstanceCreditSpecificationsRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var named = request.InstanceIds is { Count: > 0 };
            var instances = Select(tx, request.InstanceIds).Where(i => i.State != InstanceState.Terminated || named);
            var entries = new List<InstanceCreditSpecification>();
            foreach (var instance in instances)
            {
                var credits = InstanceTypeCatalog.Find(instance.InstanceType)?.DefaultCreditSpecification;
                if (credits is not null)
                    entries.Add(new InstanceCreditSpecification(instance.Id.Value, credits));
                else if (named)
                    throw Ec2Errors.Unsupported($"The instance '{instance.Id}' is not a burstable performance instance ({instance.InstanceType}).");
            }
            var schema = new FilterSchema<InstanceCreditSpecification>(e => e.InstanceId).Add("instance-id", e => e.InstanceId);
            return new DescribeInstanceCreditSpecificationsResult([.. schema.Apply(entries, request.Filters, tx.N)]);
        });

    private static List<Instance> Select(Transaction tx, IReadOnlyList<string>? ids)
    {
        if (ids is { Count: > 0 })
            return [.. ids.Distinct(StringComparer.Ordinal).Select(id => tx.Require(ResourceKinds.Instance, id))];
        return [.. tx.Mine(IndexedKinds.Instance)];
    }
}
