using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace VpcLab.Server.S3;

/// <summary>S3's multipart upload operations, as the S3 API Reference gives them: CreateMultipartUpload
/// (<c>POST /bucket/key?uploads</c>), UploadPart (<c>PUT ?partNumber=N&amp;uploadId=ID</c>), CompleteMultipartUpload
/// (<c>POST ?uploadId=ID</c>), AbortMultipartUpload (<c>DELETE ?uploadId=ID</c>), ListParts (<c>GET ?uploadId=ID</c>)
/// and ListMultipartUploads (<c>GET /bucket?uploads</c>). The uploads live in <see cref="S3MultipartUploads"/>; the
/// caller has already checked that the account owns the bucket. docs/semantics.md#s3-multipart.</summary>
public sealed class S3MultipartEndpoint(S3MultipartUploads uploads, TimeProvider? time = null)
{
    private const int DefaultMaxItems = 1000;
    private const int MaxCompleteBodyBytes = 4 << 20; // 10,000 parts with checksums fit

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public Task HandleAsync(HttpContext http, string operation, string account, string bucket, string? key)
    {
        ArgumentNullException.ThrowIfNull(http);
        return operation switch
        {
            S3Operations.ListMultipartUploads => WriteXmlAsync(http, ListUploads(bucket, http.Request.Query)),
            S3Operations.CreateMultipartUpload => CreateAsync(http, account, bucket, key!),
            S3Operations.UploadPart => UploadPartAsync(http, bucket, key!),
            S3Operations.CompleteMultipartUpload => CompleteAsync(http, bucket, key!),
            S3Operations.AbortMultipartUpload => AbortAsync(http, bucket, key!),
            S3Operations.ListParts => WriteXmlAsync(http, ListParts(http, bucket, key!)),
            _ => throw new InvalidOperationException($"{operation} is not a multipart upload operation"),
        };
    }

    /// <summary>Drops the uploads in progress of a deleted bucket.</summary>
    public void AbortAll(string bucket) => uploads.AbortAll(bucket);

    private S3MultipartUpload Upload(HttpContext http, string bucket, string key) =>
        uploads.Find(bucket, key, http.Request.Query["uploadId"].ToString());

    private Task CreateAsync(HttpContext http, string account, string bucket, string key)
    {
        var upload = uploads.Create(bucket, key, account, _time.GetUtcNow());
        return WriteXmlAsync(http, S3Xml.Write(w =>
        {
            w.WriteStartElement("InitiateMultipartUploadResult", S3Xml.Namespace);
            w.WriteElementString("Bucket", bucket);
            w.WriteElementString("Key", key);
            w.WriteElementString("UploadId", upload.UploadId);
            w.WriteEndElement();
        }));
    }

