namespace VpcLab.Query;

/// <summary>A query that DuckDB refused or flow log files it could not read; the message names DuckDB's complaint.</summary>
public sealed class FlowLogQueryException : Exception
{
    public FlowLogQueryException(string message) : base(message) { }

    public FlowLogQueryException() { }

    public FlowLogQueryException(string message, Exception inner) : base(message, inner) { }
}
