using System.Globalization;
using System.Text;

namespace VpcLab.Query;

/// <summary>A narrowing of <c>vpc_flow_logs</c> to some records (the web console's filters): one interface, one action,
/// an address at either end, a port at either end, a time window. Any query over the table, an example's included, runs
/// unchanged over the narrowed table (<see cref="Apply"/>), so a filtered chart is the same SQL as <c>vpclab query</c>.
/// docs/semantics.md#console-flow-logs.</summary>
/// <param name="InterfaceId">Only records of this network interface (<c>interface_id</c>).</param>
/// <param name="Action"><c>ACCEPT</c> or <c>REJECT</c>.</param>
/// <param name="Address">Records with this address as <c>srcaddr</c>, <c>dstaddr</c>, <c>pkt_srcaddr</c> or <c>pkt_dstaddr</c>
/// (the packet-level fields name the far end behind a NAT gateway).</param>
/// <param name="Port">Records with this <c>srcport</c> or <c>dstport</c>.</param>
/// <param name="From">Unix seconds: records whose capture window (<c>start</c>..<c>end</c>) reaches this instant or later.</param>
/// <param name="To">Unix seconds: records whose capture window began before this instant.</param>
public sealed record FlowLogFilter(string? InterfaceId = null, string? Action = null, string? Address = null, int? Port = null,
    long? From = null, long? To = null)
{
    public static readonly FlowLogFilter None = new();

    /// <summary>The actions a record can have (AWS: ACCEPT or REJECT).</summary>
    public static readonly IReadOnlyList<string> Actions = ["ACCEPT", "REJECT"];

    public bool IsEmpty => this == None;

    /// <summary>The SQL condition on one record of <c>vpc_flow_logs</c> (<c>true</c> when nothing is filtered).</summary>
    public string Predicate()
    {
        var terms = new List<string>();
        if (InterfaceId is { } eni)
            terms.Add($"interface_id = {SqlText.Literal(eni)}");
        if (Action is { } action)
        {
            if (!Actions.Contains(action))
                throw new ArgumentException($"The action '{action}' is not ACCEPT or REJECT.", nameof(Action));
            terms.Add($"action = {SqlText.Literal(action)}");
        }
        if (Address is { } address)
        {
            var a = SqlText.Literal(address);
            terms.Add($"(srcaddr = {a} OR dstaddr = {a} OR pkt_srcaddr = {a} OR pkt_dstaddr = {a})");
        }
        if (Port is { } port)
            terms.Add(string.Create(CultureInfo.InvariantCulture, $"(srcport = {port} OR dstport = {port})"));
        if (From is { } from)
            terms.Add(string.Create(CultureInfo.InvariantCulture, $"\"end\" >= {from}"));
        if (To is { } to)
            terms.Add(string.Create(CultureInfo.InvariantCulture, $"\"start\" < {to}"));
        return terms.Count == 0 ? "true" : string.Join(" AND ", terms);
    }

    /// <summary><paramref name="sql"/> over the narrowed table: a WITH clause named <c>vpc_flow_logs</c> hides the view
    /// for that one statement (DuckDB and Trino both resolve a table name to the WITH clause first). Unchanged when
    /// nothing is filtered.</summary>
    public string Apply(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        if (IsEmpty)
            return sql;
        var narrowed = new StringBuilder()
            .Append("WITH ").Append(FlowLogTable.ViewName).Append(" AS (SELECT * FROM main.").Append(FlowLogTable.ViewName)
            .Append(" WHERE ").Append(Predicate()).Append(")\n")
            .Append(sql);
        return narrowed.ToString();
    }
}
