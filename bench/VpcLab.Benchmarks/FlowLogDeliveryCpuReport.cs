using System.Diagnostics;
using VpcLab.FlowLogs.Delivery;
using VpcLab.FlowLogs.Delivery.S3;
using VpcLab.FlowLogs.Formatting;
using VpcLab.Model;

namespace VpcLab.Benchmarks;

/// <summary><c>--flowlogs-cpu</c>: the delivery benchmarks' four paths measured in CPU time of the whole process (GC
/// included), so other processes competing for the cores do not count: records per CPU-second for each format.</summary>
public static class FlowLogDeliveryCpuReport
{
    /// <summary><paramref name="withParquetNet"/>: also the Parquet writer before the columnar one (slow; off in
    /// <c>--flowlogs-cpu quick</c>, which repeats faster).</summary>
    public static void Run(int rounds = 3, bool withParquetNet = true, bool defaultOnly = false)
    {
        var records = FlowLogRecords.Generate();
        foreach (var (name, format) in new[] { ("default-v2", FlowLogFormat.Default), ("v5", FlowLogRecords.V5) })
        {
            if (defaultOnly && format != FlowLogFormat.Default)
                continue;
            var text = FlowLogRecords.Log(format, FlowLogFileFormat.PlainText);
            var parquet = FlowLogRecords.Log(format, FlowLogFileFormat.Parquet);
            var formatter = new FlowRecordFormatter(format);
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(records.Length * 256);
            // The baseline compresses exactly the bytes the text files hold: the lines in file order.
            foreach (var r in FlowRecordOrder.Sort(records))
                formatter.Write(r, buffer, newline: true);
            var lines = buffer.WrittenSpan.ToArray();
            var inOrder = FlowRecordOrder.Sort(records);
            long gz = 0, gzInOrder = 0, pq = 0, pqNet = 0;
            double formatCpu = Measure(name, "format only", rounds, () =>
            {
                buffer.ResetWrittenCount();
                foreach (var r in records)
                    formatter.Write(r, buffer, newline: true);
            });
            // Before the line plan (TextFilesBefore: the formatter and text loop of commit 648e0fd), same records.
            var before = new FlowRecordFormatterBefore(format);
            double formatBefore = Measure(name, "format only, before", rounds, () =>
            {
                buffer.ResetWrittenCount();
                TextFilesBefore.FormatOnly(before, records, buffer);
            });
            double baseline = Measure(name, "gzip same bytes only (baseline)", rounds, () => GzipTextFile.Write(format.HeaderLine, lines));
            // What the in-order text path does beside gzip, measured apart: the order check and the lines in file order.
            double orderCheck = Measure(name, "order check, records in order", rounds, () => FlowRecordOrder.Permutation(inOrder));
            double formatInOrder = Measure(name, "format only, records in order", rounds, () =>
            {
                buffer.ResetWrittenCount();
                foreach (ref readonly var r in inOrder.AsSpan())
                    formatter.Write(r, buffer, newline: true);
            });
            var beforeFiles = TextFilesBefore.Render(text, inOrder);
            var afterFiles = S3FlowLogFiles.RenderAsync(text, inOrder).GetAwaiter().GetResult();
            if (beforeFiles.Count != afterFiles.Count || !beforeFiles.Zip(afterFiles).All(p => p.First.AsSpan().SequenceEqual(p.Second.Content)))
                throw new InvalidOperationException("The text files before and after the line plan differ.");
            double inOrderBefore = Measure(name, "gzip text files, in order, before", rounds, () => TextFilesBefore.Render(text, inOrder));
            double textCpu = Measure(name, "gzip text files (sort+format+gzip)", rounds,
                () => gz = S3FlowLogFiles.RenderAsync(text, records).GetAwaiter().GetResult().Sum(f => (long)f.Content.Length));
            double inOrderCpu = Measure(name, "gzip text files, records in order", rounds,
                () => gzInOrder = S3FlowLogFiles.RenderAsync(text, inOrder).GetAwaiter().GetResult().Sum(f => (long)f.Content.Length));
            IReadOnlyList<S3FlowLogFile> parts = [];
            double parquetCpu = Measure(name, "parquet files (columnar writer)", rounds,
                () => pq = (parts = S3FlowLogFiles.RenderAsync(parquet, records).GetAwaiter().GetResult()).Sum(f => (long)f.Content.Length));
            // Before: the same sort and the same parts, each written by Parquet.Net.
            double parquetNetCpu = !withParquetNet ? double.NaN : Measure(name, "parquet files (Parquet.Net, before)", rounds, () =>
            {
                var sorted = FlowRecordOrder.Sort(records);
                int first = 0;
                pqNet = 0;
                foreach (var part in parts)
                {
                    pqNet += ParquetNetFile.WriteAsync(format, sorted.AsMemory(first, part.RecordCount)).GetAwaiter().GetResult().Length;
                    first += part.RecordCount;
                }
            });
            Console.WriteLine($"{name}: text {lines.Length / 1e6:F1} MB -> gzip {gz / 1e6:F1} MB (in order {gzInOrder / 1e6:F1} MB), parquet {pq / 1e6:F1} MB (Parquet.Net {pqNet / 1e6:F1} MB)");
            Console.WriteLine($"{name}: CPU / gzip alone, before the line plan: format {formatBefore / baseline:F2}x, text in order {inOrderBefore / baseline:F2}x; " +
                $"now: format {formatCpu / baseline:F2}x, text in order {inOrderCpu / baseline:F2}x (the same bytes); in order, apart: "
                + $"order check {orderCheck / baseline:F3}x, format {formatInOrder / baseline:F2}x, the rest {(inOrderCpu - baseline - orderCheck - formatInOrder) / baseline:F2}x");
            Console.WriteLine($"{name}: CPU / gzip alone: text {textCpu / baseline:F2}x (in order {inOrderCpu / baseline:F2}x), " +
                $"parquet {parquetCpu / baseline:F2}x (Parquet.Net {parquetNetCpu / baseline:F2}x)");
        }
    }

    private static double Measure(string format, string what, int rounds, Action action)
    {
        action(); // warm-up (JIT, buffers)
        var process = Process.GetCurrentProcess();
        var best = double.MaxValue;
        for (int i = 0; i < rounds; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            action();
            process.Refresh();
            best = Math.Min(best, (process.TotalProcessorTime - cpu).TotalSeconds);
        }
        Console.WriteLine($"{format,-11} {what,-36} {best:F2} s CPU per {FlowLogRecords.Count:N0} records = {FlowLogRecords.Count / best / 1e6:F2} M records per CPU-second");
        return best;
    }
}
