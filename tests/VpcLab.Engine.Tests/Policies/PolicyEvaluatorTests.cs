using VpcLab.Engine.Policies;
using VpcLab.Model.Policies;
using static VpcLab.Engine.Tests.Policies.TestPolicies;

namespace VpcLab.Engine.Tests.Policies;

public class PolicyEvaluatorTests
{
    private const string AllowAll = "{'Sid':'AllowAll','Effect':'Allow','Principal':'*','Action':'*','Resource':'*'}";

    // spec: the default endpoint policy allows every action on every resource for everyone.
    [Theory]
    [InlineData("s3:GetObject", "arn:aws:s3:::any/key")]
    [InlineData("dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:111111111111:table/t")]
    public void Evaluate_DefaultEndpointPolicy_AllowsAnyActionOnAnyResource(string action, string resource)
    {
        var evaluation = PolicyEvaluator.Evaluate(PolicyDocument.DefaultEndpointPolicy, Request(action, resource));
        Assert.Equal(PolicyDecision.Allow, evaluation.Decision);
        Assert.Equal(new PolicyStatementRef(0, null), evaluation.DecidingStatement);
    }

    // IAM: an explicit Deny overrides any Allow, wherever each statement sits.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Evaluate_AllowAndDenyBothApply_ExplicitDenyWins(bool denyFirst)
    {
        const string deny = "{'Sid':'NoDeletes','Effect':'Deny','Principal':'*','Action':'s3:Delete*','Resource':'*'}";
        var policy = denyFirst ? Of(PolicyKind.VpcEndpoint, deny, AllowAll) : Of(PolicyKind.VpcEndpoint, AllowAll, deny);
        var evaluation = PolicyEvaluator.Evaluate(policy, Request("s3:DeleteObject"));
        Assert.Equal(PolicyDecision.ExplicitDeny, evaluation.Decision);
        Assert.Equal("NoDeletes", evaluation.DecidingStatement!.Sid);
        Assert.Equal(denyFirst ? 0 : 1, evaluation.DecidingStatement.Index);
    }

    // IAM: with no applying statement the request is implicitly denied, and no statement is reported.
    [Fact]
    public void Evaluate_NoStatementApplies_ImplicitDenyWithoutStatement()
    {
        var policy = Of(PolicyKind.VpcEndpoint, "{'Effect':'Allow','Principal':'*','Action':'s3:PutObject','Resource':'*'}");
        var evaluation = PolicyEvaluator.Evaluate(policy, Request("s3:GetObject"));
        Assert.Equal(PolicyDecision.ImplicitDeny, evaluation.Decision);
        Assert.Null(evaluation.DecidingStatement);
    }

    // IAM: action names are case-insensitive; * matches any run of characters and ? exactly one; the service
    // prefix is part of the name (s3:Get* does not cover s3express:GetObject).
    [Theory]
    [InlineData("s3:GetObject", "s3:GetObject", true)]
    [InlineData("s3:getobject", "s3:GetObject", true)]
    [InlineData("S3:GETOBJECT", "s3:GetObject", true)]
    [InlineData("s3:*", "s3:PutObject", true)]
    [InlineData("s3:Get*", "s3:GetObjectVersion", true)]
    [InlineData("s3:Get*", "s3:PutObject", false)]
    [InlineData("s3:*Object", "s3:DeleteObject", true)]
    [InlineData("s3:*Object", "s3:DeleteObjects", false)]
    [InlineData("s3:?etObject", "s3:GetObject", true)]
    [InlineData("s3:?etObject", "s3:ResetObject", false)]
    [InlineData("s3:Get*", "s3express:GetObject", false)]
    [InlineData("*", "sqs:SendMessage", true)]
    [InlineData("dynamodb:*", "s3:GetObject", false)]
    public void Evaluate_ActionPattern_MatchesCaseInsensitivelyWithWildcards(string pattern, string action, bool allowed)
    {
        var policy = Of(PolicyKind.VpcEndpoint, $"{{'Effect':'Allow','Principal':'*','Action':'{pattern}','Resource':'*'}}");
        Assert.Equal(allowed, PolicyEvaluator.Evaluate(policy, Request(action)).IsAllowed);
    }

