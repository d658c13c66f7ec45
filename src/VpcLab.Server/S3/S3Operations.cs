using Microsoft.AspNetCore.Http;

namespace VpcLab.Server.S3;

/// <summary>Which S3 API operation a path-style request is (method, bucket, key, subresource), by the S3 API
/// Reference's request syntax — the one place that reads it, so the endpoint's dispatch and the request log agree.
/// Subresources S3 has but the lab does not serve are <c>NotImplemented</c> (501) rather than mistaken for a
/// listing or an object.</summary>
internal static class S3Operations
{
    public const string ListBuckets = "ListBuckets";
    public const string CreateBucket = "CreateBucket";
    public const string HeadBucket = "HeadBucket";
    public const string DeleteBucket = "DeleteBucket";
    public const string GetBucketLocation = "GetBucketLocation";
    public const string GetBucketPolicy = "GetBucketPolicy";
    public const string PutBucketPolicy = "PutBucketPolicy";
    public const string DeleteBucketPolicy = "DeleteBucketPolicy";
    public const string ListObjects = "ListObjects";
    public const string ListObjectsV2 = "ListObjectsV2";
    public const string PutObject = "PutObject";
    public const string GetObject = "GetObject";
    public const string HeadObject = "HeadObject";
    public const string DeleteObject = "DeleteObject";
    public const string CreateMultipartUpload = "CreateMultipartUpload";
    public const string UploadPart = "UploadPart";
    public const string CompleteMultipartUpload = "CompleteMultipartUpload";
    public const string AbortMultipartUpload = "AbortMultipartUpload";
    public const string ListParts = "ListParts";
    public const string ListMultipartUploads = "ListMultipartUploads";

    private static readonly string[] UnsupportedSubresources =
        ["acl", "versioning", "tagging", "cors", "lifecycle", "encryption", "website", "notification", "logging",
         "replication", "ownershipControls", "publicAccessBlock", "versions", "delete", "object-lock", "retention",
         "legal-hold", "attributes", "accelerate", "requestPayment", "analytics", "inventory", "metrics",
         "intelligent-tiering", "restore", "select", "torrent", "renameObject"];

    /// <exception cref="S3Exception">NotImplemented or MethodNotAllowed.</exception>
    public static string Classify(string method, string? bucket, string? key, IQueryCollection query, IHeaderDictionary headers)
    {
        var unsupported = UnsupportedSubresources.FirstOrDefault(query.ContainsKey);
        if (unsupported is not null)
            throw S3Errors.NotImplemented($"?{unsupported}");
        if (bucket is null)
            return method == "GET" ? ListBuckets : throw S3Errors.MethodNotAllowed(method);
        return key is null ? OnBucket(method, query) : OnObject(method, query, headers);
    }

    private static string OnBucket(string method, IQueryCollection query)
    {
        if (query.ContainsKey("policy"))
        {
            return method switch
            {
                "GET" => GetBucketPolicy,
                "PUT" => PutBucketPolicy,
                "DELETE" => DeleteBucketPolicy,
                _ => throw S3Errors.MethodNotAllowed(method),
            };
        }
        if (query.ContainsKey("uploads"))
            return method == "GET" ? ListMultipartUploads : throw S3Errors.MethodNotAllowed(method);
        return method switch
        {
            "PUT" => CreateBucket,
            "HEAD" => HeadBucket,
            "DELETE" => DeleteBucket,
            "GET" when query.ContainsKey("location") => GetBucketLocation,
            "GET" when query["list-type"] == "2" => ListObjectsV2,
            "GET" => ListObjects,
            _ => throw S3Errors.MethodNotAllowed(method),
        };
    }

    private static string OnObject(string method, IQueryCollection query, IHeaderDictionary headers)
    {
        if (query.ContainsKey("policy"))
            throw S3Errors.NotImplemented("?policy on an object");
        if (headers.ContainsKey("x-amz-copy-source"))
            throw S3Errors.NotImplemented(query.ContainsKey("uploadId") ? "UploadPartCopy (x-amz-copy-source)" : "CopyObject (x-amz-copy-source)");
        if (query.ContainsKey("uploads"))
            return method == "POST" ? CreateMultipartUpload : throw S3Errors.MethodNotAllowed(method);
        if (query.ContainsKey("uploadId"))
        {
            return method switch
            {
                "PUT" => UploadPart,
                "POST" => CompleteMultipartUpload,
                "DELETE" => AbortMultipartUpload,
                "GET" => ListParts,
                _ => throw S3Errors.MethodNotAllowed(method),
            };
        }
        return method switch
        {
            "PUT" => PutObject,
            "GET" => GetObject,
            "HEAD" => HeadObject,
            "DELETE" => DeleteObject,
            _ => throw S3Errors.MethodNotAllowed(method),
        };
    }
}
