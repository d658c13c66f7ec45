namespace VpcLab.Model;

/// <summary>How a field is typed in Parquet output (in plain text every field is a string).</summary>
public enum FlowLogFieldType : byte
{
    Int32,
    Int64,
    String,
}
