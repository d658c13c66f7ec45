using VpcLab.Engine.Policies;
using VpcLab.Model.Policies;
using static VpcLab.Engine.Tests.Policies.TestPolicies;

namespace VpcLab.Engine.Tests.Policies;

/// <summary>An S3 request through a gateway endpoint: endpoint policy AND bucket policy (spec: every layer must
/// allow, an explicit Deny anywhere wins).</summary>
public class S3AccessEvaluatorTests
{
    private const string Vpce = "vpce-1a2b3c4d";
    private const string Vpc = "vpc-0a1b2c3d4e5f60001";

    // spec: the canonical bucket policy that closes a leaky bucket — deny everything not from the endpoint.
    private static readonly PolicyDocument OnlyFromEndpoint = BucketPolicy("""
        {'Version':'2012-10-17','Statement':[{'Sid':'Access-to-specific-VPCE-only','Effect':'Deny','Principal':'*',
          'Action':'s3:*','Resource':['arn:aws:s3:::reports','arn:aws:s3:::reports/*'],
          'Condition':{'StringNotEquals':{'aws:SourceVpce':'vpce-1a2b3c4d'}}}]}
        """);

    private static PolicyRequest FromOwner(string action = "s3:GetObject", string resource = ObjectArn) =>
        Request(action, resource, $"arn:aws:iam::{Owner}:role/app");

    private static PolicyRequest FromOtherAccount(string action = "s3:GetObject") =>
        Request(action, ObjectArn, $"arn:aws:iam::{Other}:role/reader");

    private static PolicyRequest Internet(PolicyRequest request) => request.With(PolicyContextKeys.SourceIp, "198.51.100.20");

    private static PolicyRequest ViaEndpoint(PolicyRequest request, string vpce = Vpce, string vpc = Vpc) =>
        request.With(PolicyContextKeys.SourceIp, "198.51.100.20").ThroughVpcEndpoint(vpce, vpc, "10.0.2.15");

    [Fact]
    public void LeakyBucketFix_RequestThroughTheEndpoint_IsAllowedForTheOwnersAccount()
    {
        var decision = S3AccessEvaluator.Evaluate(ViaEndpoint(FromOwner()), PolicyDocument.DefaultEndpointPolicy, Owner, OnlyFromEndpoint);
        Assert.True(decision.IsAllowed);
        Assert.Equal(S3AccessLayer.BucketOwnerAccount, decision.DecidedBy);
        Assert.Equal(PolicyDecision.ImplicitDeny, decision.BucketEvaluation!.Decision);
        Assert.Equal(PolicyDecision.Allow, decision.EndpointEvaluation!.Decision);
    }

    // The absent aws:SourceVpce makes StringNotEquals true, so the Deny fires for the internet path.
    [Fact]
    public void LeakyBucketFix_RequestFromTheInternet_IsExplicitlyDeniedByTheBucketStatement()
    {
        var decision = S3AccessEvaluator.Evaluate(Internet(FromOwner()), endpointPolicy: null, Owner, OnlyFromEndpoint);
        Assert.False(decision.IsAllowed);
        Assert.Equal(PolicyDecision.ExplicitDeny, decision.Decision);
        Assert.Equal(S3AccessLayer.BucketPolicy, decision.DecidedBy);
        Assert.Equal(new PolicyStatementRef(0, "Access-to-specific-VPCE-only"), decision.DecidingStatement);
        Assert.Null(decision.EndpointEvaluation);
    }

    [Fact]
    public void LeakyBucketFix_RequestThroughAnotherEndpoint_IsDenied()
    {
        var decision = S3AccessEvaluator.Evaluate(ViaEndpoint(FromOwner(), vpce: "vpce-99999999"), PolicyDocument.DefaultEndpointPolicy, Owner, OnlyFromEndpoint);
        Assert.Equal((false, PolicyDecision.ExplicitDeny, S3AccessLayer.BucketPolicy), (decision.IsAllowed, decision.Decision, decision.DecidedBy));
    }

    // The Deny covers the bucket and its objects only: another bucket of the same owner is unaffected.
    [Fact]
    public void LeakyBucketFix_OtherBucketOfTheOwner_IsNotCovered()
    {
        var request = Internet(FromOwner("s3:GetObject", "arn:aws:s3:::public-assets/logo.png"));
        Assert.True(S3AccessEvaluator.Evaluate(request, null, Owner, OnlyFromEndpoint).IsAllowed);
    }

