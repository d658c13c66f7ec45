namespace VpcLab.ControlPlane.Errors;

/// <summary>Flow log errors (spec flow-logs.md §6).</summary>
public static class FlowLogErrors
{
    public static readonly Ec2ErrorCode FlowLogAlreadyExistsCode = new("FlowLogAlreadyExists");
    public static readonly Ec2ErrorCode FlowLogsLimitExceededCode = new("FlowLogsLimitExceeded");

    /// <summary>The code the VPC User Guide's flow-logs-troubleshooting page names for an S3 bucket that could not be
    /// found; the message is the one AWS's CreateFlowLogs answers in <c>Unsuccessful</c> (and moto copies).</summary>
    public static readonly Ec2ErrorCode LogDestinationNotFoundCode = new("LogDestinationNotFoundException");

    public static Ec2Exception FlowLogAlreadyExists() =>
        new(FlowLogAlreadyExistsCode, "Error. There is an existing Flow Log with the same configuration and log destination.");

    public static Ec2Exception FlowLogsLimitExceeded(string resourceId, int limit) =>
        new(FlowLogsLimitExceededCode, $"The maximum number of flow logs ({Ec2Errors.S(limit)}) for the resource {resourceId} has been reached.");

    public static Ec2Exception LogDestinationNotFound(string bucket) =>
        new(LogDestinationNotFoundCode, $"LogDestination: {bucket} does not exist.");
}
