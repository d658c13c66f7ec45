using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace VpcLab.Server.S3;

/// <summary>S3's listings for <see cref="S3Endpoint"/>: ListObjectsV2 and ListObjects (v1), with prefixes,
/// delimiters, pages and encoding-type=url.</summary>
internal sealed class S3ListingEndpoint(S3BucketStore store)
{
    private const int DefaultMaxKeys = 1000;

    public byte[] ListObjectsV2(string bucket, IQueryCollection query)
    {
        var prefix = query["prefix"].ToString();
        var delimiter = NullIfEmpty(query["delimiter"]);
        var startAfter = NullIfEmpty(query["start-after"]);
        var token = NullIfEmpty(query["continuation-token"]);
        var maxKeys = MaxKeys(query);
        var urlEncode = EncodingType(query);
        string? after = startAfter;
        if (token is not null)
        {
            try
            {
                after = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            }
            catch (FormatException)
            {
                throw S3Errors.InvalidArgument("The continuation token provided is incorrect");
            }
        }
        var page = S3Listing.List(store.Keys(bucket, prefix), prefix, delimiter, after, maxKeys);
        return S3Xml.Write(w =>
        {
            w.WriteStartElement("ListBucketResult", S3Xml.Namespace);
            w.WriteElementString("Name", bucket);
            w.WriteElementString("Prefix", Encode(prefix, urlEncode));
            if (delimiter is not null)
                w.WriteElementString("Delimiter", Encode(delimiter, urlEncode));
            w.WriteElementString("MaxKeys", maxKeys.ToString(CultureInfo.InvariantCulture));
            if (urlEncode)
                w.WriteElementString("EncodingType", "url");
            w.WriteElementString("KeyCount", (page.Keys.Length + page.CommonPrefixes.Length).ToString(CultureInfo.InvariantCulture));
            w.WriteElementString("IsTruncated", page.IsTruncated ? "true" : "false");
            if (token is not null)
                w.WriteElementString("ContinuationToken", token);
            if (page.IsTruncated && page.LastItem is not null)
                w.WriteElementString("NextContinuationToken", Convert.ToBase64String(Encoding.UTF8.GetBytes(page.LastItem)));
            if (startAfter is not null)
                w.WriteElementString("StartAfter", Encode(startAfter, urlEncode));
            WriteContents(w, bucket, page, urlEncode);
            w.WriteEndElement();
        });
    }

    public byte[] ListObjectsV1(string bucket, IQueryCollection query)
    {
        var prefix = query["prefix"].ToString();
        var delimiter = NullIfEmpty(query["delimiter"]);
        var marker = NullIfEmpty(query["marker"]);
        var maxKeys = MaxKeys(query);
        var urlEncode = EncodingType(query);
        var page = S3Listing.List(store.Keys(bucket, prefix), prefix, delimiter, marker, maxKeys);
        return S3Xml.Write(w =>
        {
            w.WriteStartElement("ListBucketResult", S3Xml.Namespace);
            w.WriteElementString("Name", bucket);
            w.WriteElementString("Prefix", Encode(prefix, urlEncode));
            w.WriteElementString("Marker", Encode(marker ?? string.Empty, urlEncode));
            if (page.IsTruncated && delimiter is not null && page.LastItem is not null)
                w.WriteElementString("NextMarker", Encode(page.LastItem, urlEncode)); // S3 sends NextMarker only with a delimiter
            w.WriteElementString("MaxKeys", maxKeys.ToString(CultureInfo.InvariantCulture));
            if (delimiter is not null)
                w.WriteElementString("Delimiter", Encode(delimiter, urlEncode));
            if (urlEncode)
                w.WriteElementString("EncodingType", "url");
            w.WriteElementString("IsTruncated", page.IsTruncated ? "true" : "false");
            WriteContents(w, bucket, page, urlEncode);
            w.WriteEndElement();
        });
    }

    private void WriteContents(XmlWriter w, string bucket, S3ListingPage page, bool urlEncode)
    {
        foreach (var key in page.Keys)
        {
            var info = store.Info(bucket, key);
            w.WriteStartElement("Contents");
            w.WriteElementString("Key", Encode(key, urlEncode));
            w.WriteElementString("LastModified", S3Formats.Iso(info.LastModified));
            w.WriteElementString("ETag", info.ETag);
            w.WriteElementString("Size", info.Size.ToString(CultureInfo.InvariantCulture));
            w.WriteElementString("StorageClass", "STANDARD");
            w.WriteEndElement();
        }
        foreach (var commonPrefix in page.CommonPrefixes)
        {
            w.WriteStartElement("CommonPrefixes");
            w.WriteElementString("Prefix", Encode(commonPrefix, urlEncode));
            w.WriteEndElement();
        }
    }

    private static int MaxKeys(IQueryCollection query)
    {
        var text = query["max-keys"].ToString();
        if (text.Length == 0)
            return DefaultMaxKeys;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            throw S3Errors.InvalidArgument("Provided max-keys not an integer or within integer range");
        return Math.Min(value, DefaultMaxKeys); // S3 returns at most 1,000 keys whatever is asked
    }

    private static bool EncodingType(IQueryCollection query)
    {
        var value = query["encoding-type"].ToString();
        return value switch
        {
            "" => false,
            "url" => true,
            _ => throw S3Errors.InvalidArgument("Invalid Encoding Method specified in Request"),
        };
    }

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues value) => value.ToString() is { Length: > 0 } text ? text : null;

    // encoding-type=url: S3 percent-encodes names in the listing (keeping '/'), and clients decode them.
    private static string Encode(string value, bool urlEncode) =>
        urlEncode ? string.Join('/', value.Split('/').Select(Uri.EscapeDataString)) : value;
}
