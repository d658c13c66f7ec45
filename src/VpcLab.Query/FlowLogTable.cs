using VpcLab.Model;

namespace VpcLab.Query;

/// <summary>The table Athena's documentation creates over delivered flow logs (<c>vpc_flow_logs</c>), as a DuckDB view:
/// every record field with '-' turned into '_' and the DDL's types, then the partition columns the S3 key gives.</summary>
public static class FlowLogTable
{
    /// <summary>The name in Athena's "Create a table for Amazon VPC flow logs" DDL.</summary>
    public const string ViewName = "vpc_flow_logs";

    /// <summary>The in-memory table listing every file found, with its key's partition values.</summary>
    public const string FilesTableName = "flow_log_files";

    /// <summary>Athena's hidden column naming the S3 object a row came from; here the local file path.</summary>
    public const string PathColumn = "$path";

    /// <summary>Partition columns. Athena's Hive-prefix DDL names them aws-account-id … hour (strings); the plain-text DDL
    /// partitions by <c>date</c>. Both are filled for both layouts (the default layout has the same parts, unnamed).</summary>
    public static readonly IReadOnlyList<string> HivePartitionNames =
        ["aws-account-id", "aws-service", "aws-region", "year", "month", "day", "hour"];

    /// <summary>Record fields: versions 2–5 as in Athena's DDL, then the later fields the model knows (7–10).</summary>
    public static readonly IReadOnlyList<FlowLogColumn> FieldColumns =
        FlowLogFields.All.Select(f => new FlowLogColumn(f.ColumnName, SqlTypeOf(f), false)).ToArray();

    public static readonly IReadOnlyList<FlowLogColumn> PartitionColumns =
    [
        .. HivePartitionNames.Select(n => new FlowLogColumn(n, "VARCHAR", true)),
        new("date", "DATE", true),
        new(PathColumn, "VARCHAR", true),
    ];

    public static readonly IReadOnlyList<FlowLogColumn> Columns = [.. FieldColumns, .. PartitionColumns];

    /// <summary>Athena's DDL types: int for INT_32 fields except <c>protocol</c>, which the DDL declares bigint.</summary>
    public static string SqlTypeOf(FlowLogField field) => field.Id == FlowLogFieldId.Protocol ? "BIGINT" : SqlTypeOf(field.ParquetType);

    /// <summary>How a text file's field is read (its Parquet type; strings stay strings).</summary>
    public static string SqlTypeOf(FlowLogFieldType type) => type switch
    {
        FlowLogFieldType.Int32 => "INTEGER",
        FlowLogFieldType.Int64 => "BIGINT",
        _ => "VARCHAR",
    };
}
