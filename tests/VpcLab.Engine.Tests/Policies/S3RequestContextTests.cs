using VpcLab.Engine.Policies;
using VpcLab.Engine.S3;
using VpcLab.Engine.Tests.GatewayEndpoints;
using static VpcLab.Engine.Tests.Policies.PolicyExampleWorld;

namespace VpcLab.Engine.Tests.Policies;

/// <summary>The condition keys an S3 request carries (IAM User Guide, "AWS global condition context keys",
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html; Service Authorization
/// Reference, "Condition keys for Amazon S3",
/// https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html), as the tracer builds them.</summary>
public class S3RequestContextTests
{
    private static S3RequestTrace TraceFrom(ExampleRoute route, S3Request request)
    {
        var lab = new PolicyExampleWorld();
        return Trace(lab.With(PolicyPlace.Bucket, AwsPolicyExamples.DefaultEndpointPolicy), route, request, lab);
    }

    private static string? Value(S3RequestTrace r, string key) =>
        r.PolicyRequest!.ValuesOf(key) is { IsEmpty: false } v ? string.Join(',', v) : null;

    [Theory]
    // Through an endpoint: aws:SourceVpce, aws:SourceVpc, aws:VpcSourceIp; never aws:SourceIp (the S3 gateway
    // endpoint page: "You can't use the aws:SourceIp condition … for requests to Amazon S3 that traverse a VPC endpoint").
    [InlineData(ExampleRoute.GatewayEndpoint, "aws:SourceVpce", "GATEWAY")]
    [InlineData(ExampleRoute.GatewayEndpoint, "aws:SourceVpc", "VPC")]
    [InlineData(ExampleRoute.GatewayEndpoint, "aws:VpcSourceIp", "10.0.1.10")]
    [InlineData(ExampleRoute.GatewayEndpoint, "aws:SourceIp", null)]
    [InlineData(ExampleRoute.InterfaceEndpoint, "aws:SourceVpce", "INTERFACE")]
    [InlineData(ExampleRoute.InterfaceEndpoint, "aws:SourceVpc", "VPC")]
    [InlineData(ExampleRoute.InterfaceEndpoint, "aws:VpcSourceIp", "10.0.1.10")]
    [InlineData(ExampleRoute.InterfaceEndpoint, "aws:SourceIp", null)]
    // Over the internet: aws:SourceIp (the public address), no VPC keys.
    [InlineData(ExampleRoute.Internet, "aws:SourceVpce", null)]
    [InlineData(ExampleRoute.Internet, "aws:SourceVpc", null)]
    [InlineData(ExampleRoute.Internet, "aws:VpcSourceIp", null)]
    [InlineData(ExampleRoute.Internet, "aws:SourceIp", "PUBLIC")]
    // Whatever the path: the resource's account (both keys), the Region asked, HTTPS, the lab clock, the principal.
    [InlineData(ExampleRoute.GatewayEndpoint, "aws:ResourceAccount", Owner)]
    [InlineData(ExampleRoute.Internet, "s3:ResourceAccount", Owner)]
    [InlineData(ExampleRoute.GatewayEndpoint, "aws:RequestedRegion", "us-east-1")]
    [InlineData(ExampleRoute.GatewayEndpoint, "aws:SecureTransport", "true")]
    [InlineData(ExampleRoute.GatewayEndpoint, "aws:CurrentTime", "2026-01-01T00:00:00Z")]
    [InlineData(ExampleRoute.GatewayEndpoint, "aws:EpochTime", "1767225600")]
    [InlineData(ExampleRoute.GatewayEndpoint, "aws:PrincipalAccount", Owner)]
    [InlineData(ExampleRoute.GatewayEndpoint, "aws:PrincipalArn", "arn:aws:iam::111111111111:root")]
    [InlineData(ExampleRoute.GatewayEndpoint, "aws:PrincipalType", "Account")]
    [InlineData(ExampleRoute.GatewayEndpoint, "aws:userid", Owner)]
    [InlineData(ExampleRoute.GatewayEndpoint, "aws:PrincipalIsAWSService", "false")]
    [InlineData(ExampleRoute.GatewayEndpoint, "aws:ViaAWSService", "false")]
    [InlineData(ExampleRoute.GatewayEndpoint, "s3:authType", "REST-HEADER")]
    [InlineData(ExampleRoute.GatewayEndpoint, "s3:signatureversion", "AWS4-HMAC-SHA256")]
    // The lab has no AWS Organizations: the organization keys are never present.
    [InlineData(ExampleRoute.GatewayEndpoint, "aws:PrincipalOrgID", null)]
    [InlineData(ExampleRoute.GatewayEndpoint, "aws:PrincipalOrgPaths", null)]
    [InlineData(ExampleRoute.GatewayEndpoint, "aws:ResourceOrgID", null)]
    [InlineData(ExampleRoute.GatewayEndpoint, "aws:ResourceOrgPaths", null)]
    // A GetObject has no list parameters.
    [InlineData(ExampleRoute.GatewayEndpoint, "s3:prefix", null)]
    public void S3Request_ByRoute_CarriesTheDocumentedKey(ExampleRoute route, string key, string? expected)
    {
        var lab = new PolicyExampleWorld();
        var world = lab.With(PolicyPlace.Bucket, AwsPolicyExamples.DefaultEndpointPolicy);
        var r = Trace(world, route, new S3Request(GatewayEndpointLab.Bucket, GatewayEndpointLab.ObjectKey), lab);
        var want = expected switch
        {
            "GATEWAY" => lab.Gateway.Value,
            "INTERFACE" => lab.Interface.Value,
            "VPC" => world.Network.Vpcs.Keys.Single(v => world.Network.NameOf(v.Value) == "lab").Value,
            "PUBLIC" => r.SourceSeenByS3!.ToString(),
            _ => expected,
        };
        Assert.True(r.IsAllowed, string.Join(" | ", r.Reasons));
        Assert.Equal(want, Value(r, key));
    }

