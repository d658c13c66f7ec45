namespace VpcLab.Cli;

/// <summary>What the process returns: scripts branch on these (trace: delivered or dropped).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>trace: the flow was dropped.</summary>
    public const int Dropped = 1;
    /// <summary>Bad input: a missing file, an invalid scenario, an unknown name.</summary>
    public const int BadInput = 2;
}
