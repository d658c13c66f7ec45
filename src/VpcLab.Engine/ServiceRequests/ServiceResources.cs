using System.Collections.Frozen;

namespace VpcLab.Engine.ServiceRequests;

/// <summary>Per catalogued service other than S3: the ARN of a resource named by a request, and the action asked when
/// none is given. ARN formats are the Service Authorization Reference's resource types (Amazon SQS "queue", Amazon SNS
/// "topic", AWS KMS "key"/"alias", Secrets Manager "Secret", Systems Manager "parameter", CloudWatch Logs "log-group",
/// DynamoDB "table", EC2 resources, STS/IAM "role"); a resource given as an ARN is used as it is. Choice
/// (docs/semantics.md#interface-endpoint-policies): a resource named without an ARN belongs to the caller's account in
/// the source's Region.</summary>
public static class ServiceResources
{
    private sealed record Shape(string DefaultAction, Func<string, string, string, string> Arn);

    private static readonly FrozenDictionary<string, Shape> Shapes = new Dictionary<string, Shape>(StringComparer.Ordinal)
    {
        ["sqs"] = new("sqs:SendMessage", (r, a, n) => $"arn:aws:sqs:{r}:{a}:{n}"),
        ["sns"] = new("sns:Publish", (r, a, n) => $"arn:aws:sns:{r}:{a}:{n}"),
        ["kms"] = new("kms:Decrypt", (r, a, n) => n.StartsWith("alias/", StringComparison.Ordinal) ? $"arn:aws:kms:{r}:{a}:{n}" : $"arn:aws:kms:{r}:{a}:key/{n}"),
        ["secretsmanager"] = new("secretsmanager:GetSecretValue", (r, a, n) => $"arn:aws:secretsmanager:{r}:{a}:secret:{n}"),
        ["ssm"] = new("ssm:GetParameter", (r, a, n) => $"arn:aws:ssm:{r}:{a}:parameter/{n.TrimStart('/')}"),
        ["logs"] = new("logs:PutLogEvents", (r, a, n) => $"arn:aws:logs:{r}:{a}:log-group:{n}"),
        ["dynamodb"] = new("dynamodb:GetItem", (r, a, n) => $"arn:aws:dynamodb:{r}:{a}:table/{n}"),
        ["ec2"] = new("ec2:DescribeInstances", (r, a, n) => $"arn:aws:ec2:{r}:{a}:{n}"),
        ["sts"] = new("sts:GetCallerIdentity", (r, a, n) => $"arn:aws:iam::{a}:{n}"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The services a <see cref="ServiceRequest"/> may name, in order.</summary>
    public static IEnumerable<string> Services => Shapes.Keys.Order(StringComparer.Ordinal);

    public static bool IsKnown(string service) => Shapes.ContainsKey(service);

    public static string DefaultAction(string service) => Shapes[service].DefaultAction;

    /// <summary>The resource ARN the policies see: <paramref name="resource"/> when it is an ARN, <c>*</c> when it is
    /// empty (actions without a resource, such as sts:GetCallerIdentity), else the service's ARN format in
    /// <paramref name="region"/> and <paramref name="account"/>.</summary>
    public static string Arn(string service, string resource, string region, string account)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource.Length == 0)
            return "*";
        return resource.StartsWith("arn:", StringComparison.Ordinal) ? resource : Shapes[service].Arn(region, account, resource);
    }

    /// <summary>The account part of an ARN (the fifth field), or null when the ARN has none (S3, "*").</summary>
    public static string? AccountOf(string arn)
    {
        var parts = arn.Split(':', 6);
        return parts.Length == 6 && parts[4].Length > 0 ? parts[4] : null;
    }
}
