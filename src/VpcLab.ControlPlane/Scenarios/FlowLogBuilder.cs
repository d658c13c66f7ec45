using VpcLab.Model;

namespace VpcLab.ControlPlane.Scenarios;

// The flow-logs: section, created through CreateFlowLogs in the account and Region of the resource they watch.

/// <summary>Builds a scenario's flow logs through the control plane.</summary>
internal sealed class FlowLogBuilder(ScenarioContext context)
{
    private const string S3Scheme = "s3://";
    private const string CloudWatchLogsScheme = "cloudwatch-logs:";

    public void BuildFlowLog(FlowLogSpec spec)
    {
        var (resourceType, resourceId) = FlowLogResource(spec);
        var (ctx, owner) = OwnerOf(resourceId);
        var request = new CreateFlowLogsRequest
        {
            ResourceIds = [resourceId],
            ResourceType = resourceType,
            TrafficType = spec.TrafficType,
            LogFormat = spec.Format is null or "default" ? null : spec.Format,
            MaxAggregationInterval = spec.AggregationInterval,
            DestinationOptions = spec.FileFormat is null && spec.HiveCompatiblePartitions is null && spec.PerHourPartition is null
                ? null
                : new DestinationOptionsRequest
                {
                    FileFormat = spec.FileFormat,
                    HiveCompatiblePartitions = spec.HiveCompatiblePartitions,
                    PerHourPartition = spec.PerHourPartition,
                },
            TagSpecifications = TagSpecification.Named(Ec2ControlPlane.VpcFlowLogResourceType, spec.Name),
        };
        if (spec.Destination.StartsWith(S3Scheme, StringComparison.Ordinal) && spec.Destination.Length > S3Scheme.Length)
        {
            request = request with
            {
                LogDestinationType = "s3",
                LogDestination = S3Arn.ArnPrefix + spec.Destination[S3Scheme.Length..],
                DeliverLogsPermissionArn = spec.Role,
            };
        }
        else if (spec.Destination.StartsWith(CloudWatchLogsScheme, StringComparison.Ordinal) && spec.Destination.Length > CloudWatchLogsScheme.Length)
        {
            // CloudWatch Logs delivery needs a role; a scenario may leave it to the conventional one.
            request = request with
            {
                LogDestinationType = "cloud-watch-logs",
                LogGroupName = spec.Destination[CloudWatchLogsScheme.Length..],
                DeliverLogsPermissionArn = spec.Role ?? $"arn:aws:iam::{owner}:role/flow-logs",
            };
        }
        else
        {
            throw context.Fail(spec.Line, $"flow log '{spec.Name}': destination '{spec.Destination}' must be {S3Scheme}bucket/folder/ or {CloudWatchLogsScheme}GROUP");
        }
        if (request.LogDestinationType == "s3")
            EnsureBucket(spec, ctx, S3Arn.Bucket(request.LogDestination!));
        var result = context.Do(spec.Line, "flow log", spec.Name, () => context.ControlPlane.CreateFlowLogs(ctx, request));
        if (result.Unsuccessful.Count > 0)
        {
            var refused = result.Unsuccessful[0];
            throw context.Fail(spec.Line, $"flow log '{spec.Name}': {refused.Code}: {refused.Message}");
        }
        context.Register(spec.Line, spec.Name, result.FlowLogIds[0].Value);
    }

    /// <summary>A scenario's <c>s3://bucket/</c> destination names a bucket the world has: one that <c>buckets:</c> does
    /// not declare is made here, owned by the flow log's account in its Region, without a policy
    /// (docs/scenarios.md, flow logs). CreateFlowLogs itself refuses a bucket that does not exist, as AWS does.</summary>
    private void EnsureBucket(FlowLogSpec spec, RequestContext ctx, string bucket)
    {
        if (!context.ControlPlane.Network.Buckets.ContainsKey(bucket) && S3BucketName.Problem(bucket) is null)
            context.Do(spec.Line, "bucket", bucket, () => context.ControlPlane.PutBucket(ctx, bucket, null));
    }

    /// <summary>A VPC, subnet or interface by name or id; an instance stands for its primary interface.</summary>
    private (string Type, string Id) FlowLogResource(FlowLogSpec spec)
    {
        var id = context.Resolve(spec.Line, spec.Resource, "resource");
        var prefix = id[..Math.Max(0, id.LastIndexOf('-'))];
        return prefix switch
        {
            IdPrefixes.Vpc => ("VPC", id),
            IdPrefixes.Subnet => ("Subnet", id),
            IdPrefixes.NetworkInterface => ("NetworkInterface", id),
            IdPrefixes.Instance when context.ControlPlane.Network.Instances.TryGetValue(new InstanceId(id), out var instance) =>
                ("NetworkInterface", instance.PrimaryNetworkInterface.Value),
            _ => throw context.Fail(spec.Line, $"flow log '{spec.Name}': '{spec.Resource}' is not a VPC, subnet, instance or network interface"),
        };
    }

    /// <summary>The caller that owns the resource (its account, in its Region); for an id the scenario does not
    /// hold, the scenario's first account and Region, so CreateFlowLogs reports the resource as not found.</summary>
    private (RequestContext Ctx, string Owner) OwnerOf(string resourceId)
    {
        var n = context.ControlPlane.Network;
        (AccountId Owner, string Region)? found =
            n.Vpcs.TryGetValue(new VpcId(resourceId), out var vpc) ? (vpc.OwnerId, vpc.Region)
            : n.Subnets.TryGetValue(new SubnetId(resourceId), out var subnet) ? (subnet.OwnerId, subnet.Region)
            : n.NetworkInterfaces.TryGetValue(new NetworkInterfaceId(resourceId), out var eni) ? (eni.OwnerId, eni.Region)
            : null;
        var (account, region) = found ?? (context.Accounts.Count > 0 ? context.Accounts.Values.First() : new AccountId(ScenarioParser.DefaultAccountId), context.Document.Region);
        return (new RequestContext(account, region), account.Value);
    }
}
