using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Engine.Policies;
using VpcLab.Engine.S3;
using VpcLab.Model;

namespace VpcLab.Engine.Tests.GatewayEndpoints;

/// <summary>An S3 request traced end to end: the network path first, then the policies S3 applies to the request
/// as it arrived (spec §d: every layer must allow, an explicit Deny anywhere wins; aws:SourceVpce and aws:SourceVpc
/// through an endpoint, aws:SourceIp only over the internet). Instance private-1 routes S3 through the endpoint;
/// public-1 goes over the internet (its table has no endpoint route).</summary>
public class S3RequestTracerTests
{
    private const string Owner = "111111111111";
    private const string Other = "222222222222";

    private static (GatewayEndpointLab Lab, VpcEndpointId Vpce) Lab(string? endpointPolicy = null)
    {
        var lab = new GatewayEndpointLab();
        var vpce = lab.GatewayEndpoint(tables: [lab.PrivateRt, lab.IsolatedRt], policy: endpointPolicy);
        return (lab, vpce);
    }

    private static S3RequestTrace Trace(GatewayEndpointLab lab, string from, string action = "s3:GetObject",
        string key = GatewayEndpointLab.ObjectKey, string bucket = GatewayEndpointLab.Bucket, RequestPrincipal? principal = null)
    {
        var compiled = lab.Compile();
        var source = new EndpointResolver(compiled.Network).Resolve(from);
        var trace = S3RequestTracer.Trace(compiled, source, new S3Request(bucket, key, action, principal));
        trace.Network.AssertWellFormed();
        return trace;
    }

    private static string Statement(string effect, string action = "'s3:*'", string resource = "'*'", string condition = "",
        string principal = "'*'", string sid = "S", string actionKey = "Action") =>
        $"{{'Sid':'{sid}','Effect':'{effect}','Principal':{principal},'{actionKey}':{action},'Resource':{resource}{(condition.Length == 0 ? "" : ",'Condition':" + condition)}}}";

    private static string Policy(params string[] statements) =>
        "{'Version':'2012-10-17','Statement':[" + string.Join(',', statements) + "]}";

