using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace VpcLab.Server.S3;

/// <summary>S3's REST API, path style (<c>/bucket/key</c>), the subset flow-log clients need: ListBuckets,
/// Create/Head/DeleteBucket, GetBucketLocation, Put/Get/DeleteBucketPolicy, Put/Get/Head/DeleteObject, ListObjects
/// (v1), ListObjectsV2, and multipart upload (<see cref="S3MultipartEndpoint"/>). Buckets and their policies are the world's (<see cref="S3Buckets"/>), objects the
/// store's. The caller's account and Region come from the SigV4 credential, as for EC2.</summary>
public sealed class S3Endpoint(S3BucketStore store, S3Buckets buckets, S3MultipartEndpoint multipart)
{
    private readonly S3ListingEndpoint _listing = new(store);

    public async Task HandleAsync(HttpContext http, string account, string region)
    {
        var requestId = Guid.NewGuid().ToString("N").ToUpperInvariant()[..16];
        var response = http.Response;
        response.Headers["x-amz-request-id"] = requestId;
        response.Headers["x-amz-id-2"] = S3Xml.HostId(requestId);
        try
        {
            await RouteAsync(http, account, region).ConfigureAwait(false);
        }
        catch (Exception e) when (e is S3Exception or BadHttpRequestException or IOException or UnauthorizedAccessException)
        {
            var error = e switch
            {
                S3Exception s3 => s3,
                BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => S3Errors.EntityTooLarge(S3BucketStore.MaxObjectBytes),
                BadHttpRequestException bad => S3Errors.IncompleteBody(bad.Message),
                _ => S3Errors.InvalidArgument("VpcLab could not store or read the object: " + e.Message),
            };
            if (response.HasStarted)
                throw;
            response.Headers.Remove("x-amz-bucket-region");
            response.StatusCode = error.Status;
            if (HttpMethods.IsHead(http.Request.Method))
                return; // HEAD answers carry no body, only the status
            var body = S3Xml.Error(error, requestId);
            response.ContentType = S3Xml.ContentType;
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body).ConfigureAwait(false);
        }
    }

    /// <summary>One request to its operation (<see cref="S3Operations.Classify"/>).</summary>
    private async Task RouteAsync(HttpContext http, string account, string region)
    {
        var response = http.Response;
        var (bucket, key) = SplitPath(http);
        var operation = S3Operations.Classify(http.Request.Method, bucket, key, http.Request.Query, http.Request.Headers);
        Hosting.CallDescription.Describe(http, action: operation);
        if (bucket is null)
        {
            await WriteXmlAsync(http, ListBuckets(account)).ConfigureAwait(false);
            return;
        }
        if (operation is not (S3Operations.CreateBucket or S3Operations.DeleteBucket) && !operation.EndsWith("BucketPolicy", StringComparison.Ordinal))
            buckets.Require(account, bucket);
        switch (operation)
        {
            case S3Operations.GetBucketPolicy or S3Operations.PutBucketPolicy or S3Operations.DeleteBucketPolicy:
                await BucketPolicyAsync(http, account, region, bucket).ConfigureAwait(false);
                break;
            case S3Operations.CreateBucket:
                await CreateBucketAsync(http, account, region, bucket).ConfigureAwait(false);
                break;
            case S3Operations.HeadBucket:
                response.Headers["x-amz-bucket-region"] = buckets.Require(account, bucket).Region;
                response.StatusCode = StatusCodes.Status200OK;
                break;
            case S3Operations.DeleteBucket:
                await buckets.DeleteAsync(account, region, bucket).ConfigureAwait(false);
                multipart.AbortAll(bucket); // uploads in progress go with their bucket
                response.StatusCode = StatusCodes.Status204NoContent;
                break;
            case S3Operations.GetBucketLocation:
                var located = buckets.Require(account, bucket);
                await WriteXmlAsync(http, S3Xml.Write(w =>
                {
                    w.WriteStartElement("LocationConstraint", S3Xml.Namespace);
                    if (located.Region != "us-east-1")
                        w.WriteString(located.Region); // S3 answers an empty constraint for us-east-1
                    w.WriteEndElement();
                })).ConfigureAwait(false);
                break;
            case S3Operations.ListObjectsV2:
                await WriteXmlAsync(http, _listing.ListObjectsV2(bucket, http.Request.Query)).ConfigureAwait(false);
                break;
            case S3Operations.ListObjects:
                await WriteXmlAsync(http, _listing.ListObjectsV1(bucket, http.Request.Query)).ConfigureAwait(false);
                break;
            case S3Operations.PutObject:
                await PutObjectAsync(http, bucket, key!).ConfigureAwait(false);
                break;
            case S3Operations.GetObject or S3Operations.HeadObject:
                await GetObjectAsync(http, bucket, key!, headOnly: operation == S3Operations.HeadObject).ConfigureAwait(false);
                break;
            case S3Operations.DeleteObject:
                store.DeleteObject(bucket, key!);
                response.StatusCode = StatusCodes.Status204NoContent;
                break;
            default: // the multipart upload operations
                await multipart.HandleAsync(http, operation, account, bucket, key).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Bucket and key from the raw request target, decoded once (so a key's %2F stays part of a name).</summary>
    private static (string? Bucket, string? Key) SplitPath(HttpContext http)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path.Value ?? "/";
        var q = raw.IndexOf('?', StringComparison.Ordinal);
        var path = q < 0 ? raw : raw[..q];
        if (path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            path = new Uri(path).AbsolutePath; // absolute-form request target
        path = path.TrimStart('/');
        if (path.Length == 0)
            return (null, null);
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var bucket = Uri.UnescapeDataString(slash < 0 ? path : path[..slash]);
        var key = slash < 0 || slash == path.Length - 1 ? null : Uri.UnescapeDataString(path[(slash + 1)..]);
        return (bucket, key);
    }

    private byte[] ListBuckets(string account)
    {
        var owned = buckets.List(account);
        return S3Xml.Write(w =>
        {
            w.WriteStartElement("ListAllMyBucketsResult", S3Xml.Namespace);
            S3Xml.Owner(w, account);
            w.WriteStartElement("Buckets");
            foreach (var b in owned)
            {
                w.WriteStartElement("Bucket");
                w.WriteElementString("Name", b.Name);
                w.WriteElementString("CreationDate", S3Formats.Iso(b.CreationDate));
                w.WriteElementString("BucketRegion", b.Region);
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
        });
    }

    private async Task CreateBucketAsync(HttpContext http, string account, string region, string bucket)
    {
        var constraint = await ReadLocationConstraintAsync(http.Request).ConfigureAwait(false);
        if (constraint == "EU")
            constraint = "eu-west-1"; // S3's legacy alias
        // S3: us-east-1 is the absence of a constraint; an endpoint of another Region needs the constraint to name it.
        if (constraint == "us-east-1")
            throw S3Errors.InvalidLocationConstraint(constraint);
        if (region != "us-east-1" && constraint != region)
            throw S3Errors.IllegalLocationConstraint(constraint);
        if (constraint is not null && !System.Text.RegularExpressions.Regex.IsMatch(constraint, "^[a-z]{2}(-[a-z]+)+-[0-9]+$"))
            throw S3Errors.InvalidLocationConstraint(constraint);
        var created = await buckets.CreateAsync(account, region, constraint ?? "us-east-1", bucket).ConfigureAwait(false);
        http.Response.Headers.Location = "/" + created.Name;
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentLength = 0;
    }

    /// <summary>GetBucketPolicy (the policy text as put), PutBucketPolicy (204; MalformedPolicy for a document that
    /// is not a bucket policy) and DeleteBucketPolicy (204, with or without a policy).</summary>
    private async Task BucketPolicyAsync(HttpContext http, string account, string region, string bucket)
    {
        switch (http.Request.Method)
        {
            case "GET":
                var policy = Encoding.UTF8.GetBytes(buckets.GetPolicy(account, bucket));
                http.Response.StatusCode = StatusCodes.Status200OK;
                http.Response.ContentType = "application/json";
                http.Response.ContentLength = policy.Length;
                await http.Response.Body.WriteAsync(policy).ConfigureAwait(false);
                break;
            case "PUT":
                using (var reader = new StreamReader(http.Request.Body, Encoding.UTF8))
                    await buckets.PutPolicyAsync(account, region, bucket, await reader.ReadToEndAsync().ConfigureAwait(false)).ConfigureAwait(false);
                http.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            case "DELETE":
                await buckets.DeletePolicyAsync(account, region, bucket).ConfigureAwait(false);
                http.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            default:
                throw S3Errors.MethodNotAllowed(http.Request.Method);
        }
    }

    private static async Task<string?> ReadLocationConstraintAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync().ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            var root = XDocument.Parse(text).Root;
            if (root is null || root.Name.LocalName != "CreateBucketConfiguration")
                throw S3Errors.MalformedXml();
            var value = root.Elements().FirstOrDefault(e => e.Name.LocalName == "LocationConstraint")?.Value.Trim();
            return string.IsNullOrEmpty(value) ? null : value;
        }
        catch (XmlException)
        {
            throw S3Errors.MalformedXml();
        }
    }

    private async Task PutObjectAsync(HttpContext http, string bucket, string key)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = S3BucketStore.MaxObjectBytes;
        if (http.Request.ContentLength > S3BucketStore.MaxObjectBytes)
            throw S3Errors.EntityTooLarge(S3BucketStore.MaxObjectBytes);
        S3ObjectInfo info;
        if (AwsChunked.IsChunked(http.Request))
        {
            // Decoded to a memory-bounded temporary file first: the store renames only complete objects.
            var temp = Path.GetTempFileName();
            try
            {
                var file = new FileStream(temp, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
                await using (file.ConfigureAwait(false))
                {
                    await AwsChunked.DecodeAsync(http.Request.Body, file, S3BucketStore.MaxObjectBytes, http.RequestAborted).ConfigureAwait(false);
                    file.Position = 0;
                    info = await store.PutObjectAsync(bucket, key, file, http.RequestAborted).ConfigureAwait(false);
                }
            }
            finally
            {
                File.Delete(temp);
            }
        }
        else
        {
            info = await store.PutObjectAsync(bucket, key, http.Request.Body, http.RequestAborted).ConfigureAwait(false);
        }
        http.Response.Headers.ETag = info.ETag;
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentLength = 0;
    }

    private async Task GetObjectAsync(HttpContext http, string bucket, string key, bool headOnly)
    {
        var (path, info) = store.GetObject(bucket, key);
        var response = http.Response;
        long start = 0, length = info.Size;
        var range = http.Request.Headers.Range.ToString();
        if (http.Request.Query["partNumber"].ToString() is { Length: > 0 } partText)
        {
            // GetObject/HeadObject partNumber: that part of a multipart object (206, x-amz-mp-parts-count); part 1 of
            // any other object is all of it.
            if (!int.TryParse(partText, NumberStyles.None, CultureInfo.InvariantCulture, out var part) || part is < 1 or > S3MultipartUploads.MaxPartNumber)
                throw S3Errors.InvalidPartNumber();
            var sizes = info.PartSizes ?? [info.Size];
            if (part > sizes.Count)
                throw S3Errors.PartNumberNotSatisfiable();
            start = sizes.Take(part - 1).Sum();
            length = sizes[part - 1];
            if (info.PartSizes is not null)
                response.Headers["x-amz-mp-parts-count"] = sizes.Count.ToString(CultureInfo.InvariantCulture);
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = $"bytes {start}-{start + length - 1}/{info.Size}";
        }
        else if (range.Length > 0 && TryParseRange(range, info.Size, out var from, out var to))
        {
            start = from;
            length = to - from + 1;
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = $"bytes {from}-{to}/{info.Size}";
        }
        else
        {
            response.StatusCode = StatusCodes.Status200OK;
        }
        response.Headers.ETag = info.ETag;
        response.Headers.LastModified = S3Formats.Http(info.LastModified);
        response.Headers.AcceptRanges = "bytes";
        // The lab keeps no per-object metadata: every object reads back as S3's default content type.
        response.ContentType = "binary/octet-stream";
        response.ContentLength = length;
        if (headOnly)
            return;
        var file = File.OpenRead(path);
        await using (file.ConfigureAwait(false))
        {
            file.Position = start;
            var buffer = new byte[81920];
            var left = length;
            while (left > 0)
            {
                var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), http.RequestAborted).ConfigureAwait(false);
                if (read == 0)
                    break;
                await response.Body.WriteAsync(buffer.AsMemory(0, read), http.RequestAborted).ConfigureAwait(false);
                left -= read;
            }
        }
    }

    /// <summary>One <c>bytes=a-b</c>, <c>bytes=a-</c> or <c>bytes=-n</c> range; anything else reads the whole object
    /// (as S3 ignores a range it cannot parse). A start beyond the end is InvalidRange.</summary>
    private static bool TryParseRange(string header, long size, out long from, out long to)
    {
        from = to = 0;
        if (!header.StartsWith("bytes=", StringComparison.Ordinal) || header.Contains(',', StringComparison.Ordinal))
            return false;
        var spec = header[6..].Split('-');
        if (spec.Length != 2)
            return false;
        var hasFrom = long.TryParse(spec[0], NumberStyles.None, CultureInfo.InvariantCulture, out var a);
        var hasTo = long.TryParse(spec[1], NumberStyles.None, CultureInfo.InvariantCulture, out var b);
        if (hasFrom)
        {
            if (a >= size)
                throw S3Errors.InvalidRange();
            from = a;
            to = hasTo ? Math.Min(b, size - 1) : size - 1;
            return to >= from;
        }
        if (hasTo && b > 0 && size > 0)
        {
            from = Math.Max(0, size - b);
            to = size - 1;
            return true;
        }
        return false;
    }

    private static async Task WriteXmlAsync(HttpContext http, byte[] body)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = S3Xml.ContentType;
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body).ConfigureAwait(false);
    }
}
