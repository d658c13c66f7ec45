using Microsoft.AspNetCore.Http;
using VpcLab.ControlPlane;

namespace VpcLab.Server.S3;

/// <summary>An S3 error: AWS's code, message and HTTP status, plus the bucket or key it names (S3 echoes them).</summary>
public sealed class S3Exception(string code, string message, int status, string? bucket = null, string? key = null) : Exception(message)
{
    public string Code { get; } = code;
    public int Status { get; } = status;
    public string? Bucket { get; } = bucket;
    public string? Key { get; } = key;
}
