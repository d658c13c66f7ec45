using System.Buffers;
using BenchmarkDotNet.Attributes;
using VpcLab.FlowLogs;
using VpcLab.FlowLogs.Delivery;
using VpcLab.FlowLogs.Delivery.S3;
using VpcLab.FlowLogs.Formatting;
using VpcLab.Model;

namespace VpcLab.Benchmarks;

/// <summary>S3 flow log delivery of about a million records (one 5-minute slice), per record: formatting alone,
/// the whole gzip text file path (sort, format, cut, gzip), the whole Parquet path, and the baseline — gzip of the
/// same text bytes alone, which is the floor for the text path.</summary>
[MemoryDiagnoser]
public class FlowLogDeliveryBenchmarks
{
    private FlowRecord[] _records = null!;
    private FlowLog _textLog = null!, _parquetLog = null!;
    private FlowRecordFormatter _formatter = null!;
    private byte[] _lines = null!;
    private ArrayBufferWriter<byte> _buffer = null!;

    [Params("default-v2", "v5")]
    public string Format { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var format = Format == "v5" ? FlowLogRecords.V5 : FlowLogFormat.Default;
        _records = FlowLogRecords.Generate();
        _textLog = FlowLogRecords.Log(format, FlowLogFileFormat.PlainText);
        _parquetLog = FlowLogRecords.Log(format, FlowLogFileFormat.Parquet);
        _formatter = new FlowRecordFormatter(format);
        _buffer = new ArrayBufferWriter<byte>(_records.Length * 256);
        // The baseline compresses exactly the bytes the text files hold: the lines in file order.
        _buffer.ResetWrittenCount();
        foreach (var record in FlowRecordOrder.Sort(_records))
            _formatter.Write(record, _buffer, newline: true);
        _lines = _buffer.WrittenSpan.ToArray();
    }

    [Benchmark(OperationsPerInvoke = FlowLogRecords.Count)]
    public int FormatOnly() => FormatAll();

    [Benchmark(OperationsPerInvoke = FlowLogRecords.Count, Baseline = true)]
    public int GzipSameBytesOnly() => GzipTextFile.Write(_textLog.Format.HeaderLine, _lines).Length;

    [Benchmark(OperationsPerInvoke = FlowLogRecords.Count)]
    public int GzipTextFiles() => S3FlowLogFiles.RenderAsync(_textLog, _records).GetAwaiter().GetResult().Sum(f => f.Content.Length);

    [Benchmark(OperationsPerInvoke = FlowLogRecords.Count)]
    public int ParquetFiles() => S3FlowLogFiles.RenderAsync(_parquetLog, _records).GetAwaiter().GetResult().Sum(f => f.Content.Length);

    private int FormatAll()
    {
        _buffer.ResetWrittenCount();
        foreach (ref readonly var record in _records.AsSpan())
            _formatter.Write(record, _buffer, newline: true);
        return _buffer.WrittenCount;
    }
}
