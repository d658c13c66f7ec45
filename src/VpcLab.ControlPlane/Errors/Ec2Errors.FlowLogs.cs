namespace VpcLab.ControlPlane.Errors;

/// <summary>Flow log errors (spec flow-logs.md §6).</summary>
public static partial class Ec2Errors
{
    // ---- flow logs (spec flow-logs.md §6) ----
    public static readonly Ec2ErrorCode InvalidFlowLogIdNotFound = new("InvalidFlowLogId.NotFound");
    public static readonly Ec2ErrorCode FlowLogAlreadyExistsCode = new("FlowLogAlreadyExists");
    public static readonly Ec2ErrorCode FlowLogsLimitExceededCode = new("FlowLogsLimitExceeded");

    public static Ec2Exception FlowLogNotFound(string id) =>
        new(InvalidFlowLogIdNotFound, $"This flow log does not exist: '{id}'");

    public static Ec2Exception FlowLogAlreadyExists() =>
        new(FlowLogAlreadyExistsCode, "Error. There is an existing Flow Log with the same configuration and log destination.");

    public static Ec2Exception FlowLogsLimitExceeded(string resourceId, int limit) =>
        new(FlowLogsLimitExceededCode, $"The maximum number of flow logs ({S(limit)}) for the resource {resourceId} has been reached.");
}
