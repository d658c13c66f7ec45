using System.Security.Cryptography;
using System.Text;
using System.Xml;

namespace VpcLab.Server.S3;

/// <summary>S3's XML bodies (namespace <c>http://s3.amazonaws.com/doc/2006-03-01/</c>) and its error body
/// (<c>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;…&lt;RequestId/&gt;&lt;/Error&gt;</c>, no namespace).</summary>
internal static class S3Xml
{
    public const string Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";
    public const string ContentType = "application/xml";

    public static byte[] Write(Action<XmlWriter> body)
    {
        using var memory = new MemoryStream();
        using (var writer = XmlWriter.Create(memory, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            writer.WriteStartDocument();
            body(writer);
            writer.WriteEndDocument();
        }
        return memory.ToArray();
    }

    public static byte[] Error(S3Exception e, string requestId) => Write(w =>
    {
        w.WriteStartElement("Error");
        w.WriteElementString("Code", e.Code);
        w.WriteElementString("Message", e.Message);
        if (e.Bucket is not null)
            w.WriteElementString("BucketName", e.Bucket);
        if (e.Key is not null)
            w.WriteElementString("Key", e.Key);
        w.WriteElementString("RequestId", requestId);
        w.WriteElementString("HostId", HostId(requestId));
        w.WriteEndElement();
    });

    /// <summary>S3's x-amz-id-2: an opaque base64 string; derived from the request id so it is stable per request.</summary>
    public static string HostId(string requestId) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(requestId)));

    /// <summary>An account's canonical user id (64 hex digits, as S3 shows owners): derived from the account id.</summary>
    public static string CanonicalId(string account) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("vpclab-canonical-" + account)));

    public static void Owner(XmlWriter w, string account)
    {
        w.WriteStartElement("Owner");
        w.WriteElementString("ID", CanonicalId(account));
        w.WriteElementString("DisplayName", account);
        w.WriteEndElement();
    }
}
