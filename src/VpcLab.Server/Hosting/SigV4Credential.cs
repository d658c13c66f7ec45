namespace VpcLab.Server.Hosting;

/// <summary>What a SigV4 request says about its caller: the access key and the credential scope
/// (<c>Credential=AKID/20261123/us-east-1/ec2/aws4_request</c>), from the Authorization header or, for presigned
/// requests, the X-Amz-Credential query parameter.</summary>
public sealed record SigV4Credential(string AccessKeyId, string Date, string Region, string Service,
    string SignedHeaders, string Signature)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public static SigV4Credential? FromAuthorizationHeader(string? header)
    {
        if (header is null || !header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
            return null;
        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in header[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries))
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
        return credential is null ? null : FromScope(credential, signedHeaders ?? "", signature ?? "");
    }

    /// <summary>Parses <c>AKID/date/region/service/aws4_request</c>.</summary>
    public static SigV4Credential? FromScope(string credential, string signedHeaders, string signature)
    {
        var parts = credential.Split('/');
        if (parts.Length != 5 || parts[4] != "aws4_request" || parts[0].Length == 0)
            return null;
        return new SigV4Credential(parts[0], parts[1], parts[2], parts[3], signedHeaders, signature);
    }
}
