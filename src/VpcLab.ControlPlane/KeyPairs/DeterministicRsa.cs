using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace VpcLab.ControlPlane;

/// <summary>A 2048-bit RSA key drawn from a seed, so the same logged CreateKeyPair gives the same key on replay
/// (.NET's RSA.Create draws from the OS's randomness): candidates from SHA-256 in counter mode, trial division,
/// then Miller-Rabin; e = 65537.</summary>
internal static class DeterministicRsa
{
    private const int Bits = 2048;
    private static readonly BigInteger E = 65537;
    private static readonly int[] SmallPrimes = [.. Enumerable.Range(3, 2000).Where(IsSmallPrime)];

    public static RSAParameters Generate(ReadOnlySpan<byte> seed)
    {
        var stream = new Stream(seed.ToArray());
        while (true)
        {
            var p = Prime(stream, Bits / 2);
            var q = Prime(stream, Bits / 2);
            if (p == q)
                continue;
            if (p < q)
                (p, q) = (q, p);
            var phi = (p - 1) * (q - 1);
            if (!BigInteger.GreatestCommonDivisor(E, phi).IsOne)
                continue;
            var n = p * q;
            var d = ModInverse(E, phi);
            int half = Bits / 16;
            return new RSAParameters
            {
                Modulus = Bytes(n, Bits / 8),
                Exponent = Bytes(E, 3),
                D = Bytes(d, Bits / 8),
                P = Bytes(p, half),
                Q = Bytes(q, half),
                DP = Bytes(d % (p - 1), half),
                DQ = Bytes(d % (q - 1), half),
                InverseQ = Bytes(ModInverse(q, p), half),
            };
        }
    }

    private static BigInteger Prime(Stream stream, int bits)
    {
        while (true)
        {
            var bytes = stream.Next(bits / 8);
            bytes[0] |= 0xC0; // the top two bits: p*q has exactly 2048 bits
            bytes[^1] |= 1;
            var candidate = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
            if (SmallPrimes.Any(s => candidate % s == 0))
                continue;
            if (IsProbablePrime(candidate, stream))
                return candidate;
        }
    }

    private static bool IsProbablePrime(BigInteger n, Stream stream)
    {
        var d = n - 1;
        int r = 0;
        while (d.IsEven)
        {
            d >>= 1;
            r++;
        }
        for (int round = 0; round < 8; round++)
        {
            var a = new BigInteger(stream.Next(64), isUnsigned: true) % (n - 3) + 2;
            var x = BigInteger.ModPow(a, d, n);
            if (x.IsOne || x == n - 1)
                continue;
            bool composite = true;
            for (int i = 1; i < r && composite; i++)
            {
                x = BigInteger.ModPow(x, 2, n);
                composite = x != n - 1;
            }
            if (composite)
                return false;
        }
        return true;
    }

    private static BigInteger ModInverse(BigInteger a, BigInteger m)
    {
        var (oldR, r) = (a % m, m);
        var (oldS, s) = (BigInteger.One, BigInteger.Zero);
        while (!r.IsZero)
        {
            var quotient = oldR / r;
            (oldR, r) = (r, oldR - quotient * r);
            (oldS, s) = (s, oldS - quotient * s);
        }
        var result = oldS % m;
        return result.Sign < 0 ? result + m : result;
    }

    private static byte[] Bytes(BigInteger value, int length)
    {
        var raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (raw.Length == length)
            return raw;
        var padded = new byte[length];
        raw.CopyTo(padded, length - raw.Length);
        return padded;
    }

    private static bool IsSmallPrime(int n)
    {
        for (int i = 2; i * i <= n; i++)
        {
            if (n % i == 0)
                return false;
        }
        return true;
    }

    /// <summary>SHA-256(seed ‖ counter) blocks, as many bytes as asked.</summary>
    private sealed class Stream(byte[] seed)
    {
        private uint _counter;

        public byte[] Next(int count)
        {
            var output = new byte[count];
            var input = new byte[seed.Length + 4];
            seed.CopyTo(input, 0);
            for (int offset = 0; offset < count; offset += 32)
            {
                BinaryPrimitives.WriteUInt32BigEndian(input.AsSpan(seed.Length), _counter++);
                var block = SHA256.HashData(input);
                block.AsSpan(0, Math.Min(32, count - offset)).CopyTo(output.AsSpan(offset));
            }
            return output;
        }
    }
}
