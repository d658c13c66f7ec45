using VpcLab.Model;

namespace VpcLab.FlowLogs.Delivery.S3.Parquet;

/// <summary>Where a column's chunk (one data page) sits in the file, and its sizes with the page header.</summary>
internal sealed record ParquetColumnChunk(FlowLogField Field, long Offset, long UncompressedBytes, long CompressedBytes);
