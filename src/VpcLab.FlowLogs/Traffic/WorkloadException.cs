namespace VpcLab.FlowLogs.Traffic;

/// <summary>A workload that cannot be read or run; the message names the file, line and problem.</summary>
public sealed class WorkloadException : Exception
{
    public WorkloadException() { }
    public WorkloadException(string message) : base(message) { }
    public WorkloadException(string message, Exception inner) : base(message, inner) { }
}
