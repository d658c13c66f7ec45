using VpcLab.Import.Json;
using VpcLab.Model;

namespace VpcLab.Import.Reading;

/// <summary>describe-flow-logs. The output names the watched resource but not its type: the id's prefix gives it.</summary>
internal static class FlowLogReader
{
    public static void Read(FolderContext ctx)
    {
        foreach (var f in ctx.Items(DescribeCalls.FlowLogs))
        {
            var id = new FlowLogId(f.String("FlowLogId"));
            var resource = f.String("ResourceId");
            FlowLogResourceType? type = resource.Split('-')[0] switch
            {
                "vpc" => FlowLogResourceType.Vpc,
                "subnet" => FlowLogResourceType.Subnet,
                "eni" => FlowLogResourceType.NetworkInterface,
                _ => null,
            };
            if (type is null)
            {
                ctx.Skip("flow-log", id.Value, $"watches {resource}, a resource kind VpcLab does not model");
                continue;
            }
            var log = Log(ctx, f, id, resource, type.Value);
            if (ctx.Parts.FlowLogs.TryAdd(id, log))
                ctx.Parts.Tag(id.Value, f.Tags());
        }
    }

    private static FlowLog Log(FolderContext ctx, JsonSource f, FlowLogId id, string resource, FlowLogResourceType type)
    {
        var formatText = f.OptionalString("LogFormat") ?? FlowLogFormat.DefaultText;
        if (!FlowLogFormat.TryParse(formatText, out var format, out var error))
            throw f.Required("LogFormat").Error(error);
        var destinationType = f.Member("LogDestinationType") is { } d ? d.Enum<FlowLogDestinationType>() : FlowLogDestinationType.CloudWatchLogs;
        var options = f.Member("DestinationOptions") is { } o
            ? new FlowLogDestinationOptions(o.Member("FileFormat") is { } ff ? ff.Enum<FlowLogFileFormat>() : FlowLogFileFormat.PlainText,
                o.Bool("HiveCompatiblePartitions"), o.Bool("PerHourPartition"))
            : FlowLogDestinationOptions.Default;
        return new FlowLog(id, ctx.Account, ctx.Region, resource, type, f.Enum<FlowLogTrafficType>("TrafficType"), destinationType,
            f.OptionalString("LogDestination") ?? "", f.OptionalString("LogGroupName"), f.OptionalString("DeliverLogsPermissionArn"),
            format, f.OptionalInt("MaxAggregationInterval") ?? FlowLog.DefaultMaxAggregationInterval, options, f.Time("CreationTime"))
        {
            DeliverCrossAccountRole = f.OptionalString("DeliverCrossAccountRole"),
            DeliverLogsStatus = f.OptionalString("DeliverLogsStatus") ?? "SUCCESS",
            DeliverLogsErrorMessage = f.OptionalString("DeliverLogsErrorMessage"),
        };
    }
}
