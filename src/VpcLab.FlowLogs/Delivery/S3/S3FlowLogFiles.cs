using System.Runtime.InteropServices;
using System.Text;
using VpcLab.FlowLogs.Formatting;
using VpcLab.Model;

namespace VpcLab.FlowLogs.Delivery.S3;

/// <summary>Turns a flow log's records into the S3 objects AWS would write: grouped into 5-minute slices by
/// <c>end</c>, ordered by <see cref="FlowRecordOrder"/>, cut into parts by size, each part a gzip text file or a
/// Parquet file named by <see cref="S3KeyLayout"/>. Pure: the same records and options give the same objects.</summary>
public static class S3FlowLogFiles
{
    public static Task<IReadOnlyList<S3FlowLogFile>> RenderAsync(FlowLog log, IEnumerable<FlowRecord> records,
        S3DeliveryOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(records);
        options ??= S3DeliveryOptions.Default;
        if (log.DestinationType != FlowLogDestinationType.S3)
            throw new ArgumentException($"Flow log {log.Id.Value} delivers to {log.DestinationType}, not to S3.", nameof(log));
        if (options.MaxFileBytes <= 0)
            throw new ArgumentException($"MaxFileBytes must be positive (got {options.MaxFileBytes}).", nameof(options));

        var files = new List<S3FlowLogFile>();
        foreach (var (slice, sliceRecords) in BySlice(records))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!options.ByInterfaceGroup)
            {
                RenderSlice(log, slice, sliceRecords, null, options, files);
                continue;
            }
            foreach (var group in sliceRecords.GroupBy(r => InterfaceGroups.Of(r.Interface.InterfaceId)).OrderBy(g => g.Key))
                RenderSlice(log, slice, group.ToArray(), group.Key, options, files);
        }
        return Task.FromResult<IReadOnlyList<S3FlowLogFile>>(files);
    }

    /// <summary>The files of one slice (or of one delivery group of it), added to <paramref name="files"/>.</summary>
    private static void RenderSlice(FlowLog log, TimeSlice slice, IReadOnlyList<FlowRecord> sliceRecords, int? group,
        S3DeliveryOptions options, List<S3FlowLogFile> files)
    {
        var formatter = new FlowRecordFormatter(log.Format);
        var header = log.Format.HeaderLine;
        if (log.DestinationOptions.FileFormat != FlowLogFileFormat.Parquet)
        {
            var records = SpanOf(sliceRecords);
            var parts = GzipTextParts.Write(formatter, header, records, FlowRecordOrder.Permutation(records), options.MaxFileBytes);
            for (int p = 0; p < parts.Count; p++)
                files.Add(new S3FlowLogFile(S3KeyLayout.Key(log, slice, p, options, group), slice, p, parts[p].Records, parts[p].Content));
            return;
        }
        var all = FlowRecordOrder.Sort(sliceRecords);
        // Parquet parts are cut where the text files would be: by the length of each record's line (counted, not written).
        var ends = new int[all.Length];
        int end = 0;
        for (int i = 0; i < all.Length; i++)
        {
            end += formatter.LineLength(all[i]) + 1;
            ends[i] = end;
        }
        int part = 0, first = 0;
        foreach (int last in PartEnds(ends, Encoding.UTF8.GetByteCount(header) + 1, options.MaxFileBytes))
        {
            var content = Parquet.ParquetFile.Write(log.Format, all.AsSpan(first, last - first));
            files.Add(new S3FlowLogFile(S3KeyLayout.Key(log, slice, part, options, group), slice, part, last - first, content));
            part++;
            first = last;
        }
    }

    /// <summary>Where each part ends (exclusive record index): a part grows while its uncompressed text (header and
    /// lines) stays within the limit, and always holds at least one record.</summary>
    internal static IEnumerable<int> PartEnds(int[] lineEnds, int headerBytes, long maxFileBytes)
    {
        int first = 0;
        while (first < lineEnds.Length)
        {
            long startOffset = first == 0 ? 0 : lineEnds[first - 1];
            int last = first + 1;
            while (last < lineEnds.Length && headerBytes + (lineEnds[last] - startOffset) <= maxFileBytes)
                last++;
            yield return last;
            first = last;
        }
    }

    private static ReadOnlySpan<FlowRecord> SpanOf(IReadOnlyList<FlowRecord> records) => records switch
    {
        FlowRecord[] array => array,
        List<FlowRecord> list => CollectionsMarshal.AsSpan(list),
        _ => records.ToArray(),
    };

    /// <summary>The records by slice, slices in time order. A traffic run hands over one slice at a time: those
    /// records are used as they are, not copied (a copy of a slice of a large world is tens of MB).</summary>
    private static IEnumerable<(TimeSlice Slice, IReadOnlyList<FlowRecord> Records)> BySlice(IEnumerable<FlowRecord> records)
    {
        if (records is IReadOnlyList<FlowRecord> { Count: > 0 } given and (FlowRecord[] or List<FlowRecord>) && OneSlice(SpanOf(given)) is { } only)
            return [(only, given)];
        return BySliceCopied(records).Select(p => (p.Key, (IReadOnlyList<FlowRecord>)p.Value));
    }

    private static TimeSlice? OneSlice(ReadOnlySpan<FlowRecord> records)
    {
        var slice = TimeSlice.Of(records[0].End);
        foreach (ref readonly var r in records)
        {
            if (TimeSlice.Of(r.End) != slice)
                return null;
        }
        return slice;
    }

    private static SortedDictionary<TimeSlice, List<FlowRecord>> BySliceCopied(IEnumerable<FlowRecord> records)
    {
        var slices = new SortedDictionary<TimeSlice, List<FlowRecord>>();
        foreach (var record in records)
        {
            var slice = TimeSlice.Of(record.End);
            if (!slices.TryGetValue(slice, out var list))
                slices.Add(slice, list = []);
            list.Add(record);
        }
        return slices;
    }
}
