namespace VpcLab.Query;

/// <summary>What a delivered file holds: gzip text with one header line, or Parquet.</summary>
public enum FlowLogFileKind
{
    Text,
    Parquet,
}
