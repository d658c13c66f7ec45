using System.Text.RegularExpressions;
using CsCheck;
using VpcLab.Engine.Policies;
using VpcLab.Model.Policies;
using static VpcLab.Engine.Tests.Policies.TestPolicies;

namespace VpcLab.Engine.Tests.Policies;

public class PolicyEvaluatorProperties
{
    private static readonly string[] Actions =
        ["'Action':'*'", "'Action':'s3:Get*'", "'Action':['s3:PutObject','s3:DeleteObject']", "'NotAction':'s3:List*'", "'Action':'dynamodb:*'"];

    private static readonly string[] Resources =
        ["'Resource':'*'", "'Resource':'arn:aws:s3:::reports/*'", "'NotResource':'arn:aws:s3:::reports/secret/*'", "'Resource':'arn:aws:s3:::other/*'"];

    private static readonly string[] Principals =
        ["'Principal':'*'", "'Principal':{'AWS':'111111111111'}", "'NotPrincipal':{'AWS':'arn:aws:iam::222222222222:role/r'}"];

    private static readonly string[] Conditions =
        ["", ",'Condition':{'StringNotEquals':{'aws:SourceVpce':'vpce-1'}}", ",'Condition':{'StringEquals':{'aws:SourceVpc':'vpc-1'}}",
         ",'Condition':{'NotIpAddress':{'aws:SourceIp':'198.51.100.0/24'}}", ",'Condition':{'ForAnyValue:StringLike':{'aws:TagKeys':'t*'}}"];

    private static readonly PolicyRequest[] Requests =
    [
        Request("s3:GetObject", "arn:aws:s3:::reports/a"),
        Request("s3:PutObject", "arn:aws:s3:::reports/secret/k", "arn:aws:iam::222222222222:role/r").ThroughVpcEndpoint("vpce-1", "vpc-1", "10.0.0.5"),
        Request("s3:ListBucket", "arn:aws:s3:::other/x").With(PolicyContextKeys.SourceIp, "198.51.100.7"),
        Request("s3:DeleteObject", "arn:aws:s3:::reports/b", "arn:aws:iam::111111111111:root").ThroughVpcEndpoint("vpce-2", "vpc-1", null).With("aws:TagKeys", "env", "team"),
    ];

    private static Gen<T> Pick<T>(T[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    private static readonly Gen<string> Statement = Gen.Select(
        Gen.Bool, Pick(Principals), Pick(Actions), Pick(Resources), Pick(Conditions),
        (deny, principal, action, resource, condition) =>
            $"{{'Effect':'{(deny ? "Deny" : "Allow")}',{principal},{action},{resource}{condition}}}");

    // IAM: the decision depends on which statements apply, never on their order in the document.
    [Fact]
    public void Evaluate_StatementsReordered_DecisionUnchanged() =>
        Gen.Select(Statement.Array[1, 8], Gen.Int.Array[8], Gen.Int[0, Requests.Length - 1], Pick([PolicyKind.VpcEndpoint, PolicyKind.S3Bucket]))
            .Sample((statements, keys, requestIndex, kind) =>
            {
                var shuffled = statements.Select((s, i) => (s, key: keys[i])).OrderBy(p => p.key).Select(p => p.s).ToArray();
                var request = Requests[requestIndex];
                var original = PolicyEvaluator.Evaluate(Of(kind, statements), request);
                var reordered = PolicyEvaluator.Evaluate(Of(kind, shuffled), request);
                Assert.Equal(original.Decision, reordered.Decision);
                // The reported statement really is one that applies and carries the decided effect.
                if (reordered.DecidingStatement is { } decided)
                {
                    var statement = Of(kind, shuffled).Statements[decided.Index];
                    Assert.True(PolicyEvaluator.Applies(statement, kind, request));
                    Assert.Equal(reordered.Decision == PolicyDecision.ExplicitDeny ? PolicyEffect.Deny : PolicyEffect.Allow, statement.Effect);
                }
            });

    // IAM's glob (* any run, ? one character, case-sensitive) agrees with the equivalent regular expression.
    [Fact]
    public void StringLike_RandomPatternsAndValues_AgreesWithRegexOracle() =>
        Gen.Select(Gen.Char["ab*?"].Array[0, 7], Gen.Char["abA"].Array[0, 7]).Sample((patternChars, valueChars) =>
        {
            var pattern = new string(patternChars);
            var value = new string(valueChars);
            var regex = "^" + string.Concat(pattern.Select(c => c switch { '*' => ".*", '?' => ".", _ => Regex.Escape(c.ToString()) })) + "$";
            var policy = Of(PolicyKind.S3Bucket,
                $"{{'Effect':'Allow','Principal':'*','Action':'*','Resource':'*','Condition':{{'StringLike':{{'s3:prefix':'{pattern}'}}}}}}");
            var allowed = PolicyEvaluator.Evaluate(policy, Request().With(PolicyContextKeys.S3Prefix, value)).IsAllowed;
            Assert.Equal(Regex.IsMatch(value, regex, RegexOptions.Singleline), allowed);
        });
}
