namespace VpcLab.Query;

/// <summary>Which S3 key prefix a file was delivered under (the flow log's DestinationOptions.HiveCompatiblePartitions).</summary>
public enum FlowLogKeyLayout
{
    /// <summary><c>AWSLogs/{account}/vpcflowlogs/{region}/{yyyy}/{MM}/{dd}/[{HH}/]</c></summary>
    Default,

    /// <summary><c>AWSLogs/aws-account-id={a}/aws-service=vpcflowlogs/aws-region={r}/year=…/month=…/day=…/[hour=…/]</c></summary>
    Hive,

    /// <summary>Not under an AWSLogs prefix AWS writes; the file is still read, its partition columns are NULL.</summary>
    Unknown,
}
