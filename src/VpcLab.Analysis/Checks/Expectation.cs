namespace VpcLab.Analysis.Checks;

/// <summary>What an assertion's <c>expect:</c> says of the traffic between its selections.</summary>
public enum Expectation
{
    /// <summary>No flow of the traffic from any source to any destination is delivered.</summary>
    Unreachable,
    /// <summary>Every source reaches every destination on every piece of the traffic (some address, some source port).</summary>
    Reachable,
}