    // aws:SourceVpc in a bucket policy Allow grants another account access from one VPC only.
    [Theory]
    [InlineData(Vpc, true)]
    [InlineData("vpc-0ffffffffffffffff", false)]
    public void CrossAccount_BucketAllowsOneSourceVpc_OnlyThatVpcGetsIn(string vpc, bool allowed)
    {
        var bucket = BucketPolicy(
            "{'Statement':[{'Sid':'PartnerFromVpc','Effect':'Allow','Principal':{'AWS':'" + Other + "'},'Action':'s3:GetObject'," +
            "'Resource':'arn:aws:s3:::reports/*','Condition':{'StringEquals':{'aws:SourceVpc':'" + Vpc + "'}}}]}");
        var decision = S3AccessEvaluator.Evaluate(ViaEndpoint(FromOtherAccount(), vpc: vpc), PolicyDocument.DefaultEndpointPolicy, Owner, bucket);
        Assert.Equal(allowed, decision.IsAllowed);
        Assert.Equal(S3AccessLayer.BucketPolicy, decision.DecidedBy);
        Assert.Equal(allowed ? PolicyDecision.Allow : PolicyDecision.ImplicitDeny, decision.Decision);
        Assert.Equal(allowed ? "PartnerFromVpc" : null, decision.DecidingStatement?.Sid);
    }

    // Cross-account access needs an explicit bucket Allow; the owner's account does not (its IAM is assumed to allow).
    [Theory]
    [InlineData(Owner, true, S3AccessLayer.BucketOwnerAccount)]
    [InlineData(Other, false, S3AccessLayer.BucketPolicy)]
    public void NoBucketPolicy_OwnerOrOtherAccount_OnlyTheOwnersAccountGetsIn(string callerAccount, bool allowed, S3AccessLayer layer)
    {
        var request = ViaEndpoint(Request(principalArn: $"arn:aws:iam::{callerAccount}:user/u"));
        var decision = S3AccessEvaluator.Evaluate(request, PolicyDocument.DefaultEndpointPolicy, Owner, bucketPolicy: null);
        Assert.Equal((allowed, layer), (decision.IsAllowed, decision.DecidedBy));
        Assert.Null(decision.BucketEvaluation);
    }

    [Fact]
    public void AnonymousCaller_NoBucketAllow_IsDenied()
    {
        var request = PolicyRequest.Create(RequestPrincipal.Anonymous, "s3:GetObject", ObjectArn);
        Assert.False(S3AccessEvaluator.Evaluate(request, null, Owner, OnlyFromEndpoint).IsAllowed);
    }

    // An endpoint policy that only allows one bucket: other buckets are implicitly denied at the endpoint.
    [Theory]
    [InlineData("arn:aws:s3:::reports/2026/q1.csv", true, S3AccessLayer.BucketOwnerAccount)]
    [InlineData("arn:aws:s3:::elsewhere/x", false, S3AccessLayer.VpcEndpointPolicy)]
    public void EndpointPolicy_RestrictedToOneBucket_DeniesOthersAtTheEndpoint(string resource, bool allowed, S3AccessLayer layer)
    {
        var endpoint = Endpoint("{'Statement':[{'Sid':'OnlyReports','Effect':'Allow','Principal':'*','Action':['s3:GetObject','s3:PutObject'],'Resource':'arn:aws:s3:::reports/*'}]}");
        var decision = S3AccessEvaluator.Evaluate(ViaEndpoint(FromOwner("s3:GetObject", resource)), endpoint, Owner, null);
        Assert.Equal((allowed, layer), (decision.IsAllowed, decision.DecidedBy));
        if (!allowed)
            Assert.Equal(PolicyDecision.ImplicitDeny, decision.Decision);
    }

    // Explicit deny in either policy wins over an Allow in the other.
    [Fact]
    public void EndpointPolicy_ExplicitDenyAndBucketAllow_ExplicitDenyWins()
    {
        var endpoint = Endpoint("{'Statement':[{'Effect':'Allow','Principal':'*','Action':'*','Resource':'*'},{'Sid':'NoWrites','Effect':'Deny','Principal':'*','Action':'s3:Put*','Resource':'*'}]}");
        var bucket = BucketPolicy($"{{'Statement':[{{'Effect':'Allow','Principal':{{'AWS':'{Other}'}},'Action':'s3:*','Resource':'arn:aws:s3:::reports/*'}}]}}");
        var decision = S3AccessEvaluator.Evaluate(ViaEndpoint(FromOtherAccount("s3:PutObject")), endpoint, Owner, bucket);
        Assert.Equal((false, PolicyDecision.ExplicitDeny, S3AccessLayer.VpcEndpointPolicy), (decision.IsAllowed, decision.Decision, decision.DecidedBy));
        Assert.Equal(new PolicyStatementRef(1, "NoWrites"), decision.DecidingStatement);
        Assert.Equal(PolicyDecision.Allow, decision.BucketEvaluation!.Decision);
    }

