using System.Collections.Frozen;
using VpcLab.ControlPlane;

namespace VpcLab.Server.Persistence;

/// <summary>The logged operations that are not EC2 Query actions (e.g. S3 bucket changes routed through the control
/// plane): name → how to apply it, both when a request runs it (<see cref="ServerState.MutateAsync"/>) and when the
/// log is replayed. To make a new kind of operation durable, add one entry here, named with its protocol
/// (<c>"s3:CreateBucket"</c>) so it never meets an EC2 action's name, and run it through
/// <see cref="ServerState.MutateAsync"/> with its parameters as JSON.</summary>
public static class NonEc2Operations
{
    public static readonly FrozenDictionary<string, LoggedOperationHandler> All =
        new Dictionary<string, LoggedOperationHandler>(StringComparer.Ordinal)
        {
            [BucketLogOperations.CreateBucket] = Bucket(BucketLogOperations.CreateBucket),
            [BucketLogOperations.DeleteBucket] = Bucket(BucketLogOperations.DeleteBucket),
            [BucketLogOperations.PutBucketPolicy] = Bucket(BucketLogOperations.PutBucketPolicy),
            [BucketLogOperations.DeleteBucketPolicy] = Bucket(BucketLogOperations.DeleteBucketPolicy),
        }.Concat(Elb.ElbActions.LoggedOperations) // elasticloadbalancing:CreateLoadBalancer, …
        .Concat(CloudFormation.CloudFormationLogOperations.Handlers())
        .Concat(Account.AccountEndpoint.LoggedOperations) // account:EnableRegion, account:DisableRegion
        .ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The S3 API's bucket mutations, which share the log with EC2's actions.</summary>
    private static LoggedOperationHandler Bucket(string operation) =>
        (controlPlane, context, parameters) => BucketLogOperations.Execute(controlPlane, operation, context, parameters);
}
