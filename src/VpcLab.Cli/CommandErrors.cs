using VpcLab.ControlPlane.Errors;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Engine;

namespace VpcLab.Cli;

/// <summary>Which failures are the user's input (printed as one line) rather than our bugs.</summary>
public static class CommandErrors
{
    public static bool IsUserFacing(Exception e) =>
        e is UsageException or ScenarioException or VpcLab.Import.ImportException or TraceRequestException or VpcLab.FlowLogs.Traffic.WorkloadException or Ec2Exception or FormatException
            or IOException or UnauthorizedAccessException;

    public static string Describe(Exception e) => e switch
    {
        Ec2Exception ec2 => $"{ec2.Code.Code}: {ec2.Message}",
        _ => e.Message,
    };
}
