using System.Text;
using VpcLab.Model;

namespace VpcLab.Query;

/// <summary>Writes the SQL of the <c>vpc_flow_logs</c> view: one SELECT per text header (files of one format share
/// it) and one over all Parquet files, each projected onto <see cref="FlowLogTable.Columns"/> (NULL where a format
/// lacks a field), joined to <c>flow_log_files</c> for the key's partition values, glued with UNION ALL.</summary>
internal static class FlowLogViewSql
{
    private const string Record = "r";
    private const string File = "f";

    /// <summary>The view over nothing: the right columns and types, no rows.</summary>
    public static string Empty() =>
        "SELECT " + string.Join(", ", FlowLogTable.Columns.Select(c => $"CAST(NULL AS {c.SqlType}) AS {c.Identifier}")) + " WHERE false";

    /// <summary>A SELECT over text files that all start with <paramref name="headerFields"/>. Every field is read with its
    /// Parquet type ('-' is NULL); names the model does not know are read as VARCHAR and left out of the view.</summary>
    public static string Text(IReadOnlyList<string> paths, IReadOnlyList<string> headerFields)
    {
        var columns = string.Join(", ", headerFields.Select(name =>
            $"{SqlText.Literal(name)}: {SqlText.Literal(FlowLogFields.Find(name) is { } f ? FlowLogTable.SqlTypeOf(f.ParquetType) : "VARCHAR")}"));
        var source = $"read_csv({SqlText.List(paths)}, delim=' ', header=true, nullstr='-', quote='', escape='', "
            + $"columns={{{columns}}}, filename=true, hive_partitioning=false, auto_detect=false)";
        var present = headerFields.ToDictionary(n => n.Replace('-', '_'), n => n, StringComparer.Ordinal);
        return Select(source, present);
    }

    /// <summary>A SELECT over Parquet files; <paramref name="parquetColumns"/> is the union of their columns.</summary>
    public static string Parquet(IReadOnlyList<string> paths, IEnumerable<string> parquetColumns)
    {
        var source = $"read_parquet({SqlText.List(paths)}, union_by_name=true, filename=true, hive_partitioning=false)";
        var present = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in parquetColumns)
            present.TryAdd(name, name);
        return Select(source, present);
    }

    public static string UnionAll(IReadOnlyList<string> selects) =>
        selects.Count == 0 ? Empty() : string.Join("\nUNION ALL\n", selects);

    public static string CreateView(string body) => $"CREATE OR REPLACE VIEW {FlowLogTable.ViewName} AS\n{body}";

    public static string CreateFilesTable() =>
        $"CREATE OR REPLACE TABLE {FlowLogTable.FilesTableName} ({SqlText.Identifier(FlowLogTable.PathColumn)} VARCHAR PRIMARY KEY, "
        + string.Join(", ", FlowLogTable.HivePartitionNames.Select(n => $"{SqlText.Identifier(n)} VARCHAR")) + ")";

    /// <param name="source">The table function reading the files (with <c>filename=true</c>).</param>
    /// <param name="present">View column name → the source's column name, for the fields this source has.</param>
    private static string Select(string source, Dictionary<string, string> present)
    {
        var sql = new StringBuilder("SELECT ");
        var first = true;
        foreach (var column in FlowLogTable.FieldColumns)
        {
            if (!first)
                sql.Append(", ");
            first = false;
            var value = present.TryGetValue(column.Name, out var sourceName)
                ? $"CAST({Record}.{SqlText.Identifier(sourceName)} AS {column.SqlType})"
                : $"CAST(NULL AS {column.SqlType})";
            // Athena's partition-projection table takes region from the key; a record's own region field wins when present.
            if (column.Name == "region")
                value = $"coalesce({value}, {File}.\"aws-region\")";
            sql.Append(value).Append(" AS ").Append(column.Identifier);
        }
        foreach (var name in FlowLogTable.HivePartitionNames)
            sql.Append($", {File}.{SqlText.Identifier(name)}");
        sql.Append($", TRY_CAST({File}.\"year\" || '-' || {File}.\"month\" || '-' || {File}.\"day\" AS DATE) AS \"date\"");
        sql.Append($", {Record}.filename AS {SqlText.Identifier(FlowLogTable.PathColumn)}");
        sql.Append($"\nFROM {source} AS {Record}\nLEFT JOIN {FlowLogTable.FilesTableName} AS {File} ON {File}.{SqlText.Identifier(FlowLogTable.PathColumn)} = {Record}.filename");
        return sql.ToString();
    }
}
