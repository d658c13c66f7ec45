namespace VpcLab.Model;

/// <summary>S3's options for a flow log (DestinationOptions).</summary>
public sealed record FlowLogDestinationOptions(FlowLogFileFormat FileFormat, bool HiveCompatiblePartitions, bool PerHourPartition)
{
    public static readonly FlowLogDestinationOptions Default = new(FlowLogFileFormat.PlainText, false, false);
}
