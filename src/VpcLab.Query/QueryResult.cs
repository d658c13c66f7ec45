namespace VpcLab.Query;

/// <summary>A column of a query's answer: its name and DuckDB type (BIGINT, VARCHAR, DATE, …).</summary>
public sealed record QueryResultColumn(string Name, string SqlType)
{
    /// <summary>Numbers are right-aligned in tables.</summary>
    public bool IsNumeric =>
        SqlType is "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT" or "UTINYINT" or "USMALLINT" or "UINTEGER"
            or "UBIGINT" or "UHUGEINT" or "FLOAT" or "DOUBLE" || SqlType.StartsWith("DECIMAL", StringComparison.Ordinal);
}

/// <summary>A query's answer: columns, then rows of values (null for SQL NULL; long, int, string, double, decimal,
/// bool, DateOnly, DateTime, or lists and maps for nested types).</summary>
public sealed record QueryResult(IReadOnlyList<QueryResultColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>The index of a column by name, for tests and callers that pick values out.</summary>
    public int IndexOf(string column)
    {
        for (int i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == column)
                return i;
        }
        throw new ArgumentException($"The result has no column '{column}'.", nameof(column));
    }

    /// <summary>Column <paramref name="column"/> of every row.</summary>
    public IReadOnlyList<object?> Column(string column)
    {
        int i = IndexOf(column);
        return Rows.Select(r => r[i]).ToArray();
    }
}