    private async Task UploadPartAsync(HttpContext http, string bucket, string key)
    {
        if (!int.TryParse(http.Request.Query["partNumber"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            throw S3Errors.InvalidPartNumber();
        var upload = Upload(http, bucket, key);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = S3MultipartUploads.MaxPartBytes;
        if (http.Request.ContentLength > S3MultipartUploads.MaxPartBytes)
            throw S3Errors.EntityTooLarge(S3MultipartUploads.MaxPartBytes);
        var part = await uploads.PutPartAsync(upload, number, file => AwsChunked.IsChunked(http.Request)
            ? AwsChunked.DecodeAsync(http.Request.Body, file, S3MultipartUploads.MaxPartBytes, http.RequestAborted)
            : http.Request.Body.CopyToAsync(file, http.RequestAborted)).ConfigureAwait(false);
        http.Response.Headers.ETag = part.ETag;
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentLength = 0;
    }

    private async Task CompleteAsync(HttpContext http, string bucket, string key)
    {
        var upload = Upload(http, bucket, key);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxCompleteBodyBytes;
        var listed = await ReadPartsListAsync(http.Request).ConfigureAwait(false);
        var info = await uploads.CompleteAsync(upload, listed, http.RequestAborted).ConfigureAwait(false);
        var location = $"{http.Request.Scheme}://{http.Request.Host}/{Uri.EscapeDataString(bucket)}/{string.Join('/', key.Split('/').Select(Uri.EscapeDataString))}";
        await WriteXmlAsync(http, S3Xml.Write(w =>
        {
            w.WriteStartElement("CompleteMultipartUploadResult", S3Xml.Namespace);
            w.WriteElementString("Location", location);
            w.WriteElementString("Bucket", bucket);
            w.WriteElementString("Key", key);
            w.WriteElementString("ETag", info.ETag);
            w.WriteEndElement();
        })).ConfigureAwait(false);
    }

    /// <summary><c>&lt;CompleteMultipartUpload&gt;&lt;Part&gt;&lt;PartNumber/&gt;&lt;ETag/&gt;…</c>; checksum
    /// members are accepted and not checked.</summary>
    private static async Task<List<(int, string)>> ReadPartsListAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync().ConfigureAwait(false);
        try
        {
            var root = XDocument.Parse(text).Root;
            if (root is null || root.Name.LocalName != "CompleteMultipartUpload")
                throw S3Errors.MalformedXml();
            var parts = new List<(int, string)>();
            foreach (var part in root.Elements().Where(e => e.Name.LocalName == "Part"))
            {
                var number = part.Elements().FirstOrDefault(e => e.Name.LocalName == "PartNumber")?.Value.Trim();
                var etag = part.Elements().FirstOrDefault(e => e.Name.LocalName == "ETag")?.Value;
                if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || etag is null)
                    throw S3Errors.MalformedXml();
                parts.Add((n, etag));
            }
            return parts;
        }
        catch (XmlException)
        {
            throw S3Errors.MalformedXml();
        }
    }

    private Task AbortAsync(HttpContext http, string bucket, string key)
    {
        uploads.Abort(Upload(http, bucket, key));
        http.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private byte[] ListParts(HttpContext http, string bucket, string key)
    {
        var upload = Upload(http, bucket, key);
        var query = http.Request.Query;
        var max = MaxItems(query["max-parts"].ToString(), "max-parts");
        var marker = query["part-number-marker"].ToString() is { Length: > 0 } m
            ? int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw S3Errors.InvalidArgument("Provided part-number-marker not an integer or within integer range")
            : 0;
        var after = uploads.Parts(upload).Where(p => p.PartNumber > marker).ToList();
        var page = after.Take(max).ToList();
        var truncated = after.Count > page.Count;
        return S3Xml.Write(w =>
        {
            w.WriteStartElement("ListPartsResult", S3Xml.Namespace);
            w.WriteElementString("Bucket", bucket);
            w.WriteElementString("Key", key);
            w.WriteElementString("UploadId", upload.UploadId);
            Party(w, "Initiator", upload.Account);
            S3Xml.Owner(w, upload.Account);
            w.WriteElementString("StorageClass", "STANDARD");
            w.WriteElementString("PartNumberMarker", marker.ToString(CultureInfo.InvariantCulture));
            w.WriteElementString("NextPartNumberMarker", (page.Count > 0 ? page[^1].PartNumber : marker).ToString(CultureInfo.InvariantCulture));
            w.WriteElementString("MaxParts", max.ToString(CultureInfo.InvariantCulture));
            w.WriteElementString("IsTruncated", truncated ? "true" : "false");
            foreach (var part in page)
            {
                w.WriteStartElement("Part");
                w.WriteElementString("PartNumber", part.PartNumber.ToString(CultureInfo.InvariantCulture));
                w.WriteElementString("LastModified", S3Formats.Iso(part.LastModified));
                w.WriteElementString("ETag", part.ETag);
                w.WriteElementString("Size", part.Size.ToString(CultureInfo.InvariantCulture));
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });
    }

    /// <summary>ListMultipartUploads: by key, then initiation; <c>prefix</c>, <c>delimiter</c> (keys roll up into
    /// CommonPrefixes), <c>key-marker</c>/<c>upload-id-marker</c>, <c>max-uploads</c> (≤ 1000).</summary>
    private byte[] ListUploads(string bucket, IQueryCollection query)
    {
        var prefix = query["prefix"].ToString();
        var delimiter = query["delimiter"].ToString() is { Length: > 0 } d ? d : null;
        var keyMarker = query["key-marker"].ToString();
        var idMarker = query["upload-id-marker"].ToString();
        var max = MaxItems(query["max-uploads"].ToString(), "max-uploads");
        var candidates = uploads.List(bucket).Where(u => u.Key.StartsWith(prefix, StringComparison.Ordinal)
            && (keyMarker.Length == 0 || string.CompareOrdinal(u.Key, keyMarker) > 0
                || (idMarker.Length > 0 && u.Key == keyMarker && string.CompareOrdinal(u.UploadId, idMarker) > 0)));
        var items = new List<(S3MultipartUpload? Upload, string? CommonPrefix)>();
        var truncated = false;
        foreach (var upload in candidates)
        {
            var at = delimiter is null ? -1 : upload.Key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
            var common = at < 0 ? null : upload.Key[..(at + delimiter!.Length)];
            if (common is not null && items.Count > 0 && items[^1].CommonPrefix == common)
                continue;
            if (items.Count == max)
            {
                truncated = true;
                break;
            }
            items.Add(common is null ? (upload, null) : (null, common));
        }
        var last = items.Count > 0 ? items[^1] : default;
        return S3Xml.Write(w =>
        {
            w.WriteStartElement("ListMultipartUploadsResult", S3Xml.Namespace);
            w.WriteElementString("Bucket", bucket);
            w.WriteElementString("KeyMarker", keyMarker);
            w.WriteElementString("UploadIdMarker", idMarker);
            w.WriteElementString("NextKeyMarker", last.Upload?.Key ?? last.CommonPrefix ?? "");
            w.WriteElementString("NextUploadIdMarker", last.Upload?.UploadId ?? "");
            if (prefix.Length > 0)
                w.WriteElementString("Prefix", prefix);
            if (delimiter is not null)
                w.WriteElementString("Delimiter", delimiter);
            w.WriteElementString("MaxUploads", max.ToString(CultureInfo.InvariantCulture));
            w.WriteElementString("IsTruncated", truncated ? "true" : "false");
            foreach (var (upload, _) in items.Where(i => i.Upload is not null))
            {
                w.WriteStartElement("Upload");
                w.WriteElementString("Key", upload!.Key);
                w.WriteElementString("UploadId", upload.UploadId);
                Party(w, "Initiator", upload.Account);
                S3Xml.Owner(w, upload.Account);
                w.WriteElementString("StorageClass", "STANDARD");
                w.WriteElementString("Initiated", S3Formats.Iso(upload.Initiated));
                w.WriteEndElement();
            }
            foreach (var (_, common) in items.Where(i => i.CommonPrefix is not null))
            {
                w.WriteStartElement("CommonPrefixes");
                w.WriteElementString("Prefix", common);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });
    }

    private static int MaxItems(string text, string name)
    {
        if (text.Length == 0)
            return DefaultMaxItems;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            throw S3Errors.InvalidArgument($"Provided {name} not an integer or within integer range");
        return Math.Clamp(value, 1, DefaultMaxItems);
    }

    private static void Party(XmlWriter w, string element, string account)
    {
        w.WriteStartElement(element);
        w.WriteElementString("ID", S3Xml.CanonicalId(account));
        w.WriteElementString("DisplayName", account);
        w.WriteEndElement();
    }

    private static async Task WriteXmlAsync(HttpContext http, byte[] body)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = S3Xml.ContentType;
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body).ConfigureAwait(false);
    }
}
