using VpcLab.Engine;
using VpcLab.Net;

namespace VpcLab.FlowLogs;

/// <summary>The record's <c>log-status</c>.</summary>
public enum LogStatus : byte
{
    Ok,
    NoData,
    SkipData,
}
