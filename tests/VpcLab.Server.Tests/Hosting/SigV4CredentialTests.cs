using CsCheck;
using VpcLab.Server.Hosting;

namespace VpcLab.Server.Tests.Hosting;

/// <summary>The SigV4 Authorization header read over spans (<see cref="SigV4Credential.FromAuthorizationHeader"/>)
/// gives what the string path gave before it (kept here as the oracle): the credential scope
/// <c>AKID/date/region/service/aws4_request</c> picks the account, the Region and the service that answers
/// (docs/semantics.md: SigV4 credential scope).</summary>
public sealed class SigV4CredentialTests
{
    /// <summary>The path before (December 2026): Split on ',' with trimmed entries, then the scope split on '/'.</summary>
    private static SigV4Credential? Oracle(string? header)
    {
        if (header is null || !header.StartsWith(SigV4Credential.Algorithm + " ", StringComparison.Ordinal))
            return null;
        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in header[(SigV4Credential.Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
                continue;
            var value = part[(eq + 1)..];
            switch (part[..eq])
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signedHeaders = value; break;
                case "Signature": signature = value; break;
            }
        }
        if (credential is null)
            return null;
        var parts = credential.Split('/');
        if (parts.Length != 5 || parts[4] != "aws4_request" || parts[0].Length == 0)
            return null;
        return new SigV4Credential(parts[0], parts[1], parts[2], parts[3], signedHeaders ?? "", signature ?? "");
    }

    public static TheoryData<string, string?, string> Cases => new()
    {
        // rule, header, expected credential (or "null")
        { "the SDKs' header", "AWS4-HMAC-SHA256 Credential=AKID/20261205/eu-west-1/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc",
            "AKID 20261205 eu-west-1 ec2 host;x-amz-date abc" },
        { "parts in any order, spaces trimmed", "AWS4-HMAC-SHA256  Signature=s ,SignedHeaders=h,  Credential=K/d/r/sts/aws4_request ",
            "K d r sts h s" },
        { "the last of a repeated part wins", "AWS4-HMAC-SHA256 Credential=A/d/r/ec2/aws4_request, Credential=B/d/r/s3/aws4_request",
            "B d r s3  " },
        { "no header", null, "null" },
        { "another algorithm (SigV2, Basic)", "AWS AKID:sig", "null" },
        { "no Credential", "AWS4-HMAC-SHA256 SignedHeaders=host, Signature=x", "null" },
        { "an empty Credential", "AWS4-HMAC-SHA256 Credential=, Signature=x", "null" },
        { "a scope of four parts", "AWS4-HMAC-SHA256 Credential=K/d/r/aws4_request", "null" },
        { "a scope of six parts", "AWS4-HMAC-SHA256 Credential=K/d/r/ec2/x/aws4_request", "null" },
        { "a scope not ending aws4_request", "AWS4-HMAC-SHA256 Credential=K/d/r/ec2/aws5_request", "null" },
        { "an empty access key", "AWS4-HMAC-SHA256 Credential=/d/r/ec2/aws4_request", "null" },
        { "empty date and Region are kept (the default Region applies later)", "AWS4-HMAC-SHA256 Credential=K///ec2/aws4_request", "K   ec2  " },
        { "a space before '=' names another part", "AWS4-HMAC-SHA256 Credential =K/d/r/ec2/aws4_request", "null" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReadsTheScope_AsSigV4Says(string rule, string? header, string expected)
    {
        Assert.True(expected == Show(SigV4Credential.FromAuthorizationHeader(header)), rule);
        Assert.Equal(Oracle(header), SigV4Credential.FromAuthorizationHeader(header));
    }

    private static string Show(SigV4Credential? c) =>
        c is null ? "null" : $"{c.AccessKeyId} {c.Date} {c.Region} {c.Service} {c.SignedHeaders} {c.Signature}";

    [Fact]
    public void RandomHeaders_GiveExactlyTheOldCredential()
    {
        var piece = Gen.OneOf(
            Gen.OneOf<string>("Credential", "SignedHeaders", "Signature", "=", ",", "/", " ", "\t", "aws4_request", "ec2", "K", ""),
            Gen.String[Gen.Char["a/=, "], 0, 4]);
        piece.Array[0, 14].Select(p => SigV4Credential.Algorithm + " " + string.Concat(p)).Sample(
            header => Equals(Oracle(header), SigV4Credential.FromAuthorizationHeader(header)),
            iter: 20_000);
    }
}
