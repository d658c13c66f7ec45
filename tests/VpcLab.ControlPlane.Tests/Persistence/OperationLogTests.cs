using System.Text;
using CsCheck;
using VpcLab.ControlPlane.Persistence;

namespace VpcLab.ControlPlane.Tests.Persistence;

/// <summary>The append-only operation log (DESIGN "a write that was acknowledged is never lost"): records come back as
/// written, in order, across reopen and growth; recovery ends the log at the first zero length or broken frame (a torn
/// last batch, never acknowledged, is dropped) and appends go on after it without reviving anything that followed.</summary>
public sealed class OperationLogTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"vpclab-oplog-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_dir))
            Directory.Delete(_dir, recursive: true);
    }

    private string LogPath => Path.Combine(_dir, OperationLog.FileName);

    private static LogRecord Record(int i, string? parameters = null) =>
        new(DateTimeOffset.UnixEpoch.AddSeconds(i), "111111111111", "us-east-1", "CreateTags",
            parameters ?? $"{{\"Resources\":[\"vpc-{i:x17}\"],\"Tags\":[{{\"Key\":\"k\",\"Value\":\"{i}\"}}]}}");

    private static void AssertRecords(IReadOnlyList<LogRecord> expected, IReadOnlyList<LoggedOperation> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal(i + 1, a.Sequence);
            Assert.Equal((e.Time, e.Time.Offset, e.Account, e.Region, e.Operation, e.Parameters), (a.Time, a.Time.Offset, a.Account, a.Region, a.Operation, a.Parameters));
        }
    }

    // CRC-32C's published check value (RFC 3720 B.4's polynomial; "123456789" → E3069283).
    [Theory]
    [InlineData("123456789", 0xE3069283u)]
    [InlineData("", 0u)]
    public void Crc32C_KnownCheckValues(string text, uint crc) =>
        Assert.Equal(crc, OperationLogFormat.Crc32C(Encoding.ASCII.GetBytes(text)));

    // Whatever a record holds comes back: UTF-8 beyond ASCII, empty strings, a time with an offset, a long parameter.
    [Fact]
    public void RoundTrip_BatchesReopened_EveryRecordInOrderWithItsSequence()
    {
        LogRecord[] records =
        [
            Record(1),
            new(new DateTimeOffset(2026, 12, 5, 9, 30, 0, TimeSpan.FromHours(-5)).AddTicks(1234567), "222222222222", "eu-west-3", "CreateVpc", "{\"Name\":\"café ☕ 𝄞\"}"),
            new(DateTimeOffset.UnixEpoch, "", "", "", ""),
            Record(4, new string('p', 100_000)),
        ];
        using (var log = OperationLog.Open(_dir))
        {
            log.AppendBatch(records[..1]);
            log.AppendBatch(records[1..]);
            AssertRecords(records, log.ReadAll());
        }
        using (var reopened = OperationLog.Open(_dir))
        {
            AssertRecords(records, reopened.ReadAll());
            reopened.AppendBatch([Record(5)]);
            AssertRecords([.. records, Record(5)], reopened.ReadAll());
        }
        AssertRecords([.. records, Record(5)], OperationLog.Read(_dir));
    }

    // The file is pre-zeroed: the records end at the first zero length, and appends continue there.
    [Fact]
    public void Reopen_OverTheZeroTail_ContinuesAfterTheLastRecord()
    {
        long end;
        using (var log = OperationLog.Open(_dir))
        {
            log.AppendBatch([Record(1), Record(2)]);
            end = log.End;
            Assert.True(log.Capacity > end);
        }
        Assert.Equal(OperationLog.DefaultFirstChunk, new FileInfo(LogPath).Length); // zeros, written, not a sparse promise
        using (var log = OperationLog.Open(_dir))
        {
            Assert.Equal(end, log.End);
            log.AppendBatch([Record(3)]);
        }
        AssertRecords([Record(1), Record(2), Record(3)], OperationLog.Read(_dir));
    }

    public enum Damage { TruncatedInsideFrame, PayloadByteFlipped, LengthByteFlipped, CrcByteFlipped }

    // A torn last batch (never acknowledged): a frame cut short, or one whose bytes do not match its CRC, ends the log.
    // The whole frame after the broken one (a batch whose pages reached the disk out of order) is zeroed at recovery:
    // a new record of the broken one's length must not bring it back.
    [Theory]
    [InlineData(Damage.TruncatedInsideFrame)]
    [InlineData(Damage.PayloadByteFlipped)]
    [InlineData(Damage.LengthByteFlipped)]
    [InlineData(Damage.CrcByteFlipped)]
    public void TornLastBatch_Dropped_LogContinuesAfterTheLastWholeFrame(Damage damage)
    {
        long acknowledgedEnd, brokenEnd;
        using (var log = OperationLog.Open(_dir))
        {
            log.AppendBatch([Record(1), Record(2)]);
            acknowledgedEnd = log.End;
            log.AppendBatch([Record(3)]);
            brokenEnd = log.End;
            log.AppendBatch([Record(4)]); // a whole frame after the one to break
        }
        using (var file = new FileStream(LogPath, FileMode.Open, FileAccess.ReadWrite))
        {
            switch (damage)
            {
                case Damage.TruncatedInsideFrame:
                    file.SetLength(acknowledgedEnd + (brokenEnd - acknowledgedEnd) / 2);
                    break;
                default:
                    var at = acknowledgedEnd + damage switch { Damage.LengthByteFlipped => 0, Damage.CrcByteFlipped => 5, _ => 30 };
                    file.Position = at;
                    var b = file.ReadByte();
                    file.Position = at;
                    file.WriteByte((byte)(b ^ 0x01));
                    break;
            }
        }
        using (var log = OperationLog.Open(_dir))
        {
            Assert.Equal(acknowledgedEnd, log.End);
            AssertRecords([Record(1), Record(2)], log.ReadAll());
            log.AppendBatch([Record(3, Record(9).Parameters)]); // the same length as the broken frame
        }
        var after = OperationLog.Read(_dir);
        AssertRecords([Record(1), Record(2), Record(3, Record(9).Parameters)], after);
    }

    public enum InFlightCrash { EarlierFrameUnwritten, EarlierLengthUnwritten, EarlierFrameTorn }

    // Two commits in flight at a crash (GroupCommitMode.Overlapping): the earlier batch written, the later one written
    // after it, neither synced, and the disk kept the later one whole but not all of the earlier. Recovery ends the log
    // at the earlier batch's hole, so the later batch (whole, CRC-valid) is never replayed after it: neither was
    // answered (answers wait for every earlier batch's sync). It is zeroed too, so a new record cannot revive it.
    [Theory]
    [InlineData(InFlightCrash.EarlierFrameUnwritten)]
    [InlineData(InFlightCrash.EarlierLengthUnwritten)]
    [InlineData(InFlightCrash.EarlierFrameTorn)]
    public void TwoBatchesInFlight_LaterWholeEarlierNot_LogEndsAtTheHole(InFlightCrash crash)
    {
        long acknowledgedEnd, secondFrame, earlierEnd;
        using (var log = OperationLog.Open(_dir))
        {
            log.AppendBatch([Record(1)]);
            acknowledgedEnd = log.End;
            log.Write([Record(2), Record(3)]); // the earlier batch
            secondFrame = acknowledgedEnd + OperationLogFormat.FrameLength(Record(2));
            earlierEnd = log.End;
            log.Write([Record(4), Record(5)]); // the later batch, whole on disk
        }
        using (var file = new FileStream(LogPath, FileMode.Open, FileAccess.ReadWrite))
        {
            var (from, to) = crash switch
            {
                InFlightCrash.EarlierFrameUnwritten => (secondFrame, earlierEnd), // its second frame never reached the disk
                InFlightCrash.EarlierLengthUnwritten => (acknowledgedEnd, acknowledgedEnd + 4), // its first length still zero
                _ => (secondFrame + 12, earlierEnd), // its second frame cut inside
            };
            file.Position = from;
            file.Write(new byte[to - from]);
        }
        var survivors = crash == InFlightCrash.EarlierLengthUnwritten ? 1 : 2; // a whole unanswered frame may survive
        using (var log = OperationLog.Open(_dir))
        {
            AssertRecords([.. new[] { Record(1), Record(2) }.Take(survivors)], log.ReadAll());
            log.AppendBatch([Record(survivors + 1, Record(9).Parameters)]);
        }
        AssertRecords([.. new[] { Record(1), Record(2) }.Take(survivors), Record(survivors + 1, Record(9).Parameters)], OperationLog.Read(_dir));
    }

    // The file grows by chunks of zeros (each growth doubles it) as records need; every record stays readable. Once
    // half of it is used, the next chunk is written ahead, off the committing thread: at close the file is twice
    // the capacity the records used.
    [Fact]
    public void Growth_PastTheFirstChunk_EveryRecordReadable()
    {
        const int Chunk = 4096;
        var records = Enumerable.Range(1, 120).Select(i => Record(i)).ToList(); // ≈ 130 bytes each: 15 KiB
        long end, capacity;
        using (var log = OperationLog.Open(_dir, Chunk))
        {
            Assert.Equal(Chunk, log.Capacity);
            foreach (var batch in records.Chunk(7))
                log.AppendBatch(batch);
            Assert.InRange(log.Capacity, 4 * Chunk, 8 * Chunk); // 4 KiB → 8 → 16 (→ 32)
            Assert.InRange(new FileInfo(LogPath).Length, log.Capacity, 2 * log.Capacity); // and the growth ahead
            AssertRecords(records, log.ReadAll());
            (end, capacity) = (log.End, log.Capacity);
        }
        Assert.True(end > capacity / 2);
        Assert.Equal(2 * capacity, new FileInfo(LogPath).Length); // grown ahead, and closed only after it
        // One batch larger than a whole growth step.
        var big = Enumerable.Range(121, 200).Select(i => Record(i)).ToList();
        using (var log = OperationLog.Open(_dir, Chunk))
        {
            log.AppendBatch(big);
            Assert.True(log.Capacity >= log.End);
        }
        AssertRecords([.. records, .. big], OperationLog.Read(_dir));
    }

    // A file that is not ours is refused, never truncated to an empty log.
    [Fact]
    public void Open_FileThatIsNotALog_RefusedAndLeftAlone()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(LogPath, "SQLite format 3\0 not ours");
        Assert.Throws<InvalidDataException>(() => OperationLog.Open(_dir));
        Assert.Equal("SQLite format 3\0 not ours", File.ReadAllText(LogPath));
    }

    // Emptying the log (the server's reset): nothing comes back, sequences start again at 1.
    [Fact]
    public void Clear_ThenAppend_OnlyTheNewRecords()
    {
        using (var log = OperationLog.Open(_dir))
        {
            log.AppendBatch([Record(1), Record(2), Record(3)]);
            log.Clear();
            Assert.Empty(log.ReadAll());
            log.AppendBatch([Record(7)]);
        }
        AssertRecords([Record(7)], OperationLog.Read(_dir));
    }

    // The crash property: batches appended, then the file cut at any offset (what a crash mid-write leaves, at worst):
    // what is recovered is exactly a prefix of what was appended, every batch that ended at or before the cut is in
    // it (an acknowledged write is never lost), and appends go on after it.
    [Fact]
    public void Property_CutAnywhere_RecoversAPrefixHoldingEveryBatchEndedBeforeTheCut()
    {
        var text = Gen.String[Gen.Char['\0', '\u07ff'], 0, 300];
        var record = Gen.Select(Gen.Long[0, 1L << 32], text, text).Select((s, op, p) =>
            new LogRecord(DateTimeOffset.UnixEpoch.AddSeconds(s), "111111111111", "us-east-1", op, p));
        var batches = record.Array[1, 12].Array[1, 20];
        var dirs = 0;
        Gen.Select(batches, Gen.Double[0, 1]).Sample((appended, cutFraction) =>
        {
            var dir = Path.Combine(_dir, (dirs++).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var ends = new List<long>();
            using (var log = OperationLog.Open(dir, 2048))
            {
                foreach (var batch in appended)
                {
                    log.AppendBatch(batch);
                    ends.Add(log.End);
                }
            }
            var path = Path.Combine(dir, OperationLog.FileName);
            var cut = (long)(new FileInfo(path).Length * cutFraction);
            using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
                file.SetLength(cut);
            var all = appended.SelectMany(b => b).ToList();
            var mustHave = appended.Take(ends.Count(e => e <= cut)).Sum(b => b.Length);
            using (var log = OperationLog.Open(dir, 2048))
            {
                var recovered = log.ReadAll();
                Assert.InRange(recovered.Count, mustHave, all.Count);
                AssertRecords(all[..recovered.Count], recovered);
                log.AppendBatch([Record(1)]);
                AssertRecords([.. all[..recovered.Count], Record(1)], log.ReadAll());
            }
            Directory.Delete(dir, recursive: true);
        }, iter: 150);
    }
}