    [Fact]
    public void DefaultEndpointPolicy_OwnerAccount_NoBucketPolicy_Allowed()
    {
        // AWS: the default endpoint policy allows everything; the bucket owner's account needs no bucket statement.
        var (lab, vpce) = Lab();
        lab.S3Bucket();
        var r = Trace(lab, "private-1");
        Assert.True(r.IsAllowed, string.Join('\n', r.Reasons));
        Assert.Equal(S3NetworkPath.GatewayEndpoint, r.Path);
        Assert.Equal(vpce.Value, r.Endpoint!.Id);
        Assert.Equal(GatewayEndpointLab.PrefixList("s3"), r.Route!.DestinationPrefixListId);
        Assert.Equal("3.5.0.0/19", r.Route.MatchedCidr.ToString());
        Assert.StartsWith($"route {r.Route.Destination} (3.5.0.0/19) -> {vpce}", r.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(S3AccessLayer.BucketOwnerAccount, r.Access!.DecidedBy);
        Assert.Equal(new PolicyStatementRef(0, null), r.Access.EndpointEvaluation!.DecidingStatement);
        // S3 sees the private address, the endpoint and the VPC; never aws:SourceIp.
        Assert.Equal("10.0.1.10", r.SourceSeenByS3.ToString());
        Assert.Equal([vpce.Value], r.PolicyRequest!.ValuesOf(PolicyContextKeys.SourceVpce));
        Assert.Equal([lab.Vpc.Value], r.PolicyRequest.ValuesOf(PolicyContextKeys.SourceVpc));
        Assert.Empty(r.PolicyRequest.ValuesOf(PolicyContextKeys.SourceIp));
        Assert.Equal($"arn:aws:iam::{Owner}:root", r.PolicyRequest.Principal.Arn);
        Assert.Equal("arn:aws:s3:::lab-bucket/reports/q1.csv", r.PolicyRequest.Resource);
    }

    [Fact]
    public void EndpointPolicy_ExplicitDenyAndBucketAllow_RequestDroppedAtTheEndpoint()
    {
        // AWS: an explicit Deny in any layer wins over every Allow.
        var (lab, vpce) = Lab(Policy(Statement("Allow"), Statement("Deny", "'s3:GetObject'", sid: "NoReads")));
        lab.S3Bucket(policy: Policy(Statement("Allow", "'s3:GetObject'", "'arn:aws:s3:::lab-bucket/*'", sid: "Reads")));
        var r = Trace(lab, "private-1");
        Assert.False(r.IsAllowed);
        Assert.Equal(Verdict.Dropped, r.Trace.Verdict);
        Assert.Equal(Verdict.Accepted, r.Network.Verdict);
        Assert.Equal(S3AccessLayer.VpcEndpointPolicy, r.Access!.DecidedBy);
        Assert.Equal(new PolicyStatementRef(1, "NoReads"), r.Access.DecidingStatement);
        var e = Assert.Single(r.Trace.Explanations);
        Assert.Equal(ExplanationCode.S3AccessDenied, e.Code);
        Assert.Equal(vpce.Value, e.Component!.Id);
        Assert.Contains("statement 1 (Sid NoReads)", e.Message, StringComparison.Ordinal);
    }

    private const string DenyUnlessFromEndpoint =
        "{'StringNotEquals':{'aws:SourceVpce':'VPCE'}}";

    [Theory]
    // The leaky-bucket fix: Deny s3:* unless aws:SourceVpce is the endpoint. Through the endpoint: allowed.
    [InlineData("private-1", true, "GatewayEndpoint")]
    [InlineData("isolated-1", true, "GatewayEndpoint")]
    // Over the internet (public-1's table has no endpoint route): no aws:SourceVpce, so the Deny matches.
    [InlineData("public-1", false, "Internet")]
    public void BucketPolicy_DenyUnlessSourceVpce_BlocksTheInternetPathOnly(string from, bool allowed, string path)
    {
        var (lab, vpce) = Lab();
        lab.S3Bucket(policy: Policy(Statement("Deny", condition: DenyUnlessFromEndpoint.Replace("VPCE", vpce.Value, StringComparison.Ordinal), sid: "OnlyFromVpce",
            resource: "['arn:aws:s3:::lab-bucket','arn:aws:s3:::lab-bucket/*']")));
        var r = Trace(lab, from);
        Assert.Equal(allowed, r.IsAllowed);
        Assert.Equal(path, r.Path.ToString());
        if (!allowed)
        {
            Assert.Equal(S3AccessLayer.BucketPolicy, r.Access!.DecidedBy);
            Assert.Equal(new PolicyStatementRef(0, "OnlyFromVpce"), r.Access.DecidingStatement);
            Assert.Equal("arn:aws:s3:::lab-bucket", r.Trace.DroppedAt!.Id);
        }
    }

    [Fact]
    public void InternetPath_DirectOrThroughNat_SourceIpIsThePublicAddress()
    {
        // Over the internet S3 sees the public address: public-1's own, or the NAT gateway's Elastic IP.
        var lab = new GatewayEndpointLab();
        lab.S3Bucket();
        var world = lab.Compile();
        var direct = S3RequestTracer.Trace(world, new EndpointResolver(world.Network).Resolve("public-1"), new S3Request(GatewayEndpointLab.Bucket, "k"));
        var viaNat = S3RequestTracer.Trace(world, new EndpointResolver(world.Network).Resolve("private-1"), new S3Request(GatewayEndpointLab.Bucket, "k"));
        var publicIp = world.Network.NetworkInterfaces[lab.Public1.Interface].PrivateIpAddresses[0].AutoAssignedPublicIp;
        var natIp = world.Network.NatGateways[lab.Nat].PublicIp;
        Assert.Equal(S3NetworkPath.Internet, direct.Path);
        Assert.Equal([publicIp.ToString()!], direct.PolicyRequest!.ValuesOf(PolicyContextKeys.SourceIp));
        Assert.Equal([natIp.ToString()!], viaNat.PolicyRequest!.ValuesOf(PolicyContextKeys.SourceIp));
        Assert.Empty(viaNat.PolicyRequest.ValuesOf(PolicyContextKeys.SourceVpce));
        Assert.Null(direct.Access!.EndpointEvaluation);
    }

    [Theory]
    // AWS NotAction: the statement applies to every action except the listed ones.
    [InlineData("s3:GetObject", true)]
    [InlineData("s3:PutObject", true)]
    [InlineData("s3:DeleteObject", false)]
    public void EndpointPolicy_NotAction(string action, bool allowed)
    {
        var (lab, _) = Lab(Policy(Statement("Allow", "'s3:DeleteObject'", actionKey: "NotAction")));
        lab.S3Bucket();
        Assert.Equal(allowed, Trace(lab, "private-1", action).IsAllowed);
    }

    [Theory]
    // AWS wildcards: * and ? in Action (case-insensitive) and Resource (case-sensitive).
    [InlineData("s3:GetObject", GatewayEndpointLab.Bucket, "reports/q1.csv", true)]
    [InlineData("s3:getobjectversion", GatewayEndpointLab.Bucket, "reports/q1.csv", true)]
    [InlineData("s3:PutObject", GatewayEndpointLab.Bucket, "reports/q1.csv", false)]
    [InlineData("s3:GetObject", GatewayEndpointLab.Bucket, "private/q1.csv", false)]
    [InlineData("s3:GetObject", "lab-bucket2", "reports/q1.csv", true)]
    [InlineData("s3:GetObject", "other-bucket", "reports/q1.csv", false)]
    public void EndpointPolicy_WildcardsInActionAndResource(string action, string bucket, string key, bool allowed)
    {
        var (lab, _) = Lab(Policy(Statement("Allow", "'s3:Get*'", "'arn:aws:s3:::lab-bucket?/reports/*'"),
            Statement("Allow", "'s3:Get*'", "'arn:aws:s3:::lab-bucket/reports/*'", sid: "T")));
        lab.S3Bucket();
        lab.S3Bucket("lab-bucket2");
        lab.S3Bucket("other-bucket");
        Assert.Equal(allowed, Trace(lab, "private-1", action, key, bucket).IsAllowed);
    }

    [Theory]
    // AWS aws:SourceVpc is the endpoint's VPC; over the internet the key is absent.
    [InlineData("private-1", "LAB", true)]
    [InlineData("private-1", "vpc-0000000000000000f", false)]
    [InlineData("public-1", "LAB", false)]
    public void BucketPolicy_SourceVpcCondition(string from, string vpc, bool allowed)
    {
        var (lab, _) = Lab();
        var v = vpc == "LAB" ? lab.Vpc.Value : vpc;
        lab.S3Bucket(policy: Policy(Statement("Deny", condition: $"{{'StringNotEquals':{{'aws:SourceVpc':'{v}'}}}}", sid: "OnlyFromVpc")));
        Assert.Equal(allowed, Trace(lab, from).IsAllowed);
    }

    [Theory]
    // AWS aws:PrincipalAccount: an endpoint policy that admits only the lab's own account.
    [InlineData(Owner, true)]
    [InlineData(Other, false)]
    public void EndpointPolicy_PrincipalAccountCondition(string caller, bool allowed)
    {
        var (lab, _) = Lab(Policy(Statement("Allow", condition: $"{{'StringEquals':{{'aws:PrincipalAccount':'{Owner}'}}}}")));
        // The bucket lets both accounts in, so only the endpoint policy decides.
        lab.S3Bucket(policy: Policy(Statement("Allow", principal: $"{{'AWS':['{Owner}','{Other}']}}")));
        var r = Trace(lab, "private-1", principal: RequestPrincipal.FromArn($"arn:aws:iam::{caller}:role/app"));
        Assert.Equal(allowed, r.IsAllowed);
        if (!allowed)
            Assert.Equal(S3AccessLayer.VpcEndpointPolicy, r.Access!.DecidedBy);
    }

    [Theory]
    // AWS: a bucket of another account needs an explicit Allow in its bucket policy.
    [InlineData(null, false)]
    [InlineData("OTHER_ONLY", false)]
    [InlineData("LAB_ACCOUNT", true)]
    public void CrossAccountBucket_NeedsExplicitAllow(string? grant, bool allowed)
    {
        var (lab, _) = Lab();
        string? policy = grant switch
        {
            "OTHER_ONLY" => Policy(Statement("Allow", principal: "{'AWS':'333333333333'}")),
            "LAB_ACCOUNT" => Policy(Statement("Allow", principal: $"{{'AWS':'arn:aws:iam::{Owner}:root'}}", sid: "LabReads")),
            _ => null,
        };
        lab.S3Bucket(policy: policy, owner: Other);
        var r = Trace(lab, "private-1");
        Assert.Equal(allowed, r.IsAllowed);
        Assert.Equal(S3AccessLayer.BucketPolicy, r.Access!.DecidedBy);
    }

    [Fact]
    public void BucketInAnotherRegion_GoesOverTheInternet_NotTheEndpoint()
    {
        // AWS: gateway endpoints are same-Region only; the bucket's Region decides the address.
        var (lab, _) = Lab();
        lab.S3Bucket("eu-bucket", region: "eu-west-1");
        var r = Trace(lab, "private-1", bucket: "eu-bucket");
        Assert.Equal(S3NetworkPath.Internet, r.Path);
        Assert.Equal("3.5.64.10", r.Network.Flow.Destination.ToString());
        Assert.Equal("0.0.0.0/0", r.Route!.Destination);
        // The isolated subnet has no way there.
        var isolated = Trace(lab, "isolated-1", bucket: "eu-bucket");
        Assert.Equal(S3NetworkPath.None, isolated.Path);
        Assert.Null(isolated.Access);
        Assert.Equal(ExplanationCode.NoRouteToDestination, isolated.Trace.Explanations[0].Code);
    }

    [Fact]
    public void Trace_UnknownBucket_TraceRequestExceptionNamingTheBucket()
    {
        var (lab, _) = Lab();
        var e = Assert.Throws<TraceRequestException>(() => Trace(lab, "private-1", bucket: "no-such-bucket"));
        Assert.Contains("'no-such-bucket'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3://lab-bucket/reports/q1.csv", null, "lab-bucket", "reports/q1.csv", "s3:GetObject")]
    [InlineData("s3://lab-bucket", "s3:ListBucket", "lab-bucket", "", "s3:ListBucket")]
    [InlineData("S3://lab-bucket/a/b/", "s3:PutObject", "lab-bucket", "a/b/", "s3:PutObject")]
    public void S3Request_Parse(string uri, string? action, string bucket, string key, string expectedAction)
    {
        var r = S3Request.Parse(uri, action);
        Assert.Equal((bucket, key, expectedAction), (r.Bucket, r.Key, r.Action));
    }

    [Theory]
    [InlineData("s3://")]
    [InlineData("https://lab-bucket/x")]
    public void S3Request_ParseBadUri_Throws(string uri) =>
        Assert.Throws<TraceRequestException>(() => S3Request.Parse(uri));

    [Fact]
    public void S3AddressIn_UsEast1_IsTheTenthAddressOfTheFirstS3Range() =>
        Assert.Equal(GatewayEndpointLab.S3, S3RequestTracer.S3AddressIn("us-east-1").ToString());
}
