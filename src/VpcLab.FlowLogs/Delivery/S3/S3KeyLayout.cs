using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using VpcLab.Model;

namespace VpcLab.FlowLogs.Delivery.S3;

/// <summary>Where AWS puts a flow log's files in its bucket (flow-logs.md §5.1): the folder for a slice in each of the
/// four DestinationOptions layouts, and the file name.</summary>
public static class S3KeyLayout
{
    public const string TextExtension = ".log.gz";

    /// <summary>Parquet files: AWS's extension is unconfirmed; ".log.parquet" as the spec suggests.</summary>
    public const string ParquetExtension = ".log.parquet";

    /// <summary>The folder (ending in '/') that holds the slice's files, after the destination's own folder if any:
    /// <c>{prefix}/AWSLogs/{account}/vpcflowlogs/{region}/{yyyy}/{MM}/{dd}/[{HH}/]</c> or its Hive form.</summary>
    public static string Folder(FlowLog log, TimeSlice slice)
    {
        ArgumentNullException.ThrowIfNull(log);
        var prefix = log.S3Prefix ?? throw new ArgumentException($"Flow log {log.Id.Value} does not deliver to S3.", nameof(log));
        var t = slice.Start;
        var account = log.OwnerId.Value;
        var sb = new StringBuilder(128);
        if (prefix.Length > 0)
            sb.Append(prefix).Append('/');
        sb.Append("AWSLogs/");
        var options = log.DestinationOptions;
        if (options.HiveCompatiblePartitions)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"aws-account-id={account}/aws-service=vpcflowlogs/aws-region={log.Region}/year={t:yyyy}/month={t:MM}/day={t:dd}/");
            if (options.PerHourPartition)
                sb.Append(CultureInfo.InvariantCulture, $"hour={t:HH}/");
        }
        else
        {
            sb.Append(CultureInfo.InvariantCulture, $"{account}/vpcflowlogs/{log.Region}/{t:yyyy}/{t:MM}/{t:dd}/");
            if (options.PerHourPartition)
                sb.Append(CultureInfo.InvariantCulture, $"{t:HH}/");
        }
        return sb.ToString();
    }

    /// <summary><c>{account}_vpcflowlogs_{region}_{flow-log-id}_{YYYYMMDDTHHmmZ}_{hash}.log.gz</c> (or .log.parquet).</summary>
    public static string FileName(FlowLog log, TimeSlice slice, string hash)
    {
        ArgumentNullException.ThrowIfNull(log);
        var extension = log.DestinationOptions.FileFormat == FlowLogFileFormat.Parquet ? ParquetExtension : TextExtension;
        return string.Create(CultureInfo.InvariantCulture,
            $"{log.OwnerId.Value}_vpcflowlogs_{log.Region}_{log.Id.Value}_{slice.Start:yyyyMMdd'T'HHmm}Z_{hash}{extension}");
    }

    /// <summary>The full key of part <paramref name="part"/> (0, 1, …) of a slice, or of a slice's
    /// <see cref="InterfaceGroups">delivery group</see> <paramref name="group"/> (a sharded run's layout).</summary>
    public static string Key(FlowLog log, TimeSlice slice, int part, S3DeliveryOptions options, int? group = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Folder(log, slice) + FileName(log, slice, Hash(options.HashSeed, log.Id.Value, slice, part, group));
    }

    /// <summary>8 lower-case hex characters from (seed, flow log id, slice, part[, delivery group]): AWS's suffix looks random; a
    /// derived one keeps runs reproducible while still telling the parts of one slice apart.</summary>
    public static string Hash(string seed, string flowLogId, TimeSlice slice, int part, int? group = null)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{seed}\n{flowLogId}\n{slice.StartSeconds}\n{part}");
        if (group is { } g)
            text += string.Create(CultureInfo.InvariantCulture, $"\ngroup {g}");
        var input = Encoding.UTF8.GetBytes(text);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input, digest);
        return Convert.ToHexStringLower(digest[..4]);
    }
}
