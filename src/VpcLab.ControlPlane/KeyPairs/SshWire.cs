using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace VpcLab.ControlPlane;

/// <summary>The SSH wire encoding (RFC 4251 §5) that OpenSSH public keys, OpenSSH private keys and PuTTY key files
/// are made of: uint32, string (length-prefixed bytes) and mpint (two's complement, big-endian, minimal).</summary>
internal sealed class SshWire
{
    private readonly ArrayBufferWriter<byte> _buffer = new();

    public SshWire UInt32(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        _buffer.Write((ReadOnlySpan<byte>)bytes);
        return this;
    }

    public SshWire String(ReadOnlySpan<byte> value)
    {
        UInt32((uint)value.Length);
        _buffer.Write(value);
        return this;
    }

    public SshWire String(string value) => String(Encoding.ASCII.GetBytes(value));

    public SshWire MPInt(BigInteger value) => String(value.IsZero ? [] : value.ToByteArray(isUnsigned: false, isBigEndian: true));

    public SshWire Raw(ReadOnlySpan<byte> value)
    {
        _buffer.Write(value);
        return this;
    }

    public int Length => _buffer.WrittenCount;

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    /// <summary>Reads the strings of a wire blob in order; null when the blob is not a sequence of strings.</summary>
    public static List<byte[]>? ReadStrings(ReadOnlySpan<byte> blob)
    {
        var parts = new List<byte[]>();
        while (blob.Length > 0)
        {
            if (blob.Length < 4)
                return null;
            var length = BinaryPrimitives.ReadUInt32BigEndian(blob);
            if (length > blob.Length - 4)
                return null;
            parts.Add(blob.Slice(4, (int)length).ToArray());
            blob = blob[(4 + (int)length)..];
        }
        return parts;
    }
}
