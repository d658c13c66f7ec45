using VpcLab.Engine.Policies;
using VpcLab.Model.Policies;

namespace VpcLab.Engine.Tests.Policies;

/// <summary>Policies written with ' for " so table rows stay readable, and the requests the tests send.</summary>
internal static class TestPolicies
{
    public const string Owner = "111111111111";
    public const string Other = "222222222222";
    public const string BucketArn = "arn:aws:s3:::reports";
    public const string ObjectArn = "arn:aws:s3:::reports/2026/q1.csv";

    public static PolicyDocument Endpoint(string singleQuotedJson) =>
        PolicyDocument.Parse(singleQuotedJson.Replace('\'', '"'), PolicyKind.VpcEndpoint);

    public static PolicyDocument BucketPolicy(string singleQuotedJson) =>
        PolicyDocument.Parse(singleQuotedJson.Replace('\'', '"'), PolicyKind.S3Bucket);

    /// <summary>A document of the given statements (each a single-quoted JSON object).</summary>
    public static PolicyDocument Of(PolicyKind kind, params string[] statements) =>
        PolicyDocument.Parse(("{'Version':'2012-10-17','Statement':[" + string.Join(',', statements) + "]}").Replace('\'', '"'), kind);

    public static PolicyRequest Request(string action = "s3:GetObject", string resource = ObjectArn, string? principalArn = null) =>
        PolicyRequest.Create(RequestPrincipal.FromArn(principalArn ?? $"arn:aws:iam::{Owner}:role/app"), action, resource);
}
