using VpcLab.Model;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>The one place that decides how long a flow log's aggregation window is on an interface. AWS: "When a
/// network interface is attached to a Nitro-based instance, the aggregation interval is always 60 seconds (1 minute)
/// or less, regardless of the specified value"; the lab models every instance as Nitro, so an instance's interface
/// gets 60-s windows. Other interfaces (NAT gateway, VPC endpoint, unattached) keep the flow log's
/// MaxAggregationInterval (choice: AWS says nothing of them). See docs/semantics.md#flow-log-windows.</summary>
internal static class AggregationWindow
{
    /// <summary>The window of every instance's interface: Nitro's "1 minute or less".</summary>
    public const long NitroSeconds = 60;

    /// <summary>The effective window, in seconds, of <paramref name="log"/> on <paramref name="eni"/>;
    /// DescribeFlowLogs still reports the interval the flow log was created with.</summary>
    public static long Seconds(FlowLog log, NetworkInterface eni) =>
        AttachedToInstance(eni) ? Math.Min(NitroSeconds, log.MaxAggregationInterval) : log.MaxAggregationInterval;

    private static bool AttachedToInstance(NetworkInterface eni) =>
        eni.InterfaceType == NetworkInterfaceType.Interface && !eni.RequesterManaged && eni.Attachment is not null;
}
