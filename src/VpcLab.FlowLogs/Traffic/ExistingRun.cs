namespace VpcLab.FlowLogs.Traffic;

/// <summary>What a run does with an output folder that already holds a run (docs/semantics.md#re-runs).</summary>
public enum ExistingRun
{
    /// <summary>Refuse, naming what is there (the default: a second run would silently double CloudWatch Logs events).</summary>
    Refuse,

    /// <summary>Delete the previous run's S3 files and CloudWatch Logs store first.</summary>
    Replace,

    /// <summary>Add to it, when nothing of this run falls where the previous run already wrote (a later time span).</summary>
    Append,
}
