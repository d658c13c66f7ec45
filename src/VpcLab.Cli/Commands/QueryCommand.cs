using System.CommandLine;
using Spectre.Console;
using VpcLab.Cli.Rendering;
using VpcLab.Query;

namespace VpcLab.Cli.Commands;

/// <summary><c>vpclab query "SQL"</c>: SQL over delivered flow logs, with the table Athena's documentation creates
/// (<c>vpc_flow_logs</c>); <c>--example NAME</c> runs one of docs/athena.md's queries. Exit code 2 on bad input or bad SQL.</summary>
public static class QueryCommand
{
    private static readonly string[] Formats = ["table", "csv", "json"];

    public static Command Create(IAnsiConsole console)
    {
        var sql = new Argument<string?>("sql")
        {
            Description = $"The query; the table is {FlowLogTable.ViewName} (quote hyphenated and reserved names: \"end\", \"aws-region\")",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var logs = new Option<string>("--logs")
        {
            Description = $"Directory of delivered flow logs (vpclab traffic's --out; its {FlowLogsDirectory.S3Folder}/ folder is read when present)",
            DefaultValueFactory = _ => FlowLogsDirectory.Default,
        };
        var format = new Option<string>("--format") { Description = "Output: table, csv or json", DefaultValueFactory = _ => "table" };
        var example = new Option<string?>("--example")
        {
            Description = "Run a named example instead of SQL: " + string.Join(", ", ExampleQueries.All.Select(q => q.Name)),
        };
        var json = ScenarioOptions.Json();
        var command = new Command("query", "Query delivered flow logs with SQL (DuckDB), as Athena would over the same S3 objects")
        {
            sql, logs, format, json, example,
        };
        command.SetAction(parse =>
        {
            var text = ChooseSql(parse.GetValue(sql), parse.GetValue(example));
            var output = parse.GetValue(format)!.ToLowerInvariant();
            if (!Formats.Contains(output))
                throw new UsageException($"Unknown --format '{output}': use {string.Join(", ", Formats)}.");
            if (parse.GetValue(json))
            {
                if (parse.GetResult(format) is { Implicit: false } && output != "json")
                    throw new UsageException($"Give --json or --format {output}, not both.");
                output = "json";
            }
            var root = OpenRoot(parse.GetValue(logs)!);
            try
            {
                using var query = FlowLogQuery.Open(root);
                if (query.Files.Count == 0)
                    parse.InvocationConfiguration.Error.WriteLine($"note: no flow log files (.log.gz, .log.parquet) under '{root}'");
                Write(console, query.Execute(text), output);
            }
            catch (FlowLogQueryException e)
            {
                throw new UsageException(e.Message, e);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string ChooseSql(string? sql, string? example)
    {
        var names = string.Join(", ", ExampleQueries.All.Select(q => q.Name));
        if (example is not null)
        {
            if (!string.IsNullOrWhiteSpace(sql))
                throw new UsageException("Give either SQL or --example, not both.");
            return (ExampleQueries.Find(example) ?? throw new UsageException($"Unknown example '{example}': the examples are {names}.")).Sql;
        }
        if (string.IsNullOrWhiteSpace(sql))
            throw new UsageException($"Give a query, e.g. vpclab query \"SELECT * FROM {FlowLogTable.ViewName} LIMIT 10\", or --example NAME ({names}).");
        return sql;
    }

    private static string OpenRoot(string logs)
    {
        if (File.Exists(logs))
            throw new UsageException($"--logs '{logs}' is a file; give the directory vpclab traffic --out wrote into.");
        if (!Directory.Exists(logs))
            throw new UsageException($"The logs directory '{logs}' does not exist: deliver flow logs with vpclab traffic --out DIR, or pass --logs DIR.");
        return FlowLogsDirectory.Resolve(logs);
    }

    internal static void Write(IAnsiConsole console, QueryResult result, string format)
    {
        var writer = console.Profile.Out.Writer;
        switch (format)
        {
            case "csv":
                QueryResultText.WriteCsv(result, writer);
                break;
            case "json":
                writer.WriteLine(QueryResultText.Json(result));
                break;
            default:
                // A table when it fits the width, else one block per row (a 51-column SELECT * reads at 80 columns).
                var table = new FoldingTable(null, [.. result.Columns.Select(c => c.Name)]);
                for (int c = 0; c < result.Columns.Count; c++)
                {
                    if (result.Columns[c].IsNumeric)
                        table.RightAlign(c);
                }
                foreach (var row in result.Rows)
                    table.AddRow([.. row.Select(v => Markup.Escape(QueryResultText.Cell(v)))]);
                console.Write(table);
                console.WriteLine($"({result.Rows.Count} row{(result.Rows.Count == 1 ? "" : "s")})");
                break;
        }
    }
}
