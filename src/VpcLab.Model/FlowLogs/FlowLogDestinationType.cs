namespace VpcLab.Model;

/// <summary>Where records go (the API's LogDestinationType: cloud-watch-logs, s3, kinesis-data-firehose).</summary>
public enum FlowLogDestinationType
{
    CloudWatchLogs,
    S3,
    KinesisDataFirehose,
}