    [Theory]
    // IAM's principal key table: a role session is named by its role; an IAM user has aws:username; an anonymous
    // caller has only aws:PrincipalType and aws:userid "anonymous".
    [InlineData("arn:aws:sts::111111111111:assumed-role/app-role/session-1", "aws:PrincipalArn", "arn:aws:iam::111111111111:role/app-role")]
    [InlineData("arn:aws:sts::111111111111:assumed-role/app-role/session-1", "aws:PrincipalType", "AssumedRole")]
    [InlineData("arn:aws:sts::111111111111:assumed-role/app-role/session-1", "aws:userid", null)]
    [InlineData("arn:aws:iam::111111111111:user/ops/alice", "aws:PrincipalType", "User")]
    [InlineData("arn:aws:iam::111111111111:user/ops/alice", "aws:username", "alice")]
    [InlineData("arn:aws:iam::111111111111:user/ops/alice", "aws:PrincipalArn", "arn:aws:iam::111111111111:user/ops/alice")]
    [InlineData("arn:aws:sts::111111111111:federated-user/carol", "aws:PrincipalType", "FederatedUser")]
    [InlineData("arn:aws:sts::111111111111:federated-user/carol", "aws:userid", "111111111111:carol")]
    [InlineData("anonymous", "aws:PrincipalType", "Anonymous")]
    [InlineData("anonymous", "aws:userid", "anonymous")]
    [InlineData("anonymous", "aws:PrincipalAccount", null)]
    [InlineData("anonymous", "aws:PrincipalArn", null)]
    [InlineData("anonymous", "s3:authType", null)]
    public void S3Request_ByCaller_CarriesThePrincipalKeys(string caller, string key, string? expected)
    {
        var principal = caller == "anonymous" ? RequestPrincipal.Anonymous : RequestPrincipal.FromArn(caller);
        var r = TraceFrom(ExampleRoute.GatewayEndpoint, new S3Request(GatewayEndpointLab.Bucket, GatewayEndpointLab.ObjectKey, Principal: principal));
        Assert.Equal(expected, Value(r, key));
    }

    [Fact]
    public void ListBucket_WithPrefixAndDelimiter_CarriesS3PrefixAndDelimiter()
    {
        // Service Authorization Reference: s3:prefix and s3:delimiter filter ListBucket by its parameters.
        var r = TraceFrom(ExampleRoute.GatewayEndpoint, new S3Request(GatewayEndpointLab.Bucket, "", "s3:ListBucket") { Prefix = "reports/", Delimiter = "/" });
        Assert.Equal("arn:aws:s3:::lab-bucket", r.PolicyRequest!.Resource);
        Assert.Equal("reports/", Value(r, "s3:prefix"));
        Assert.Equal("/", Value(r, "s3:delimiter"));
    }

    [Fact]
    public void PlainHttp_SecureTransportFalse_TracedOnPort80()
    {
        var r = TraceFrom(ExampleRoute.GatewayEndpoint, new S3Request(GatewayEndpointLab.Bucket, GatewayEndpointLab.ObjectKey) { SecureTransport = false });
        Assert.Equal("false", Value(r, "aws:SecureTransport"));
        Assert.Equal(80, r.Network.Flow.DestinationPort);
    }

    [Fact]
    public void NoRequestTime_TimeKeysAbsent()
    {
        var lab = new PolicyExampleWorld();
        var world = lab.With(PolicyPlace.Bucket, AwsPolicyExamples.DefaultEndpointPolicy);
        var r = S3RequestTracer.Trace(world, new EndpointResolver(world.Network).Resolve("private-1"), new S3Request(GatewayEndpointLab.Bucket, "k"));
        Assert.Null(Value(r, "aws:CurrentTime"));
        Assert.Null(Value(r, "aws:EpochTime"));
    }

    [Theory]
    // The interface endpoint must be one of S3 in the bucket's Region.
    [InlineData("vpce-0ffffffffffffffff", "does not exist")]
    [InlineData("GATEWAY", "is not an interface endpoint of com.amazonaws.us-east-1.s3")]
    public void InterfaceEndpointRequest_EndpointNotS3Interface_Refused(string vpce, string message)
    {
        var lab = new PolicyExampleWorld();
        var world = lab.With(PolicyPlace.Bucket, AwsPolicyExamples.DefaultEndpointPolicy);
        var request = new S3Request(GatewayEndpointLab.Bucket, "k") { VpcEndpointId = vpce == "GATEWAY" ? lab.Gateway.Value : vpce };
        var e = Assert.Throws<TraceRequestException>(() => S3RequestTracer.Trace(world, new EndpointResolver(world.Network).Resolve("private-1"), request));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
