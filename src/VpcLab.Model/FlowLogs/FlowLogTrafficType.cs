namespace VpcLab.Model;

/// <summary>Which records a flow log keeps (the API's TrafficType).</summary>
public enum FlowLogTrafficType
{
    Accept,
    Reject,
    All,
}
