using VpcLab.Engine;
using VpcLab.Model;

namespace VpcLab.FlowLogs.Formatting;

/// <summary>Which field of a record prints '-' (flow-logs.md §2.1–2.2), and the typed value of every other one.
/// Shared by the text formatter and the Parquet writer so a '-' in text is exactly a null in Parquet.</summary>
public static class FieldRules
{
    /// <summary>True when the field has no value in this record and is written '-' (a null in Parquet).</summary>
    public static bool IsBlank(FlowLogFieldId field, in FlowRecord record)
    {
        // NODATA and SKIPDATA lines keep only these (AWS: "2 123456789010 eni-… - - - - - - - start end - NODATA").
        if (record.Status != LogStatus.Ok)
            return field is not (FlowLogFieldId.Version or FlowLogFieldId.AccountId or FlowLogFieldId.InterfaceId
                or FlowLogFieldId.Start or FlowLogFieldId.End or FlowLogFieldId.LogStatus);
        return field switch
        {
            FlowLogFieldId.InstanceId => record.Interface.InstanceId is null,
            FlowLogFieldId.AzId => string.IsNullOrEmpty(record.Interface.AzId),
            FlowLogFieldId.TcpFlags => record.TcpFlags == FlowRecord.NoTcpFlags,
            FlowLogFieldId.TrafficPath => record.TrafficPath == FlowRecord.NoTrafficPath,
            FlowLogFieldId.PktSrcAwsService => record.PktSrcAwsService is null,
            FlowLogFieldId.PktDstAwsService => record.PktDstAwsService is null,
            // Sublocations (Wavelength, Outposts, Local Zones) are not modelled.
            FlowLogFieldId.SublocationType or FlowLogFieldId.SublocationId => true,
            // Version 7+ fields (ECS, reject-reason, resource-id, encryption-status): accepted in formats, never filled.
            >= FlowLogFieldId.EcsClusterArn => true,
            _ => false,
        };
    }

    /// <summary>True when the field prints the same text on every OK record of one interface (its value and its
    /// blankness above depend only on the interface and the format): the formatter writes such fields once per
    /// interface. Keep in step with <see cref="IsBlank"/>: a field filled per record some day leaves this list.</summary>
    public static bool SameForInterface(FlowLogFieldId field) => field is FlowLogFieldId.Version or FlowLogFieldId.AccountId
        or FlowLogFieldId.InterfaceId or FlowLogFieldId.VpcId or FlowLogFieldId.SubnetId or FlowLogFieldId.InstanceId
        or FlowLogFieldId.Region or FlowLogFieldId.AzId or FlowLogFieldId.SublocationType or FlowLogFieldId.SublocationId
        or >= FlowLogFieldId.EcsClusterArn;

    /// <summary>The value of a numeric field (Parquet INT_32 or INT_64) that is not blank.</summary>
    public static long Number(FlowLogFieldId field, in FlowRecord record, int version) => field switch
    {
        FlowLogFieldId.Version => version,
        FlowLogFieldId.SrcPort => record.SrcPort,
        FlowLogFieldId.DstPort => record.DstPort,
        FlowLogFieldId.Protocol => record.Protocol,
        FlowLogFieldId.Packets => record.Packets,
        FlowLogFieldId.Bytes => record.Bytes,
        FlowLogFieldId.Start => record.Start,
        FlowLogFieldId.End => record.End,
        FlowLogFieldId.TcpFlags => record.TcpFlags,
        FlowLogFieldId.TrafficPath => record.TrafficPath,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a numeric flow log field."),
    };

    /// <summary>The text of a string field that is not blank (allocates for addresses; the formatter does not use it).</summary>
    public static string Text(FlowLogFieldId field, in FlowRecord record) => field switch
    {
        FlowLogFieldId.AccountId => record.Interface.AccountId,
        FlowLogFieldId.InterfaceId => record.Interface.InterfaceId,
        FlowLogFieldId.SrcAddr => record.SrcAddr.ToString(),
        FlowLogFieldId.DstAddr => record.DstAddr.ToString(),
        FlowLogFieldId.Action => ActionText(record.Accepted),
        FlowLogFieldId.LogStatus => StatusText(record.Status),
        FlowLogFieldId.VpcId => record.Interface.VpcId,
        FlowLogFieldId.SubnetId => record.Interface.SubnetId,
        FlowLogFieldId.InstanceId => record.Interface.InstanceId!,
        FlowLogFieldId.Type => record.Type,
        FlowLogFieldId.PktSrcAddr => record.PktSrcAddr.ToString(),
        FlowLogFieldId.PktDstAddr => record.PktDstAddr.ToString(),
        FlowLogFieldId.Region => record.Interface.Region,
        FlowLogFieldId.AzId => record.Interface.AzId,
        FlowLogFieldId.PktSrcAwsService => record.PktSrcAwsService!,
        FlowLogFieldId.PktDstAwsService => record.PktDstAwsService!,
        FlowLogFieldId.FlowDirection => DirectionText(record.Direction),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a string flow log field with a value."),
    };

    public static string ActionText(bool accepted) => accepted ? "ACCEPT" : "REJECT";

    public static string StatusText(LogStatus status) => status switch
    {
        LogStatus.Ok => "OK",
        LogStatus.NoData => "NODATA",
        _ => "SKIPDATA",
    };

    public static string DirectionText(TrafficDirection direction) => direction == TrafficDirection.Ingress ? "ingress" : "egress";
}
