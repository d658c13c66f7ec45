using VpcLab.Model;

namespace VpcLab.ControlPlane;

public sealed record DescribeInstanceStatusRequest
{
    public IReadOnlyList<string>? InstanceIds { get; init; }
    public bool? IncludeAllInstances { get; init; }
    public IReadOnlyList<Filter>? Filters { get; init; }
    public bool? DryRun { get; init; }
}

/// <summary>One instance's status checks: "ok"/"passed" while running, "not-applicable" otherwise (the lab has
/// no impaired instances and no scheduled events).</summary>
public sealed record InstanceStatusEntry(Instance Instance, string AvailabilityZone, string AvailabilityZoneId, string Status)
{
    /// <summary>The reachability check's result: passed while running, else not-applicable.</summary>
    public string Reachability => Status == "ok" ? "passed" : "not-applicable";
}

public sealed record DescribeInstanceStatusResult(IReadOnlyList<InstanceStatusEntry> InstanceStatuses);

public sealed record DescribeInstanceCreditSpecificationsRequest
{
    public IReadOnlyList<string>? InstanceIds { get; init; }
    public IReadOnlyList<Filter>? Filters { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record InstanceCreditSpecification(string InstanceId, string CpuCredits);

public sealed record DescribeInstanceCreditSpecificationsResult(IReadOnlyList<InstanceCreditSpecification> InstanceCreditSpecifications);