    // aws:PrincipalAccount in an endpoint policy keeps the endpoint for the VPC owner's own account.
    [Theory]
    [InlineData(Owner, true)]
    [InlineData(Other, false)]
    public void EndpointPolicy_PrincipalAccountCondition_LimitsTheEndpointToOneAccount(string callerAccount, bool allowed)
    {
        var endpoint = Endpoint($"{{'Statement':[{{'Effect':'Allow','Principal':'*','Action':'s3:*','Resource':'*','Condition':{{'StringEquals':{{'aws:PrincipalAccount':'{Owner}'}}}}}}]}}");
        var bucket = BucketPolicy($"{{'Statement':[{{'Effect':'Allow','Principal':{{'AWS':['{Owner}','{Other}']}},'Action':'s3:*','Resource':'arn:aws:s3:::reports/*'}}]}}");
        var request = ViaEndpoint(Request(principalArn: $"arn:aws:iam::{callerAccount}:role/r"));
        var decision = S3AccessEvaluator.Evaluate(request, endpoint, Owner, bucket);
        Assert.Equal(allowed, decision.IsAllowed);
        Assert.Equal(allowed ? S3AccessLayer.BucketPolicy : S3AccessLayer.VpcEndpointPolicy, decision.DecidedBy);
    }

    // spec: via an endpoint aws:SourceIp is absent — a NotIpAddress Deny denies everything, an IpAddress Allow never grants.
    [Fact]
    public void ViaEndpoint_NotIpAddressDeny_DeniesEvenFromTheAllowedRange()
    {
        var bucket = BucketPolicy("{'Statement':[{'Sid':'OfficeOnly','Effect':'Deny','Principal':'*','Action':'s3:*','Resource':'arn:aws:s3:::reports/*','Condition':{'NotIpAddress':{'aws:SourceIp':'198.51.100.0/24'}}}]}");
        Assert.True(S3AccessEvaluator.Evaluate(Internet(FromOwner()), null, Owner, bucket).IsAllowed);
        var viaEndpoint = S3AccessEvaluator.Evaluate(ViaEndpoint(FromOwner()), PolicyDocument.DefaultEndpointPolicy, Owner, bucket);
        Assert.Equal((false, "OfficeOnly"), (viaEndpoint.IsAllowed, viaEndpoint.DecidingStatement?.Sid));
    }

    [Fact]
    public void ViaEndpoint_IpAddressAllow_NeverGrantsCrossAccount()
    {
        var bucket = BucketPolicy($"{{'Statement':[{{'Effect':'Allow','Principal':{{'AWS':'{Other}'}},'Action':'s3:*','Resource':'arn:aws:s3:::reports/*','Condition':{{'IpAddress':{{'aws:SourceIp':'198.51.100.0/24'}}}}}}]}}");
        Assert.True(S3AccessEvaluator.Evaluate(Internet(FromOtherAccount()), null, Owner, bucket).IsAllowed);
        Assert.False(S3AccessEvaluator.Evaluate(ViaEndpoint(FromOtherAccount()), PolicyDocument.DefaultEndpointPolicy, Owner, bucket).IsAllowed);
    }

    [Fact]
    public void ViaEndpoint_RequestFromTheOwner_SetsSourceVpceKeysAndDropsSourceIp()
    {
        var request = ViaEndpoint(FromOwner());
        Assert.Equal([Vpce], request.ValuesOf("AWS:SOURCEVPCE"));
        Assert.Equal([Vpc], request.ValuesOf(PolicyContextKeys.SourceVpc));
        Assert.Equal(["10.0.2.15"], request.ValuesOf(PolicyContextKeys.VpcSourceIp));
        Assert.Empty(request.ValuesOf(PolicyContextKeys.SourceIp));
        Assert.Equal([Owner], request.ValuesOf(PolicyContextKeys.PrincipalAccount));
    }

    [Fact]
    public void Evaluate_PolicyOfTheWrongKind_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => S3AccessEvaluator.Evaluate(FromOwner(), OnlyFromEndpoint, Owner, null));
        Assert.Throws<ArgumentException>(() => S3AccessEvaluator.Evaluate(FromOwner(), null, Owner, PolicyDocument.DefaultEndpointPolicy));
    }
}
