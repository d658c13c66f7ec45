namespace VpcLab.FlowLogs.Traffic;

/// <summary>The output folder already holds a run and the run may not write into it as asked (see <see cref="ExistingRun"/>).</summary>
public sealed class OutputInUseException(string message) : Exception(message);
