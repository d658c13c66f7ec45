namespace VpcLab.Query;

/// <summary>A column of a query's answer: its name and DuckDB type (BIGINT, VARCHAR, DATE, …).</summary>
public sealed record QueryResultColumn(string Name, string SqlType)
{
    /// <summary>Numbers are right-aligned in tables.</summary>
    public bool IsNumeric =>
        SqlType is "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT" or "UTINYINT" or "USMALLINT" or "UINTEGER"
            or "UBIGINT" or "UHUGEINT" or "FLOAT" or "DOUBLE" || SqlType.StartsWith("DECIMAL", StringComparison.Ordinal);
}
