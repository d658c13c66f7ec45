namespace VpcLab.Model;

/// <summary>One field: its name as written in a format (<c>${name}</c>), the version that introduced it, its Parquet type.</summary>
public sealed record FlowLogField(FlowLogFieldId Id, string Name, int Version, FlowLogFieldType ParquetType)
{
    /// <summary>The column name in Parquet files and Athena tables: '-' becomes '_'.</summary>
    public string ColumnName => Name.Replace('-', '_');
}
