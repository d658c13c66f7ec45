using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace VpcLab.Server.Hosting;

/// <summary>Checks an AWS Signature Version 4 (header form): rebuilds the canonical request from what arrived and
/// compares the signature, as AWS does. Used only with <c>--verify-signatures</c>.</summary>
public static class SigV4Verifier
{
    public static bool IsValid(HttpRequest request, ReadOnlySpan<byte> body, SigV4Credential credential, string secretAccessKey)
    {
        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (amzDate.Length < 8 || credential.Signature.Length == 0)
            return false;

        var signedHeaders = credential.SignedHeaders.Split(';');
        var canonicalHeaders = new StringBuilder();
        foreach (var name in signedHeaders)
        {
            var value = name == "host" ? request.Host.Value : request.Headers[name].ToString();
            canonicalHeaders.Append(name).Append(':').Append(CollapseSpaces(value ?? "")).Append('\n');
        }
        var payloadHash = request.Headers["X-Amz-Content-SHA256"].ToString() is { Length: > 0 } declared && declared != "UNSIGNED-PAYLOAD"
            ? declared
            : Hex(SHA256.HashData(body));
        var canonicalRequest = string.Join('\n',
            request.Method, CanonicalPath(request.Path.Value), CanonicalQuery(request.Query), canonicalHeaders.ToString(),
            credential.SignedHeaders, payloadHash);

        var scope = $"{credential.Date}/{credential.Region}/{credential.Service}/aws4_request";
        var stringToSign = $"{SigV4Credential.Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), credential.Date);
        key = Hmac(key, credential.Region);
        key = Hmac(key, credential.Service);
        key = Hmac(key, "aws4_request");
        var expected = Hex(Hmac(key, stringToSign));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(credential.Signature));
    }

    private static string CanonicalPath(string? path) =>
        string.IsNullOrEmpty(path) ? "/" : string.Join('/', path.Split('/').Select(s => Uri.EscapeDataString(Uri.UnescapeDataString(s))));

    private static string CanonicalQuery(IQueryCollection query) =>
        string.Join('&', query
            .SelectMany(p => p.Value.Select(v => (Key: Uri.EscapeDataString(p.Key), Value: Uri.EscapeDataString(v ?? ""))))
            .Where(p => p.Key != "X-Amz-Signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));

    private static string CollapseSpaces(string value) =>
        string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLower(CultureInfo.InvariantCulture);
}
