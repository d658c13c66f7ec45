using System.Text.Json.Nodes;
using VpcLab.Query;

namespace VpcLab.Server.WebConsole;

/// <summary>The console's flow-log view: the example queries of <c>vpclab query --example</c>, run by the same
/// <see cref="FlowLogQuery"/> (DuckDB, Athena's <c>vpc_flow_logs</c> view) over the flow logs this server has
/// delivered to its S3 tree, answered as <c>vpclab query --format json</c> prints rows
/// (<see cref="QueryResultText.Json"/>).</summary>
public static class ConsoleFlowLogs
{
    public static JsonObject Examples() => new()
    {
        ["examples"] = ConsoleTopology.Array(ExampleQueries.All, e => new JsonObject { ["name"] = e.Name, ["description"] = e.Description }),
    };

    /// <summary>The example's answer over the records <paramref name="filter"/> keeps (the example's own SQL over the
    /// narrowed table, <see cref="FlowLogFilter.Apply"/>), or null when no example has that name.</summary>
    /// <exception cref="FlowLogQueryException">DuckDB could not read the delivered flow logs.</exception>
    public static JsonObject? Run(string s3Root, string name, FlowLogFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (ExampleQueries.Find(name) is not { } example)
            return null;
        using var query = FlowLogQuery.Open(s3Root);
        var result = query.Execute(filter.Apply(example.Sql));
        return new JsonObject
        {
            ["name"] = example.Name,
            ["description"] = example.Description,
            ["sql"] = example.Sql,
            ["where"] = filter.IsEmpty ? null : filter.Predicate(),
            ["files"] = query.Files.Count,
            ["columns"] = ConsoleTopology.Array(result.Columns, c => new JsonObject { ["name"] = c.Name, ["numeric"] = c.IsNumeric }),
            ["rows"] = JsonNode.Parse(QueryResultText.Json(result)),
        };
    }
}
