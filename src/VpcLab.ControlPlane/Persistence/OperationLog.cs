using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace VpcLab.ControlPlane.Persistence;

/// <summary>The durable record of every acknowledged mutation, in order: an append-only file of CRC-checked frames
/// (<see cref="FileName"/>, layout in <see cref="OperationLogFormat"/>). State is rebuilt at start by replaying it
/// (<see cref="OperationJournal.Replay"/>); ids come out the same because the control plane's ids are deterministic.
///
/// The file is grown in large chunks of zeros really written and synced (not fallocate'd: writing into unwritten
/// extents makes ext4 journal metadata at each sync), so a batch is one pwrite over zeros already on disk and one
/// fdatasync (<see cref="FileSync.DataSync"/>) that writes no inode. Recovery at open: records are read until the first
/// zero length, a frame that does not fit, fails its CRC or does not raise the sequence; that is the end of the log (a
/// torn last batch, never acknowledged, is cut off there), whatever follows it is zeroed and synced, and appends go on
/// from there. A data directory with only the older SQLite log is migrated first (<see cref="SqliteLogMigration"/>).
/// docs/architecture.md#the-operation-log.</summary>
public sealed class OperationLog : IOperationLog
{
    public const string FileName = "vpclab.log";

    /// <summary>The new file's size; each growth doubles it, by at most <see cref="MaxGrowth"/>.</summary>
    internal const int DefaultFirstChunk = 1 << 20;
    private const long MaxGrowth = 64L << 20;
    private const int ZeroBlock = 1 << 20;
    private static readonly byte[] s_zeros = new byte[ZeroBlock];

    private readonly string _path;
    private readonly SafeFileHandle _file;
    private readonly int _firstChunk;
    private long _end;      // where the next frame goes: [_end, _capacity) is zeros on disk
    private long _capacity; // the file's length, zeros synced up to it
    private Task<long>? _growing; // the growth ahead (to the capacity it returns), off the committing thread
    private long _sequence; // the last record's
    private byte[] _buffer = new byte[64 << 10];
    private volatile Exception? _failed; // set by a failed write or sync (on any committing thread)

    private OperationLog(string path, SafeFileHandle file, int firstChunk)
    {
        _path = path;
        _file = file;
        _firstChunk = firstChunk;
    }

    string IOperationLog.FileName => FileName;

    /// <summary>How many bytes of the file hold records (with the header): where the next frame goes.</summary>
    internal long End => _end;

    /// <summary>The file's length: zeros from <see cref="End"/> on.</summary>
    internal long Capacity => _capacity;

    public static OperationLog Open(string directory) => Open(directory, DefaultFirstChunk);

