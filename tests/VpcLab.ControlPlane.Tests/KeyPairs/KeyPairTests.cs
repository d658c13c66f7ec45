using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using VpcLab.ControlPlane.Errors;

namespace VpcLab.ControlPlane.Tests.KeyPairs;

#pragma warning disable CA5350 // AWS defines the created RSA fingerprint with SHA-1

/// <summary>CreateKeyPair, ImportKeyPair, DescribeKeyPairs, DeleteKeyPair and RunInstances' KeyName
/// (docs/semantics.md#key-pairs; fingerprints: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/verify-keys.html).</summary>
public sealed class KeyPairTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    // Made with ssh-keygen; the expected fingerprints are openssl's `pkey -pubin -outform DER | md5 -c` (RSA) and
    // ssh-keygen -l's SHA256 with AWS's '=' padding (ED25519).
    private const string RsaPublic = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDabZtChmT5/lddfMJIUY8jG53nxss7chkMtGLwkRO3t0KARZcnEhqj90EOqIShbDTGeDRmYt4+QpXaYXsrFsK/mGyi/e9/veqh5XrlwKe32VtPXnebMW1vzCcq7/rrfD8s5i9/XyRicIXxr4sc3JyEQDQEwWtXGR2LlGG6H2yP6wa/dEuu80x6XkFJQqPP95rqHs8XtKqahVwdOuxVg3CqTdsXIP/rCZpWAIGKNEK//iyje4xP7HFrLfL+rpad/JQ+Dfl3zNUwPaJF4JcMTqM2k5ns5KlCkDXtIyCoZw9RKA9ZKfk7K6p7Mvg3aTgM9cEqz9Nn44Z5HElPkuEOmnqX lab";
    private const string RsaImportedFingerprint = "57:ff:23:15:d1:68:6a:c2:3c:ad:05:cb:45:d0:61:98";
    private const string Ed25519Public = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPAdYf9C2j8HegHCvT6qPU6cK9fgyV7SY+r69MQcp8I8 lab";
    private const string Ed25519Fingerprint = "6WA6jikc46TaC6c66fbNvPiRKSaTeseF8xRYa2G9M4U=";

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    // AWS: an imported RSA key's fingerprint is the MD5 of its DER public key; an ED25519 key's the SHA-256 of
    // its public key blob, base64 (with padding). The comment is not kept.
    [Theory]
    [InlineData(RsaPublic, "rsa", RsaImportedFingerprint)]
    [InlineData(Ed25519Public, "ed25519", Ed25519Fingerprint)]
    public void ImportKeyPair_OpenSshPublicKey_AwsFingerprint(string material, string type, string fingerprint)
    {
        var lab = new TestLab();
        var key = lab.Cp.ImportKeyPair(Ctx, new ImportKeyPairRequest { KeyName = "mine", PublicKeyMaterial = B64(material) }).KeyPair;
        Assert.Equal(fingerprint, key.Fingerprint);
        Assert.Equal(type, key.KeyType);
        Assert.Equal(string.Join(' ', material.Split(' ')[..2]), key.PublicKey);
        Assert.StartsWith("key-0", key.Id, StringComparison.Ordinal);
    }

    // RFC 8032 §7.1, test 1: the public key of secret 9d61…7f60 is d75a…511a.
    [Fact]
    public void Ed25519PublicKey_Rfc8032Vector1_Matches() =>
        Assert.Equal("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            Convert.ToHexStringLower(Ed25519.PublicKey(Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"))));

    // AWS: a key pair made by EC2 has the SHA-1 of its DER (PKCS#8) private key as fingerprint (RSA); the PEM is
    // PKCS#1 ("RSA PRIVATE KEY") and its public half is the key pair's public key.
    [Fact]
    public void CreateKeyPair_RsaPem_PrivateKeyMatchesFingerprintAndPublicKey()
    {
        var lab = new TestLab();
        var created = lab.Cp.CreateKeyPair(Ctx, new CreateKeyPairRequest { KeyName = "web" });
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----", created.KeyMaterial, StringComparison.Ordinal);
        using var rsa = RSA.Create();
        rsa.ImportFromPem(created.KeyMaterial);
        Assert.Equal(2048, rsa.KeySize);
        Assert.Equal(string.Join(':', SHA1.HashData(rsa.ExportPkcs8PrivateKey()).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))), created.KeyPair.Fingerprint);
        var imported = KeyMaterial.Import(created.KeyPair.PublicKey);
        Assert.NotNull(imported);
        Assert.Equal("rsa", created.KeyPair.KeyType);
    }

    // Replay: the same seed and the same operations give the same key (the material is drawn from the id stream).
    [Theory]
    [InlineData("rsa", "pem")]
    [InlineData("ed25519", "pem")]
    [InlineData("rsa", "ppk")]
    [InlineData("ed25519", "ppk")]
    public void CreateKeyPair_SameSeedAndOperations_SameKeyMaterial(string type, string format)
    {
        CreateKeyPairResult Make() => new TestLab().Cp.CreateKeyPair(Ctx, new CreateKeyPairRequest { KeyName = "k", KeyType = type, KeyFormat = format });
        var first = Make();
        var second = Make();
        Assert.Equal(first.KeyMaterial, second.KeyMaterial);
        Assert.Equal(first.KeyPair, second.KeyPair);
        var other = new TestLab(seed: 7).Cp.CreateKeyPair(Ctx, new CreateKeyPairRequest { KeyName = "k", KeyType = type, KeyFormat = format });
        Assert.NotEqual(first.KeyMaterial, other.KeyMaterial);
        if (format == "ppk")
            Assert.StartsWith($"PuTTY-User-Key-File-2: ssh-{(type == "rsa" ? "rsa" : "ed25519")}\nEncryption: none\nComment: k\n", first.KeyMaterial, StringComparison.Ordinal);
    }

    // OpenSSH reads what CreateKeyPair hands out: `ssh-keygen -y` prints the key pair's public key.
    [Theory]
    [InlineData("rsa")]
    [InlineData("ed25519")]
    public async Task CreateKeyPair_PemMaterial_SshKeygenDerivesThePublicKey(string type)
    {
        Assert.SkipUnless(File.Exists("/usr/bin/ssh-keygen") && !OperatingSystem.IsWindows(), "ssh-keygen is not installed.");
        var created = new TestLab().Cp.CreateKeyPair(Ctx, new CreateKeyPairRequest { KeyName = "k", KeyType = type });
        var path = Path.Combine(Path.GetTempPath(), $"vpclab-key-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(path, created.KeyMaterial, TestContext.Current.CancellationToken);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            var start = new ProcessStartInfo("/usr/bin/ssh-keygen", ["-y", "-f", path]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var stdout = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, process.ExitCode);
            Assert.Equal(created.KeyPair.PublicKey, string.Join(' ', stdout.Trim().Split(' ')[..2]));
        }
        finally
        {
            File.Delete(path);
        }
    }

    // AWS's refusals: a name taken (InvalidKeyPair.Duplicate), material that is not an OpenSSH public key
    // (InvalidKeyPair.Format), an unknown key type or format, a name over 255 characters.
    [Theory]
    [InlineData("taken", "rsa", "pem", "InvalidKeyPair.Duplicate")]
    [InlineData("new", "dsa", "pem", "InvalidParameterValue")]
    [InlineData("new", "rsa", "der", "InvalidParameterValue")]
    [InlineData(null, "rsa", "pem", "MissingParameter")]
    public void CreateKeyPair_BadInput_AwsErrorNothingChanged(string? name, string type, string format, string code)
    {
        var lab = new TestLab();
        lab.Cp.ImportKeyPair(Ctx, new ImportKeyPairRequest { KeyName = "taken", PublicKeyMaterial = B64(Ed25519Public) });
        var before = lab.N;
        var error = Assert.Throws<Ec2Exception>(() => lab.Cp.CreateKeyPair(Ctx, new CreateKeyPairRequest { KeyName = name, KeyType = type, KeyFormat = format }));
        Assert.Equal(code, error.Code.Code);
        Assert.Same(before, lab.N);
    }

    [Theory]
    [InlineData("ssh-rsa notbase64!")]
    [InlineData("ssh-dss AAAAB3NzaC1kc3MAAAA=")]
    [InlineData("ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTY=")]
    [InlineData("hello")]
    public void ImportKeyPair_NotAnOpenSshKey_InvalidKeyPairFormat(string material) =>
        Assert.Equal("InvalidKeyPair.Format", Assert.Throws<Ec2Exception>(() =>
            new TestLab().Cp.ImportKeyPair(Ctx, new ImportKeyPairRequest { KeyName = "x", PublicKeyMaterial = B64(material) })).Code.Code);

    // DescribeKeyPairs: names and ids must exist (InvalidKeyPair.NotFound); filters key-name, key-pair-id,
    // fingerprint, key-type, tags; key pairs are per account and Region.
    [Fact]
    public void DescribeKeyPairs_NamesIdsFilters_AsAws()
    {
        var lab = new TestLab();
        var a = lab.Cp.ImportKeyPair(Ctx, new ImportKeyPairRequest { KeyName = "a", PublicKeyMaterial = B64(RsaPublic) }).KeyPair;
        lab.Cp.ImportKeyPair(Ctx, new ImportKeyPairRequest { KeyName = "b", PublicKeyMaterial = B64(Ed25519Public) });
        lab.Cp.ImportKeyPair(RequestContext.For("111111111111", "eu-west-1"), new ImportKeyPairRequest { KeyName = "c", PublicKeyMaterial = B64(Ed25519Public) });

        Assert.Equal(["a", "b"], lab.Cp.DescribeKeyPairs(Ctx, new DescribeKeyPairsRequest()).KeyPairs.Select(k => k.Name));
        Assert.Equal("a", Assert.Single(lab.Cp.DescribeKeyPairs(Ctx, new DescribeKeyPairsRequest { KeyPairIds = [a.Id] }).KeyPairs).Name);
        Assert.Equal("b", Assert.Single(lab.Cp.DescribeKeyPairs(Ctx, new DescribeKeyPairsRequest { Filters = [new Filter { Name = "key-type", Values = ["ed25519"] }] }).KeyPairs).Name);
        Assert.Equal("a", Assert.Single(lab.Cp.DescribeKeyPairs(Ctx, new DescribeKeyPairsRequest { Filters = [new Filter { Name = "fingerprint", Values = ["57:ff:*"] }] }).KeyPairs).Name);
        Assert.Equal("InvalidKeyPair.NotFound", Assert.Throws<Ec2Exception>(() => lab.Cp.DescribeKeyPairs(Ctx, new DescribeKeyPairsRequest { KeyNames = ["c"] })).Code.Code);
        Assert.Equal("InvalidKeyPair.NotFound", Assert.Throws<Ec2Exception>(() => lab.Cp.DescribeKeyPairs(Ctx, new DescribeKeyPairsRequest { KeyPairIds = ["key-0123456789abcdef0"] })).Code.Code);
    }

    // DeleteKeyPair: by name or id; a name that does not exist still answers true (AWS); then RunInstances with
    // that KeyName is InvalidKeyPair.NotFound.
    [Fact]
    public void DeleteKeyPair_ThenRunInstancesWithIt_InvalidKeyPairNotFound()
    {
        var lab = new TestLab();
        var subnet = lab.Subnet(lab.Vpc());
        var key = lab.Cp.CreateKeyPair(Ctx, new CreateKeyPairRequest { KeyName = "ops", KeyType = "ed25519" }).KeyPair;
        var launch = new RunInstancesRequest { KeyName = "ops", MinCount = 1, MaxCount = 1, SubnetId = subnet.Id.Value };
        Assert.Equal("ops", Assert.Single(lab.Cp.RunInstances(Ctx, launch).Instances).KeyName);

        Assert.Equal(new DeleteKeyPairResult(true, key.Id), lab.Cp.DeleteKeyPair(Ctx, new DeleteKeyPairRequest { KeyName = "ops" }));
        Assert.Equal(new DeleteKeyPairResult(true, null), lab.Cp.DeleteKeyPair(Ctx, new DeleteKeyPairRequest { KeyName = "ops" }));
        Assert.Equal("InvalidKeyPair.NotFound", Assert.Throws<Ec2Exception>(() => lab.Cp.RunInstances(Ctx, launch)).Code.Code);
    }
}