    // IAM: resource ARNs are case-sensitive; wildcards work inside each colon-separated ARN part and * spans
    // slashes of the resource part, but never a colon between parts.
    [Theory]
    [InlineData("arn:aws:s3:::reports/*", "arn:aws:s3:::reports/2026/q1.csv", true)]
    [InlineData("arn:aws:s3:::reports/*", "arn:aws:s3:::reports", false)]
    [InlineData("arn:aws:s3:::reports", "arn:aws:s3:::reports", true)]
    [InlineData("arn:aws:s3:::Reports/*", "arn:aws:s3:::reports/a", false)]
    [InlineData("arn:aws:s3:::rep?rts/*", "arn:aws:s3:::reports/a", true)]
    [InlineData("arn:aws:s3:::*/2026/*", "arn:aws:s3:::reports/2026/q1.csv", true)]
    [InlineData("arn:aws:s3:::reports/*.csv", "arn:aws:s3:::reports/2026/q1.csv", true)]
    [InlineData("arn:aws:s3:::reports/*.csv", "arn:aws:s3:::reports/2026/q1.txt", false)]
    [InlineData("arn:*:s3:::reports/*", "arn:aws-cn:s3:::reports/a", true)]
    [InlineData("arn:aws:dynamodb:*:111111111111:table/*", "arn:aws:dynamodb:eu-west-1:111111111111:table/t", true)]
    [InlineData("arn:aws:dynamodb:us-*:111111111111:table/*", "arn:aws:dynamodb:eu-west-1:111111111111:table/t", false)]
    [InlineData("arn:aws:ec2:*:111111111111:instance/*", "arn:aws:ec2:us-east-1:999999999999:111111111111:instance/i", false)] // the region's * does not reach across a colon
    [InlineData("*", "arn:aws:s3:::anything", true)]
    public void Evaluate_ResourcePattern_MatchesArnPartsCaseSensitively(string pattern, string resource, bool allowed)
    {
        var policy = Of(PolicyKind.VpcEndpoint, $"{{'Effect':'Allow','Principal':'*','Action':'s3:*','Resource':'{pattern}'}}");
        Assert.Equal(allowed, PolicyEvaluator.Evaluate(policy, Request("s3:GetObject", resource)).IsAllowed);
    }

    // IAM: NotAction applies to every action except the listed ones (it does not deny the listed ones).
    [Theory]
    [InlineData("s3:GetObject", PolicyDecision.ImplicitDeny)]
    [InlineData("s3:ListBucket", PolicyDecision.ImplicitDeny)]
    [InlineData("s3:PutObject", PolicyDecision.ExplicitDeny)]
    [InlineData("s3:DeleteObject", PolicyDecision.ExplicitDeny)]
    public void Evaluate_DenyWithNotAction_DeniesAllButTheListedActions(string action, PolicyDecision expected)
    {
        var policy = Of(PolicyKind.VpcEndpoint,
            "{'Sid':'ReadOnly','Effect':'Deny','Principal':'*','NotAction':['s3:Get*','s3:List*'],'Resource':'*'}");
        Assert.Equal(expected, PolicyEvaluator.Evaluate(policy, Request(action)).Decision);
    }

    [Theory]
    [InlineData("arn:aws:s3:::reports/2026/q1.csv", PolicyDecision.ImplicitDeny)]
    [InlineData("arn:aws:s3:::reports", PolicyDecision.ImplicitDeny)]
    [InlineData("arn:aws:s3:::other-bucket/key", PolicyDecision.Allow)]
    public void Evaluate_AllowWithNotResource_AppliesToEveryOtherResource(string resource, PolicyDecision expected)
    {
        var policy = Of(PolicyKind.VpcEndpoint,
            "{'Effect':'Allow','Principal':'*','Action':'s3:*','NotResource':['arn:aws:s3:::reports','arn:aws:s3:::reports/*']}");
        Assert.Equal(expected, PolicyEvaluator.Evaluate(policy, Request("s3:GetObject", resource)).Decision);
    }

