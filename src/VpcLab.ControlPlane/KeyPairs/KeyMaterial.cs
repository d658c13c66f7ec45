using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace VpcLab.ControlPlane;

// SHA-1, MD5 and HMAC-SHA-1 are what AWS's fingerprints and PuTTY's version-2 MAC are defined with: formats to
// reproduce, not protection.
#pragma warning disable CA5350, CA5351

/// <summary>What CreateKeyPair hands out and ImportKeyPair reads: OpenSSH public keys, the private key as PEM
/// (RSA: PKCS#1 "RSA PRIVATE KEY"; ED25519: "OPENSSH PRIVATE KEY") or PuTTY's .ppk (version 2, unencrypted), and
/// AWS's fingerprints: created RSA SHA-1 of the DER PKCS#8 private key, imported RSA MD5 of the DER public key,
/// ED25519 base64 SHA-256 of the public key blob (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/verify-keys.html).
/// docs/semantics.md#key-pairs.</summary>
public static class KeyMaterial
{
    public const string Rsa = "rsa";
    public const string Ed25519Type = "ed25519";
    public const string Pem = "pem";
    public const string Ppk = "ppk";

    /// <summary>RSA lengths ImportKeyPair accepts (AWS: 1024, 2048 and 4096; 3072 too for OpenSSH's default).</summary>
    private static readonly int[] RsaBits = [1024, 2048, 3072, 4096];

    /// <summary>A new key pair from 32 seed bytes: the OpenSSH public key, AWS's fingerprint and the private key
    /// material in the asked format.</summary>
    public static (string PublicKey, string Fingerprint, string PrivateKey) Create(string keyType, string format, string name, ReadOnlySpan<byte> seed)
    {
        ArgumentNullException.ThrowIfNull(keyType);
        if (keyType == Ed25519Type)
        {
            var secret = seed[..32].ToArray();
            var pub = Ed25519.PublicKey(secret);
            var blob = Ed25519Blob(pub);
            var privateKey = format == Ppk ? PuttyFile("ssh-ed25519", name, blob, new SshWire().MPInt(new BigInteger(secret, isUnsigned: true)).ToArray())
                : OpenSshPrivateKey(blob, pub, secret, name, seed);
            return (OpenSshLine("ssh-ed25519", blob), Ed25519Fingerprint(blob), privateKey);
        }
        using var rsa = RSA.Create();
        var parameters = DeterministicRsa.Generate(seed);
        rsa.ImportParameters(parameters);
        var rsaBlob = RsaBlob(parameters.Exponent!, parameters.Modulus!);
        var fingerprint = Colon(SHA1.HashData(rsa.ExportPkcs8PrivateKey()));
        var material = format == Ppk
            ? PuttyFile("ssh-rsa", name, rsaBlob, new SshWire().MPInt(Unsigned(parameters.D!)).MPInt(Unsigned(parameters.P!))
                .MPInt(Unsigned(parameters.Q!)).MPInt(Unsigned(parameters.InverseQ!)).ToArray())
            : rsa.ExportRSAPrivateKeyPem() + "\n";
        return (OpenSshLine("ssh-rsa", rsaBlob), fingerprint, material);
    }

    /// <summary>ImportKeyPair's material (the file's text: "ssh-rsa AAAA… comment" or "ssh-ed25519 AAAA…"): the key
    /// type, the public key as AWS keeps it (type and base64, no comment) and its fingerprint; null when it is
    /// not an OpenSSH public key of a supported type and length.</summary>
    public static (string KeyType, string PublicKey, string Fingerprint)? Import(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = text.Trim().Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 2)
            return null;
        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(fields[1]);
        }
        catch (FormatException)
        {
            return null;
        }
        var parts = SshWire.ReadStrings(blob);
        if (parts is null || parts.Count == 0 || Encoding.ASCII.GetString(parts[0]) != fields[0])
            return null;
        if (fields[0] == "ssh-ed25519" && parts.Count == 2 && parts[1].Length == 32)
            return (Ed25519Type, OpenSshLine(fields[0], blob), Ed25519Fingerprint(blob));
        if (fields[0] != "ssh-rsa" || parts.Count != 3)
            return null;
        var modulus = parts[2].AsSpan().TrimStart((byte)0).ToArray();
        if (!RsaBits.Contains(modulus.Length * 8) || parts[1].Length is 0 or > 8)
            return null;
        using var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = modulus, Exponent = parts[1].AsSpan().TrimStart((byte)0).ToArray() });
        return (Rsa, OpenSshLine(fields[0], blob), Colon(MD5.HashData(rsa.ExportSubjectPublicKeyInfo())));
    }

    private static byte[] Ed25519Blob(byte[] pub) => new SshWire().String("ssh-ed25519").String(pub).ToArray();

    private static byte[] RsaBlob(byte[] exponent, byte[] modulus) =>
        new SshWire().String("ssh-rsa").MPInt(Unsigned(exponent)).MPInt(Unsigned(modulus)).ToArray();

    private static BigInteger Unsigned(byte[] bigEndian) => new(bigEndian, isUnsigned: true, isBigEndian: true);

    private static string OpenSshLine(string type, byte[] blob) => $"{type} {Convert.ToBase64String(blob)}";

    private static string Ed25519Fingerprint(byte[] blob) => Convert.ToBase64String(SHA256.HashData(blob));

    private static string Colon(byte[] digest) => string.Join(':', digest.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>OpenSSH's "openssh-key-v1" private key, unencrypted, PEM-armoured.</summary>
    private static string OpenSshPrivateKey(byte[] blob, byte[] pub, byte[] secret, string comment, ReadOnlySpan<byte> seed)
    {
        var check = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(seed));
        var section = new SshWire().UInt32(check).UInt32(check).String("ssh-ed25519").String(pub)
            .String([.. secret, .. pub]).String(comment);
        for (byte pad = 1; section.Length % 8 != 0; pad++)
            section.Raw([pad]);
        var body = new SshWire().Raw("openssh-key-v1\0"u8).String("none").String("none").String("").UInt32(1)
            .String(blob).String(section.ToArray()).ToArray();
        return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + Lines(Convert.ToBase64String(body), 70) + "-----END OPENSSH PRIVATE KEY-----\n";
    }

    /// <summary>PuTTY's key file, version 2, unencrypted: the MAC is HMAC-SHA-1 keyed with
    /// SHA-1("putty-private-key-file-mac-key") over algorithm, encryption, comment, public and private blobs.</summary>
    private static string PuttyFile(string algorithm, string comment, byte[] publicBlob, byte[] privateBlob)
    {
        var macKey = SHA1.HashData("putty-private-key-file-mac-key"u8);
        var macData = new SshWire().String(algorithm).String("none").String(comment).String(publicBlob).String(privateBlob).ToArray();
        var mac = Convert.ToHexStringLower(HMACSHA1.HashData(macKey, macData));
        var pub = Lines(Convert.ToBase64String(publicBlob), 64);
        var priv = Lines(Convert.ToBase64String(privateBlob), 64);
        return $"PuTTY-User-Key-File-2: {algorithm}\nEncryption: none\nComment: {comment}\n"
            + $"Public-Lines: {pub.Count(c => c == '\n')}\n{pub}Private-Lines: {priv.Count(c => c == '\n')}\n{priv}Private-MAC: {mac}\n";
    }

    private static string Lines(string text, int width)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < text.Length; i += width)
            sb.Append(text.AsSpan(i, Math.Min(width, text.Length - i))).Append('\n');
        return sb.ToString();
    }
}
