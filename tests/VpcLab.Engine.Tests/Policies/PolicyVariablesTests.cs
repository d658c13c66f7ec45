using VpcLab.Engine.Policies;
using VpcLab.Model.Policies;

namespace VpcLab.Engine.Tests.Policies;

/// <summary>IAM policy variables (IAM User Guide, "IAM policy elements: Variables and tags",
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html): replaced in a 2012-10-17
/// policy's Resource (resource part) and string/ARN condition values, literal in older versions and other
/// operators; a variable with no value matches nothing, so only a negated operator matches it.</summary>
public class PolicyVariablesTests
{
    private const string Alice = "arn:aws:iam::111111111111:user/alice";
    private const string Root = "arn:aws:iam::111111111111:root";

    private static bool Allows(string version, string resource, string condition, string caller, string requested, string? prefix = null)
    {
        var json = $$"""
            {{{(version.Length == 0 ? "" : $"\"Version\":\"{version}\",")}}
             "Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"{{resource}}"{{(condition.Length == 0 ? "" : ",\"Condition\":" + condition)}}}]}
            """;
        var policy = PolicyDocument.Parse(json, PolicyKind.S3Bucket);
        var request = PolicyRequest.Create(RequestPrincipal.FromArn(caller), "s3:GetObject", requested);
        if (prefix is not null)
            request = request.With(PolicyContextKeys.S3Prefix, prefix);
        return PolicyEvaluator.Evaluate(policy, request).Decision == PolicyDecision.Allow;
    }

    [Theory]
    // The page: "${aws:username}" in the resource part is the caller's user name.
    [InlineData("2012-10-17", "arn:aws:s3:::b/${aws:username}/*", Alice, "arn:aws:s3:::b/alice/x", true)]
    [InlineData("2012-10-17", "arn:aws:s3:::b/${aws:username}/*", Alice, "arn:aws:s3:::b/bob/x", false)]
    // Key names are case-insensitive.
    [InlineData("2012-10-17", "arn:aws:s3:::b/${AWS:UserName}/*", Alice, "arn:aws:s3:::b/alice/x", true)]
    // No value (the root user has no aws:username): "will not match any resource".
    [InlineData("2012-10-17", "arn:aws:s3:::b/${aws:username}/*", Root, "arn:aws:s3:::b/${aws:username}/x", false)]
    // A default value: ${key, 'default'}.
    [InlineData("2012-10-17", "arn:aws:s3:::b/${aws:username, 'shared'}/*", Root, "arn:aws:s3:::b/shared/x", true)]
    [InlineData("2012-10-17", "arn:aws:s3:::b/${aws:username, 'shared'}/*", Alice, "arn:aws:s3:::b/alice/x", true)]
    // Special characters: ${*} is a literal asterisk, not a wildcard.
    [InlineData("2012-10-17", "arn:aws:s3:::b/${*}", Alice, "arn:aws:s3:::b/*", true)]
    [InlineData("2012-10-17", "arn:aws:s3:::b/${*}", Alice, "arn:aws:s3:::b/x", false)]
    // "Variables were introduced in version 2012-10-17 … treated as literal strings" otherwise.
    [InlineData("2008-10-17", "arn:aws:s3:::b/${aws:username}/*", Alice, "arn:aws:s3:::b/alice/x", false)]
    [InlineData("", "arn:aws:s3:::b/${aws:username}/*", Alice, "arn:aws:s3:::b/${aws:username}/x", true)]
    public void Resource_WithVariable_MatchesAsIamResolvesIt(string version, string resource, string caller, string requested, bool allowed) =>
        Assert.Equal(allowed, Allows(version, resource, "", caller, requested));

    [Theory]
    // String and ARN operators resolve variables; the value of a substituted key is never a wildcard.
    [InlineData("""{"StringLike":{"s3:prefix":"${aws:username}/*"}}""", Alice, "alice/docs", true)]
    [InlineData("""{"StringLike":{"s3:prefix":"${aws:username}/*"}}""", Alice, "bob/docs", false)]
    [InlineData("""{"StringEquals":{"s3:prefix":"home/${aws:username}"}}""", Alice, "home/alice", true)]
    [InlineData("""{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::${aws:PrincipalAccount}:user/alice"}}""", Alice, "x", true)]
    // A variable with no value: StringEquals does not match, StringNotEquals does (the page: "Inverted condition
    // operators like StringNotEquals or StringNotLike do match against a null value").
    [InlineData("""{"StringEquals":{"s3:prefix":"home/${aws:username}"}}""", Root, "home/", false)]
    [InlineData("""{"StringNotEquals":{"s3:prefix":"home/${aws:username}"}}""", Root, "home/", true)]
    // Numeric, Date, Bool, IpAddress and Null take no variables; such a value is refused when the policy is parsed.
    public void Condition_WithVariable_MatchesAsIamResolvesIt(string condition, string caller, string prefix, bool allowed) =>
        Assert.Equal(allowed, Allows("2012-10-17", "*", condition, caller, "arn:aws:s3:::b/x", prefix));
}
