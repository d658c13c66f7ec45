using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace VpcLab.ControlPlane.Persistence;

/// <summary>The byte layout of <see cref="OperationLog"/>'s file (<c>vpclab.log</c>), all integers little-endian:
/// <code>
/// file    = "VPCLOG01" frame* zero-fill
/// frame   = length:u32  crc:u32  payload[length]      crc = CRC-32C of the 4 length bytes, then the payload
/// payload = sequence:i64  utcTicks:i64  offsetMinutes:i16  account  region  operation  parameters
///           (each string: byteCount:u32, then its UTF-8 bytes)
/// </code>
/// A length of 0 is where the records end (the file is pre-zeroed); a frame that does not fit in the file, whose CRC
/// fails or whose sequence does not rise is where the readable log ends (<see cref="OperationLog"/>'s recovery rule).</summary>
internal static class OperationLogFormat
{
    public const int HeaderLength = 8;
    public const int FrameHeaderLength = 8;

    /// <summary>The fixed part of a payload: sequence, ticks, offset and the four string lengths.</summary>
    private const int FixedPayloadLength = 8 + 8 + 2 + 4 * 4;

    /// <summary>No record we write comes near this (parameters are one request's); a longer length is not ours.</summary>
    public const int MaxPayloadLength = 64 << 20;

    public static ReadOnlySpan<byte> Magic => "VPCLOG01"u8;

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The bytes <see cref="WriteFrame"/> writes for <paramref name="record"/>.</summary>
    public static int FrameLength(LogRecord record) =>
        FrameHeaderLength + FixedPayloadLength + s_utf8.GetByteCount(record.Account) + s_utf8.GetByteCount(record.Region)
        + s_utf8.GetByteCount(record.Operation) + s_utf8.GetByteCount(record.Parameters);

    /// <summary>Writes one frame at the start of <paramref name="destination"/> (at least <see cref="FrameLength"/>
    /// bytes); returns its length.</summary>
    public static int WriteFrame(Span<byte> destination, long sequence, LogRecord record)
    {
        var payload = destination[FrameHeaderLength..];
        BinaryPrimitives.WriteInt64LittleEndian(payload, sequence);
        BinaryPrimitives.WriteInt64LittleEndian(payload[8..], record.Time.UtcTicks);
        BinaryPrimitives.WriteInt16LittleEndian(payload[16..], checked((short)record.Time.TotalOffsetMinutes));
        var at = 18;
        at += WriteString(payload[at..], record.Account);
        at += WriteString(payload[at..], record.Region);
        at += WriteString(payload[at..], record.Operation);
        at += WriteString(payload[at..], record.Parameters);
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)at);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Checksum(destination[..4], payload[..at]));
        return FrameHeaderLength + at;
    }

    private static int WriteString(Span<byte> destination, string value)
    {
        var count = s_utf8.GetBytes(value, destination[4..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)count);
        return 4 + count;
    }

    /// <summary>The sequence number a payload starts with (read before decoding the rest).</summary>
    public static long SequenceOf(ReadOnlySpan<byte> payload) => BinaryPrimitives.ReadInt64LittleEndian(payload);

    /// <summary>Whether a payload of this length could be one we wrote.</summary>
    public static bool IsPlausibleLength(uint length) => length is >= FixedPayloadLength and <= MaxPayloadLength;

    /// <summary>Decodes a payload whose CRC matched. A payload that does not decode was written by another format:
    /// <see cref="InvalidDataException"/>, never a silently shorter log.</summary>
    public static LoggedOperation Decode(ReadOnlySpan<byte> payload)
    {
        try
        {
            var sequence = BinaryPrimitives.ReadInt64LittleEndian(payload);
            var ticks = BinaryPrimitives.ReadInt64LittleEndian(payload[8..]);
            var offset = TimeSpan.FromMinutes(BinaryPrimitives.ReadInt16LittleEndian(payload[16..]));
            var at = 18;
            var account = ReadString(payload, ref at);
            var region = ReadString(payload, ref at);
            var operation = ReadString(payload, ref at);
            var parameters = ReadString(payload, ref at);
            if (at != payload.Length)
                throw new InvalidDataException($"record {sequence} has {payload.Length - at} bytes after its parameters");
            return new LoggedOperation(sequence, new DateTimeOffset(ticks + offset.Ticks, offset), account, region, operation, parameters);
        }
        catch (Exception e) when (e is ArgumentException or DecoderFallbackException)
        {
            throw new InvalidDataException($"a record of the operation log does not decode: {e.Message}", e);
        }
    }

    private static string ReadString(ReadOnlySpan<byte> payload, ref int at)
    {
        var count = BinaryPrimitives.ReadUInt32LittleEndian(payload[at..]);
        if (count > payload.Length - at - 4)
            throw new InvalidDataException($"a string of {count} bytes overruns its record");
        var value = s_utf8.GetString(payload.Slice(at + 4, (int)count));
        at += 4 + (int)count;
        return value;
    }

    /// <summary>CRC-32C (Castagnoli, as iSCSI and ext4 use: initial and final value inverted) of the frame's length
    /// bytes followed by its payload.</summary>
    public static uint Checksum(ReadOnlySpan<byte> lengthBytes, ReadOnlySpan<byte> payload) =>
        ~Crc32C(Crc32C(uint.MaxValue, lengthBytes), payload);

    /// <summary>CRC-32C of <paramref name="data"/> alone (for the check value test).</summary>
    public static uint Crc32C(ReadOnlySpan<byte> data) => ~Crc32C(uint.MaxValue, data);

    /// <summary>Accumulates <paramref name="data"/> into <paramref name="crc"/>, eight bytes at a time
    /// (<see cref="BitOperations.Crc32C(uint, ulong)"/>: the CPU's crc32 instruction where it has one).</summary>
    private static uint Crc32C(uint crc, ReadOnlySpan<byte> data)
    {
        var words = MemoryMarshal.Cast<byte, ulong>(data);
        foreach (var word in words)
            crc = BitOperations.Crc32C(crc, BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word));
        foreach (var b in data[(words.Length * 8)..])
            crc = BitOperations.Crc32C(crc, b);
        return crc;
    }
}
