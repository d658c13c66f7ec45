namespace VpcLab.FlowLogs.Delivery.S3;

/// <summary>One object to deliver: its key in the bucket, the slice and part it holds, how many records, its bytes.</summary>
public sealed record S3FlowLogFile(string Key, TimeSlice Slice, int Part, int RecordCount, byte[] Content);