    // Principal rules, per policy kind (docs/semantics.md#policies): an account id in a bucket policy covers every
    // principal of that account; in an endpoint policy only its root user (spec/gateways-endpoints-peering.md).
    [Theory]
    [InlineData(PolicyKind.S3Bucket, "111111111111", "arn:aws:iam::111111111111:role/app", true)]
    [InlineData(PolicyKind.S3Bucket, "arn:aws:iam::111111111111:root", "arn:aws:iam::111111111111:user/ana", true)]
    [InlineData(PolicyKind.S3Bucket, "111111111111", "arn:aws:iam::222222222222:role/app", false)]
    [InlineData(PolicyKind.VpcEndpoint, "111111111111", "arn:aws:iam::111111111111:role/app", false)]
    [InlineData(PolicyKind.VpcEndpoint, "111111111111", "arn:aws:iam::111111111111:root", true)]
    [InlineData(PolicyKind.VpcEndpoint, "arn:aws:iam::111111111111:root", "arn:aws:iam::111111111111:root", true)]
    [InlineData(PolicyKind.VpcEndpoint, "arn:aws:iam::111111111111:role/app", "arn:aws:iam::111111111111:role/app", true)]
    [InlineData(PolicyKind.VpcEndpoint, "arn:aws:iam::111111111111:role/app", "arn:aws:iam::111111111111:role/other", false)]
    [InlineData(PolicyKind.S3Bucket, "arn:aws:iam::111111111111:role/app", "arn:aws:sts::111111111111:assumed-role/app/session-1", true)]
    [InlineData(PolicyKind.S3Bucket, "arn:aws:iam::111111111111:role/app", "arn:aws:sts::111111111111:assumed-role/application/s", false)]
    [InlineData(PolicyKind.S3Bucket, "*", "arn:aws:iam::333333333333:user/x", true)]
    public void Evaluate_AwsPrincipal_CoversCallerPerPolicyKind(PolicyKind kind, string principal, string caller, bool allowed)
    {
        var policy = Of(kind, $"{{'Effect':'Allow','Principal':{{'AWS':'{principal}'}},'Action':'s3:*','Resource':'*'}}");
        Assert.Equal(allowed, PolicyEvaluator.Evaluate(policy, Request(principalArn: caller)).IsAllowed);
    }

    // "*" covers anonymous callers too; a named principal never does.
    [Theory]
    [InlineData("'*'", true)]
    [InlineData("{'AWS':'*'}", true)]
    [InlineData("{'AWS':'111111111111'}", false)]
    [InlineData("{'Service':'cloudtrail.amazonaws.com'}", false)]
    public void Evaluate_AnonymousCaller_OnlyWildcardPrincipalCoversIt(string principal, bool allowed)
    {
        var policy = Of(PolicyKind.S3Bucket, $"{{'Effect':'Allow','Principal':{principal},'Action':'s3:GetObject','Resource':'*'}}");
        var request = PolicyRequest.Create(RequestPrincipal.Anonymous, "s3:GetObject", ObjectArn);
        Assert.Equal(allowed, PolicyEvaluator.Evaluate(policy, request).IsAllowed);
    }

    [Theory]
    [InlineData("cloudtrail.amazonaws.com", true)]
    [InlineData("config.amazonaws.com", false)]
    public void Evaluate_ServicePrincipal_MatchesThatServiceOnly(string caller, bool allowed)
    {
        var policy = Of(PolicyKind.S3Bucket, "{'Effect':'Allow','Principal':{'Service':'cloudtrail.amazonaws.com'},'Action':'s3:PutObject','Resource':'*'}");
        var request = PolicyRequest.Create(RequestPrincipal.Service(caller), "s3:PutObject", ObjectArn);
        Assert.Equal(allowed, PolicyEvaluator.Evaluate(policy, request).IsAllowed);
    }

    // IAM: NotPrincipal with Deny denies everyone except the listed principals.
    [Theory]
    [InlineData("arn:aws:iam::111111111111:role/admin", PolicyDecision.Allow)]
    [InlineData("arn:aws:iam::111111111111:role/app", PolicyDecision.ExplicitDeny)]
    public void Evaluate_DenyWithNotPrincipal_SparesOnlyTheListedPrincipal(string caller, PolicyDecision expected)
    {
        var policy = Of(PolicyKind.S3Bucket, AllowAll,
            "{'Effect':'Deny','NotPrincipal':{'AWS':'arn:aws:iam::111111111111:role/admin'},'Action':'s3:*','Resource':'*'}");
        Assert.Equal(expected, PolicyEvaluator.Evaluate(policy, Request(principalArn: caller)).Decision);
    }

    // The first applying Allow is the one reported; a later Deny that does not apply changes nothing.
    [Fact]
    public void Evaluate_SeveralAllowsApply_ReportsTheFirst()
    {
        var policy = Of(PolicyKind.VpcEndpoint,
            "{'Sid':'Puts','Effect':'Allow','Principal':'*','Action':'s3:Put*','Resource':'*'}",
            "{'Sid':'Gets','Effect':'Allow','Principal':'*','Action':'s3:Get*','Resource':'*'}",
            AllowAll,
            "{'Sid':'NoDelete','Effect':'Deny','Principal':'*','Action':'s3:DeleteObject','Resource':'*'}");
        var evaluation = PolicyEvaluator.Evaluate(policy, Request("s3:GetObject"));
        Assert.Equal(new PolicyStatementRef(1, "Gets"), evaluation.DecidingStatement);
    }
}
