namespace VpcLab.Query;

/// <summary>One column of the <c>vpc_flow_logs</c> view: its name (quoted where SQL needs it) and DuckDB type.</summary>
/// <param name="Name">The name as queries write it between double quotes (<c>account_id</c>, <c>end</c>, <c>aws-region</c>).</param>
/// <param name="SqlType">The DuckDB type: INTEGER for Athena's int, BIGINT for bigint, VARCHAR for string, DATE.</param>
/// <param name="IsPartition">True for the columns that come from the S3 key rather than from a record.</param>
public sealed record FlowLogColumn(string Name, string SqlType, bool IsPartition)
{
    /// <summary>The name as an SQL identifier, always double-quoted (end, date, year and the hyphenated keys need it).</summary>
    public string Identifier => SqlText.Identifier(Name);
}
