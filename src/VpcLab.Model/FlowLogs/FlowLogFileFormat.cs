namespace VpcLab.Model;

/// <summary>S3 file format (plain-text gzip or Parquet).</summary>
public enum FlowLogFileFormat
{
    PlainText,
    Parquet,
}
