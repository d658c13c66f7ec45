namespace VpcLab.CloudFormation.Stacks;

/// <summary>The stack and resource statuses CloudFormation prints.
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/view-stack-events.html</summary>
public static class StackStatuses
{
    public const string CreateInProgress = "CREATE_IN_PROGRESS";
    public const string CreateComplete = "CREATE_COMPLETE";
    public const string CreateFailed = "CREATE_FAILED";
    public const string RollbackInProgress = "ROLLBACK_IN_PROGRESS";
    public const string RollbackComplete = "ROLLBACK_COMPLETE";
    public const string DeleteInProgress = "DELETE_IN_PROGRESS";
    public const string DeleteComplete = "DELETE_COMPLETE";
    public const string DeleteFailed = "DELETE_FAILED";
    public const string DeleteSkipped = "DELETE_SKIPPED";
    public const string ReviewInProgress = "REVIEW_IN_PROGRESS";
    public const string UpdateInProgress = "UPDATE_IN_PROGRESS";
    public const string UpdateCompleteCleanupInProgress = "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS";
    public const string UpdateComplete = "UPDATE_COMPLETE";
    public const string UpdateFailed = "UPDATE_FAILED";
    public const string UpdateRollbackInProgress = "UPDATE_ROLLBACK_IN_PROGRESS";
    public const string UpdateRollbackComplete = "UPDATE_ROLLBACK_COMPLETE";

    public const string StackType = "AWS::CloudFormation::Stack";
}