    /// <summary>Opens (after migrating an older SQLite log, or creating it) and recovers the log in
    /// <paramref name="directory"/>; <paramref name="firstChunk"/>: a new file's size (small in tests of growth).</summary>
    internal static OperationLog Open(string directory, int firstChunk)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            Create(directory, SqliteLogMigration.Read(directory), firstChunk); // [] without an older log
            SqliteLogMigration.Retire(directory);
        }
        var log = new OperationLog(path, File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read), firstChunk);
        try
        {
            log.Recover();
            return log;
        }
        catch
        {
            log.Dispose();
            throw;
        }
    }

    /// <summary>Writes a new log holding <paramref name="records"/> (their sequence numbers kept) under a temporary
    /// name, syncs it and renames it into place, then syncs the directory: the log exists whole or not at all.</summary>
    internal static void Create(string directory, IReadOnlyList<LoggedOperation> records, int firstChunk)
    {
        var temporary = Path.Combine(directory, FileName + ".new");
        using (var file = File.OpenHandle(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None))
        {
            long at = 0;
            RandomAccess.Write(file, OperationLogFormat.Magic, at);
            at += OperationLogFormat.HeaderLength;
            var buffer = new byte[64 << 10];
            foreach (var r in records)
            {
                var record = new LogRecord(r.Time, r.Account, r.Region, r.Operation, r.Parameters);
                var length = OperationLogFormat.FrameLength(record);
                if (buffer.Length < length)
                    buffer = new byte[length];
                RandomAccess.Write(file, buffer.AsSpan(0, OperationLogFormat.WriteFrame(buffer, r.Sequence, record)), at);
                at += length;
            }
            WriteZeros(file, at, (at / firstChunk + 1) * firstChunk); // to the next chunk boundary
            FileSync.Sync(file);
        }
        File.Move(temporary, Path.Combine(directory, FileName), overwrite: true);
        FileSync.SyncDirectory(directory);
    }

    /// <summary>Finds the end of the log (see the type's summary), zeroes what follows it and syncs.</summary>
    private void Recover()
    {
        var length = RandomAccess.GetLength(_file);
        Span<byte> header = stackalloc byte[OperationLogFormat.HeaderLength];
        var read = RandomAccess.Read(_file, header, 0);
        if (read < header.Length && OperationLogFormat.Magic.StartsWith(header[..read]))
        {
            // Cut inside the header (no record can be there): an empty log.
            RandomAccess.Write(_file, OperationLogFormat.Magic, 0);
            FileSync.Sync(_file);
            length = Math.Max(length, OperationLogFormat.HeaderLength);
        }
        else if (!header.SequenceEqual(OperationLogFormat.Magic))
        {
            throw new InvalidDataException($"{_path} is not a VpcLab operation log (it does not start with {System.Text.Encoding.ASCII.GetString(OperationLogFormat.Magic)})");
        }
        (_end, _sequence) = Scan(_file, null);
        _capacity = length;
        // A torn batch may have left whole frames after the cut: zeroed, none can be read after a later, shorter one.
        var lastNonZero = LastNonZeroByte(_end, length);
        if (lastNonZero >= _end)
        {
            WriteZeros(_file, _end, lastNonZero + 1);
            FileSync.DataSync(_file);
        }
    }

    private long LastNonZeroByte(long from, long to)
    {
        var block = new byte[ZeroBlock];
        var last = -1L;
        for (var at = from; at < to; at += block.Length)
        {
            var n = RandomAccess.Read(_file, block.AsSpan(0, (int)Math.Min(block.Length, to - at)), at);
            var i = block.AsSpan(0, n).LastIndexOfAnyExcept((byte)0);
            if (i >= 0)
                last = at + i;
        }
        return last;
    }

    /// <summary>The records from the header on, until the end of the log: where it ends and the last sequence
    /// number; the records themselves into <paramref name="into"/> when given.</summary>
    private static (long End, long LastSequence) Scan(SafeFileHandle file, List<LoggedOperation>? into)
    {
        var window = new byte[1 << 16]; // [from, filled) holds the file's bytes at [windowAt, …)
        long windowAt = OperationLogFormat.HeaderLength;
        int from = 0, filled = 0;
        var last = 0L;
        while (true)
        {
            if (!Fill(OperationLogFormat.FrameHeaderLength))
                break;
            var head = window.AsSpan(from, OperationLogFormat.FrameHeaderLength);
            var length = BinaryPrimitives.ReadUInt32LittleEndian(head);
            if (!OperationLogFormat.IsPlausibleLength(length)) // 0: the zeros after the last record
                break;
            if (!Fill(OperationLogFormat.FrameHeaderLength + (int)length))
                break; // cut short by the end of the file
            head = window.AsSpan(from, OperationLogFormat.FrameHeaderLength);
            var body = window.AsSpan(from + head.Length, (int)length);
            if (OperationLogFormat.Checksum(head[..4], body) != BinaryPrimitives.ReadUInt32LittleEndian(head[4..]))
                break;
            var sequence = OperationLogFormat.SequenceOf(body);
            if (sequence <= last)
                break;
            into?.Add(OperationLogFormat.Decode(body));
            last = sequence;
            from += head.Length + body.Length;
        }
        return (windowAt + from, last);

        // Whether the window holds (after reading more) at least `count` bytes from `from` on.
        bool Fill(int count)
        {
            if (filled - from >= count)
                return true;
            if (window.Length < count)
                Array.Resize(ref window, Math.Max(count, window.Length * 2));
            if (from + count > window.Length)
            {
                Buffer.BlockCopy(window, from, window, 0, filled - from);
                windowAt += from;
                filled -= from;
                from = 0;
            }
            while (filled - from < count)
            {
                var n = RandomAccess.Read(file, window.AsSpan(filled), windowAt + filled);
                if (n == 0)
                    return false;
                filled += n;
            }
            return true;
        }
    }

    /// <summary>The records of the log in <paramref name="directory"/>, read without writing (while a server may
    /// append to it): the same end rule as recovery.</summary>
    public static IReadOnlyList<LoggedOperation> Read(string directory)
    {
        using var file = File.OpenHandle(Path.Combine(directory, FileName), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var records = new List<LoggedOperation>();
        Scan(file, records);
        return records;
    }

    public IReadOnlyList<LoggedOperation> ReadAll()
    {
        var records = new List<LoggedOperation>();
        Scan(_file, records);
        return records;
    }

    /// <summary>Writes <paramref name="records"/> as frames in one pwrite over the zeros after the log, then one
    /// fdatasync; returns once they are on disk. After a failure (of the write, the sync or a growth) the log refuses
    /// every later batch: what reached the disk is unknown until a restart recovers it.</summary>
    public void AppendBatch(IReadOnlyList<LogRecord> records)
    {
        Write(records);
        Sync();
    }

    /// <summary>The first half of <see cref="AppendBatch"/>: the frames in one pwrite after those written before, not
    /// yet synced. Calls are serialized by the caller; one <see cref="Sync"/> may run meanwhile on another thread.</summary>
    public void Write(IReadOnlyList<LogRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        ThrowIfFailed();
        try
        {
            var size = 0;
            foreach (var r in records)
                size += OperationLogFormat.FrameLength(r);
            if (_buffer.Length < size)
                _buffer = new byte[Math.Max(size, _buffer.Length * 2)];
            var at = 0;
            var sequence = _sequence;
            foreach (var r in records)
                at += OperationLogFormat.WriteFrame(_buffer.AsSpan(at), ++sequence, r);
            if (_end + size > _capacity)
                TakeGrowth();
            if (_end + size > _capacity)
                _capacity = Grow(_capacity, _end + size);
            RandomAccess.Write(_file, _buffer.AsSpan(0, size), _end);
            _end += size;
            _sequence = sequence;
            if (_growing is null && _end > _capacity / 2)
            {
                // Half used: the next chunk is written and synced ahead, on a pool thread, beyond what the commits
                // write; its capacity is used only once synced (TakeGrowth).
                var from = _capacity;
                _growing = Task.Run(() => Grow(from, from + 1));
            }
        }
        catch (Exception e)
        {
            _failed = e;
            throw;
        }
    }

    /// <summary>The second half of <see cref="AppendBatch"/>: every frame written before this call (by
    /// <see cref="Write"/>, on any thread) is on disk when it returns. Thread-safe: syncs may overlap each other and a
    /// write (each fdatasync flushes what the file holds when it starts). A failed sync fails the log, as a failed
    /// write does: after one, Linux may report later syncs as successful although the pages it could not write are
    /// lost.</summary>
    public void Sync()
    {
        ThrowIfFailed();
        try
        {
            FileSync.DataSync(_file);
        }
        catch (Exception e)
        {
            _failed = e;
            throw;
        }
    }

    private void ThrowIfFailed()
    {
        if (_failed is { } failed)
            throw new IOException($"{_path}: an earlier write failed ({failed.Message}); restart to recover the log", failed);
    }

    /// <summary>Waits for the growth ahead, if any, and takes its capacity (a failed one is done again by
    /// <see cref="Grow"/> on this thread, whose failure then fails the batch).</summary>
    private void TakeGrowth()
    {
        if (_growing is not { } growing)
            return;
        _growing = null;
        ((IAsyncResult)growing).AsyncWaitHandle.WaitOne();
        if (growing.IsCompletedSuccessfully)
            _capacity = Math.Max(_capacity, growing.Result);
    }

    /// <summary>Extends the file from <paramref name="capacity"/> with zeros, written and synced, to cover
    /// <paramref name="needed"/>: by its own length (at least the first chunk, at most <see cref="MaxGrowth"/>) until it
    /// does. Returns the new capacity.</summary>
    private long Grow(long capacity, long needed)
    {
        var step = Math.Clamp(capacity, _firstChunk, MaxGrowth);
        var target = capacity + step;
        while (target < needed)
            target += step;
        WriteZeros(_file, capacity, target);
        FileSync.Sync(_file);
        return target;
    }

    private static void WriteZeros(SafeFileHandle file, long from, long to)
    {
        for (var at = from; at < to; at += ZeroBlock)
            RandomAccess.Write(file, s_zeros.AsSpan(0, (int)Math.Min(ZeroBlock, to - at)), at);
    }

    /// <summary>Empties the log: first the first frame's length is zeroed and synced (the log is empty from then on,
    /// whatever happens next), then every record, synced.</summary>
    public void Clear()
    {
        TakeGrowth();
        if (_end > OperationLogFormat.HeaderLength)
        {
            RandomAccess.Write(_file, s_zeros.AsSpan(0, OperationLogFormat.FrameHeaderLength), OperationLogFormat.HeaderLength);
            FileSync.DataSync(_file);
            WriteZeros(_file, OperationLogFormat.HeaderLength, _end);
            FileSync.DataSync(_file);
        }
        _end = OperationLogFormat.HeaderLength;
        _sequence = 0;
    }

    public void Dispose()
    {
        if (_growing is { } growing)
            ((IAsyncResult)growing).AsyncWaitHandle.WaitOne(); // not closed under its writes
        _file.Dispose();
    }
}
