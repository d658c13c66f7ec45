using System.Numerics;
using System.Security.Cryptography;

namespace VpcLab.ControlPlane;

/// <summary>The Ed25519 public key of a 32-byte seed (RFC 8032 §5.1.5): SHA-512 of the seed, clamped, times the
/// base point, encoded. .NET has no Ed25519; key pairs need only this one derivation, never signing, so plain
/// BigInteger arithmetic on extended coordinates is enough (it runs once per CreateKeyPair).</summary>
internal static class Ed25519
{
    private static readonly BigInteger P = BigInteger.Pow(2, 255) - 19;
    private static readonly BigInteger D = Mod(-121665 * Inverse(121666));
    private static readonly BigInteger By = Mod(4 * Inverse(5));
    private static readonly BigInteger Bx = RecoverX(By);

    public static byte[] PublicKey(ReadOnlySpan<byte> seed)
    {
        var h = SHA512.HashData(seed);
        h[0] &= 248;
        h[31] &= 127;
        h[31] |= 64;
        var scalar = new BigInteger(h.AsSpan(0, 32), isUnsigned: true, isBigEndian: false);
        var (x, y, z, _) = Multiply(scalar, (Bx, By, BigInteger.One, Mod(Bx * By)));
        var zi = Inverse(z);
        var ax = Mod(x * zi);
        var ay = Mod(y * zi);
        var encoded = new byte[32];
        ay.TryWriteBytes(encoded, out _, isUnsigned: true, isBigEndian: false);
        if (!ax.IsEven)
            encoded[31] |= 0x80;
        return encoded;
    }

    private static (BigInteger X, BigInteger Y, BigInteger Z, BigInteger T) Multiply(BigInteger k,
        (BigInteger X, BigInteger Y, BigInteger Z, BigInteger T) point)
    {
        var result = (BigInteger.Zero, BigInteger.One, BigInteger.One, BigInteger.Zero);
        while (!k.IsZero)
        {
            if (!k.IsEven)
                result = Add(result, point);
            point = Add(point, point);
            k >>= 1;
        }
        return result;
    }

    // Extended twisted Edwards addition (a = -1), complete: the same formula doubles.
    private static (BigInteger X, BigInteger Y, BigInteger Z, BigInteger T) Add(
        (BigInteger X, BigInteger Y, BigInteger Z, BigInteger T) p, (BigInteger X, BigInteger Y, BigInteger Z, BigInteger T) q)
    {
        var a = Mod((p.Y - p.X) * (q.Y - q.X));
        var b = Mod((p.Y + p.X) * (q.Y + q.X));
        var c = Mod(2 * D * p.T * q.T);
        var d = Mod(2 * p.Z * q.Z);
        var e = b - a;
        var f = d - c;
        var g = d + c;
        var h = b + a;
        return (Mod(e * f), Mod(g * h), Mod(f * g), Mod(e * h));
    }

    private static BigInteger RecoverX(BigInteger y)
    {
        var xx = Mod((y * y - 1) * Inverse(D * y * y + 1));
        var x = BigInteger.ModPow(xx, (P + 3) / 8, P);
        if (Mod(x * x - xx) != 0)
            x = Mod(x * BigInteger.ModPow(2, (P - 1) / 4, P));
        return x.IsEven ? x : P - x;
    }

    private static BigInteger Inverse(BigInteger value) => BigInteger.ModPow(Mod(value), P - 2, P);

    private static BigInteger Mod(BigInteger value)
    {
        var r = value % P;
        return r.Sign < 0 ? r + P : r;
    }
}
