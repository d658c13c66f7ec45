using VpcLab.Engine.Policies;
using VpcLab.Model.Policies;
using static VpcLab.Engine.Tests.Policies.TestPolicies;

namespace VpcLab.Engine.Tests.Policies;

/// <summary>Each condition operator, through a one-statement Allow policy: the request is allowed exactly when
/// the condition holds. Policy values and request values are separated by '|'; a null request value means the
/// key is absent from the request.</summary>
public class ConditionEvaluatorTests
{
    public static TheoryData<string, string, string, string?, bool> Rows => new()
    {
        // String operators: exact and case-sensitive; IgnoreCase variants; Like takes * and ?.
        { "StringEquals", "aws:SourceVpce", "vpce-1a2b3c4d", "vpce-1a2b3c4d", true },
        { "StringEquals", "aws:SourceVpce", "vpce-1a2b3c4d", "VPCE-1A2B3C4D", false },
        { "StringEquals", "aws:SourceVpce", "vpce-1|vpce-2", "vpce-2", true }, // policy values are OR-ed
        { "StringEquals", "aws:SourceVpce", "vpce-1", null, false }, // absent key: a positive operator is false
        { "StringNotEquals", "aws:SourceVpce", "vpce-1", "vpce-2", true },
        { "StringNotEquals", "aws:SourceVpce", "vpce-1|vpce-2", "vpce-2", false }, // must differ from every value
        { "StringNotEquals", "aws:SourceVpce", "vpce-1", null, true }, // AWS: absent key, negated operator → true
        { "StringEqualsIgnoreCase", "aws:SourceVpc", "VPC-0ABC", "vpc-0abc", true },
        { "StringEqualsIgnoreCase", "aws:SourceVpc", "vpc-0abc", "vpc-0abd", false },
        { "StringNotEqualsIgnoreCase", "aws:SourceVpc", "VPC-0ABC", "vpc-0abc", false },
        { "StringNotEqualsIgnoreCase", "aws:SourceVpc", "VPC-0ABC", "vpc-0abd", true },
        { "StringLike", "s3:prefix", "home/*", "home/ana/notes", true },
        { "StringLike", "s3:prefix", "home/?na", "home/ana", true },
        { "StringLike", "s3:prefix", "home/*", "Home/ana", false },
        { "StringNotLike", "s3:prefix", "home/*", "tmp/x", true },
        { "StringNotLike", "s3:prefix", "home/*", "home/x", false },
        { "StringNotLike", "s3:prefix", "home/*", null, true },
        // Condition keys compare case-insensitively.
        { "StringEquals", "AWS:SOURCEVPCE", "vpce-1", "vpce-1", true },
        // ARN operators: per-part wildcards; ArnEquals behaves as ArnLike (AWS documents them alike).
        { "ArnEquals", "aws:PrincipalArn", "arn:aws:iam::111111111111:role/app", "arn:aws:iam::111111111111:role/app", true },
        { "ArnEquals", "aws:PrincipalArn", "arn:aws:iam::111111111111:role/*", "arn:aws:iam::111111111111:role/app", true },
        { "ArnLike", "aws:PrincipalArn", "arn:aws:iam::*:role/app", "arn:aws:iam::222222222222:role/app", true },
        { "ArnLike", "aws:PrincipalArn", "arn:aws:iam::*:role/app", "arn:aws:iam::222222222222:user/app", false },
        { "ArnNotEquals", "aws:PrincipalArn", "arn:aws:iam::111111111111:role/app", "arn:aws:iam::111111111111:role/x", true },
        { "ArnNotLike", "aws:PrincipalArn", "arn:aws:iam::111111111111:*", "arn:aws:iam::111111111111:role/x", false },
        { "ArnNotLike", "aws:PrincipalArn", "arn:aws:iam::111111111111:*", null, true },
        // IP operators: CIDR or a bare address, IPv4 and IPv6; a family mismatch never matches.
        { "IpAddress", "aws:SourceIp", "203.0.113.0/24", "203.0.113.77", true },
        { "IpAddress", "aws:SourceIp", "203.0.113.0/24", "198.51.100.1", false },
        { "IpAddress", "aws:SourceIp", "203.0.113.5", "203.0.113.5", true },
        { "IpAddress", "aws:SourceIp", "2001:db8::/32", "2001:db8:1::7", true },
        { "IpAddress", "aws:SourceIp", "2001:db8::/32", "203.0.113.5", false },
        { "IpAddress", "aws:SourceIp", "0.0.0.0/0", null, false }, // via an endpoint aws:SourceIp is absent
        { "NotIpAddress", "aws:SourceIp", "203.0.113.0/24", "198.51.100.1", true },
        { "NotIpAddress", "aws:SourceIp", "203.0.113.0/24", "203.0.113.1", false },
        { "NotIpAddress", "aws:SourceIp", "203.0.113.0/24", null, true },
        { "IpAddress", "aws:VpcSourceIp", "10.0.1.0/24", "10.0.1.25", true },
        // Bool and Null.
        { "Bool", "aws:SecureTransport", "true", "true", true },
        { "Bool", "aws:SecureTransport", "false", "true", false },
        { "Bool", "aws:SecureTransport", "true", "TRUE", true },
        { "Bool", "aws:SecureTransport", "false", null, false },
        { "Null", "aws:SourceVpce", "true", null, true },
        { "Null", "aws:SourceVpce", "true", "vpce-1", false },
        { "Null", "aws:SourceVpce", "false", "vpce-1", true },
        { "Null", "aws:SourceVpce", "false", null, false },
        // Numeric and Date operators compare values, not text.
        { "NumericEquals", "s3:max-keys", "10", "10.0", true },
        { "NumericNotEquals", "s3:max-keys", "10", "11", true },
        { "NumericLessThan", "s3:max-keys", "10", "9", true },
        { "NumericLessThan", "s3:max-keys", "10", "10", false },
        { "NumericLessThanEquals", "s3:max-keys", "10", "10", true },
        { "NumericGreaterThan", "s3:max-keys", "10", "100", true },
        { "NumericGreaterThanEquals", "s3:max-keys", "10", "9", false },
        { "NumericLessThan", "s3:max-keys", "10", "many", false },
        { "DateLessThan", "aws:CurrentTime", "2026-01-01T00:00:00Z", "2025-12-31T23:59:59Z", true },
        { "DateGreaterThan", "aws:CurrentTime", "2026-01-01T00:00:00Z", "2025-12-31T23:59:59Z", false },
        { "DateEquals", "aws:EpochTime", "1767225600", "2026-01-01T00:00:00Z", true },
        { "DateNotEquals", "aws:CurrentTime", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", true },
        { "DateLessThanEquals", "aws:CurrentTime", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", true },
        { "DateGreaterThanEquals", "aws:CurrentTime", "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", true },
        { "BinaryEquals", "s3:x-amz-meta", "QmluYXJ5", "QmluYXJ5", true },
        // …IfExists: an absent key makes the condition true; a present one is compared as usual.
        { "StringEqualsIfExists", "aws:SourceVpce", "vpce-1", null, true },
        { "StringEqualsIfExists", "aws:SourceVpce", "vpce-1", "vpce-2", false },
        { "IpAddressIfExists", "aws:SourceIp", "203.0.113.0/24", null, true },
        { "IpAddressIfExists", "aws:SourceIp", "203.0.113.0/24", "198.51.100.1", false },
        { "ArnLikeIfExists", "aws:PrincipalArn", "arn:aws:iam::*:role/app", "arn:aws:iam::1:role/x", false },
        // ForAnyValue: some request value satisfies it; false when the key is absent.
        { "ForAnyValue:StringEquals", "aws:TagKeys", "team|owner", "env|team", true },
        { "ForAnyValue:StringEquals", "aws:TagKeys", "team|owner", "env|cost", false },
        { "ForAnyValue:StringEquals", "aws:TagKeys", "team", null, false },
        { "ForAnyValue:StringNotEquals", "aws:TagKeys", "team", "team|env", true },
        { "ForAnyValue:StringNotEquals", "aws:TagKeys", "team", "team", false },
        { "ForAnyValue:StringLike", "aws:TagKeys", "te*", "env|test", true },
        // ForAllValues: every request value satisfies it; true when the key is absent.
        { "ForAllValues:StringEquals", "aws:TagKeys", "team|owner", "team|owner", true },
        { "ForAllValues:StringEquals", "aws:TagKeys", "team|owner", "team|env", false },
        { "ForAllValues:StringEquals", "aws:TagKeys", "team", null, true },
        { "ForAllValues:StringNotLike", "aws:TagKeys", "secret*", "team|env", true },
        { "ForAllValues:StringNotLike", "aws:TagKeys", "secret*", "team|secret-x", false },
        // Without a qualifier, a multivalued key matches when any value does (a negated operator: when none does).
        { "StringEquals", "aws:TagKeys", "team", "env|team", true },
        { "StringNotEquals", "aws:TagKeys", "team", "env|team", false },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Condition_Operator_HoldsExactlyAsIamDocuments(string op, string key, string policyValues, string? requestValues, bool holds)
    {
        var values = string.Join(',', policyValues.Split('|').Select(v => $"'{v}'"));
        var policy = Of(PolicyKind.S3Bucket,
            $"{{'Effect':'Allow','Principal':'*','Action':'s3:*','Resource':'*','Condition':{{'{op}':{{'{key}':[{values}]}}}}}}");
        var request = Request().Without(PolicyContextKeys.PrincipalArn);
        if (requestValues is not null)
            request = request.With(key.ToLowerInvariant(), requestValues.Split('|'));
        Assert.Equal(holds, PolicyEvaluator.Evaluate(policy, request).IsAllowed);
    }

    // IAM: conditions under different operators, and keys under one operator, are AND-ed.
    [Theory]
    [InlineData("vpce-1", "vpc-1", true)]
    [InlineData("vpce-1", "vpc-2", false)]
    [InlineData("vpce-2", "vpc-1", false)]
    public void Condition_SeveralKeysAndOperators_AreAllRequired(string vpce, string vpc, bool allowed)
    {
        var policy = Of(PolicyKind.S3Bucket,
            "{'Effect':'Allow','Principal':'*','Action':'s3:*','Resource':'*','Condition':{" +
            "'StringEquals':{'aws:SourceVpce':'vpce-1','aws:PrincipalAccount':'111111111111'}," +
            "'StringLike':{'aws:SourceVpc':'vpc-1*'}}}");
        var request = Request().ThroughVpcEndpoint(vpce, vpc, "10.0.1.5");
        Assert.Equal(allowed, PolicyEvaluator.Evaluate(policy, request).IsAllowed);
    }
}
