namespace VpcLab.ControlPlane.Errors;

/// <summary>Flow log errors (spec flow-logs.md §6).</summary>
public static class FlowLogErrors
{
    public static readonly Ec2ErrorCode FlowLogAlreadyExistsCode = new("FlowLogAlreadyExists");
    public static readonly Ec2ErrorCode FlowLogsLimitExceededCode = new("FlowLogsLimitExceeded");

    public static Ec2Exception FlowLogAlreadyExists() =>
        new(FlowLogAlreadyExistsCode, "Error. There is an existing Flow Log with the same configuration and log destination.");

    public static Ec2Exception FlowLogsLimitExceeded(string resourceId, int limit) =>
        new(FlowLogsLimitExceededCode, $"The maximum number of flow logs ({Ec2Errors.S(limit)}) for the resource {resourceId} has been reached.");
}
