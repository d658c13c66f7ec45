namespace VpcLab.Server.Hosting;

/// <summary>What a SigV4 request says about its caller: the access key and the credential scope
/// (<c>Credential=AKID/20261123/us-east-1/ec2/aws4_request</c>), from the Authorization header or, for presigned
/// requests, the X-Amz-Credential query parameter.</summary>
public sealed record SigV4Credential(string AccessKeyId, string Date, string Region, string Service,
    string SignedHeaders, string Signature)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The credential of an <c>Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…</c>
    /// header (parts split on commas and trimmed, the last of a repeated part wins), or null. Read over spans: every
    /// request routed by its signing service passes here, so only the six fields kept become strings.</summary>
    public static SigV4Credential? FromAuthorizationHeader(string? header)
    {
        if (header is null || !header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
            return null;
        ReadOnlySpan<char> credential = default, signedHeaders = default, signature = default;
        var hasCredential = false;
        var rest = header.AsSpan(Algorithm.Length + 1);
        while (true)
        {
            var comma = rest.IndexOf(',');
            var part = (comma < 0 ? rest : rest[..comma]).Trim();
            var eq = part.IndexOf('=');
            if (eq > 0)
            {
                var value = part[(eq + 1)..];
                switch (part[..eq])
                {
                    case "Credential": credential = value; hasCredential = true; break;
                    case "SignedHeaders": signedHeaders = value; break;
                    case "Signature": signature = value; break;
                }
            }
            if (comma < 0)
                break;
            rest = rest[(comma + 1)..];
        }
        return hasCredential ? FromScope(credential, signedHeaders, signature) : null;
    }

    /// <summary>Parses <c>AKID/date/region/service/aws4_request</c>.</summary>
    public static SigV4Credential? FromScope(string credential, string signedHeaders, string signature)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return FromScope(credential.AsSpan(), signedHeaders, signature);
    }

    private static SigV4Credential? FromScope(ReadOnlySpan<char> credential, ReadOnlySpan<char> signedHeaders, ReadOnlySpan<char> signature)
    {
        Span<Range> parts = stackalloc Range[6];
        if (credential.Split(parts, '/') != 5 || !credential[parts[4]].SequenceEqual("aws4_request") || credential[parts[0]].IsEmpty)
            return null;
        return new SigV4Credential(new string(credential[parts[0]]), new string(credential[parts[1]]), new string(credential[parts[2]]),
            new string(credential[parts[3]]), new string(signedHeaders), new string(signature));
    }
}
