namespace VpcLab.Query;

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
