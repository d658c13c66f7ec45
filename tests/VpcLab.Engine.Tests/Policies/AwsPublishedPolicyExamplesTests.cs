using VpcLab.Engine.Policies;
using VpcLab.Engine.S3;
using VpcLab.Engine.Tests.GatewayEndpoints;
using static VpcLab.Engine.Tests.Policies.AwsPolicyExamples;
using static VpcLab.Engine.Tests.Policies.PolicyExampleWorld;

namespace VpcLab.Engine.Tests.Policies;

/// <summary>AWS's published example endpoint and bucket policies (<see cref="AwsPolicyExamples"/>, each with its page),
/// traced end to end through <see cref="S3RequestTracer"/> for the requests the pages describe: each must allow or
/// deny what the page says, decided by the statement the page wrote.</summary>
public class AwsPublishedPolicyExamplesTests
{
    /// <summary>One row: the page, the policy and where it goes, the account that replaces 111122223333, the request
    /// (route, bucket, action, caller, HTTPS), AWS's answer (allowed; the deciding layer and Sid), and which of the
    /// lab's endpoints the page's vpce-1a2b3c4d stands for.</summary>
    public sealed record Example(
        string Page, string Policy, PolicyPlace Place, ExampleRoute Route, bool Allowed, S3AccessLayer DecidedBy,
        string? Sid = null, string Account = Owner, string Bucket = GatewayEndpointLab.Bucket, string Action = "s3:GetObject",
        string Key = GatewayEndpointLab.ObjectKey, RequestPrincipal? Caller = null, bool Https = true,
        ExampleRoute Vpce = ExampleRoute.GatewayEndpoint);

    private static readonly string AccountOnlyStatement = PrivateLinkEndpointSpecificAccountStatement;

    private static readonly Dictionary<string, Example> Table = new(StringComparer.Ordinal)
    {
        // Gateway endpoints for Amazon S3, "Control access using bucket policies" (these examples assume other
        // statements allow the access; the bucket owner's own account needs none).
        ["gw-bucket-specific-vpce/through-the-endpoint"] = new(GatewayS3Page, GatewayBucketSpecificEndpoint, PolicyPlace.Bucket, ExampleRoute.GatewayEndpoint, true, S3AccessLayer.BucketOwnerAccount),
        ["gw-bucket-specific-vpce/over-the-internet"] = new(GatewayS3Page, GatewayBucketSpecificEndpoint, PolicyPlace.Bucket, ExampleRoute.Internet, false, S3AccessLayer.BucketPolicy, "Allow-access-to-specific-VPCE"),
        ["gw-bucket-specific-vpce/through-another-endpoint"] = new(GatewayS3Page, GatewayBucketSpecificEndpoint, PolicyPlace.Bucket, ExampleRoute.InterfaceEndpoint, false, S3AccessLayer.BucketPolicy, "Allow-access-to-specific-VPCE"),
        ["gw-bucket-specific-vpce/action-not-listed"] = new(GatewayS3Page, GatewayBucketSpecificEndpoint, PolicyPlace.Bucket, ExampleRoute.Internet, true, S3AccessLayer.BucketOwnerAccount, Action: "s3:GetObjectTagging"),
        ["gw-bucket-specific-vpc/through-the-endpoint"] = new(GatewayS3Page, GatewayBucketSpecificVpc, PolicyPlace.Bucket, ExampleRoute.GatewayEndpoint, true, S3AccessLayer.BucketOwnerAccount),
        ["gw-bucket-specific-vpc/through-the-interface-endpoint"] = new(GatewayS3Page, GatewayBucketSpecificVpc, PolicyPlace.Bucket, ExampleRoute.InterfaceEndpoint, true, S3AccessLayer.BucketOwnerAccount),
        ["gw-bucket-specific-vpc/over-the-internet"] = new(GatewayS3Page, GatewayBucketSpecificVpc, PolicyPlace.Bucket, ExampleRoute.Internet, false, S3AccessLayer.BucketPolicy, "Allow-access-to-specific-VPC"),
        ["gw-bucket-vpc-cidr/from-the-cidr"] = new(GatewayS3Page, GatewayBucketSpecificCidr, PolicyPlace.Bucket, ExampleRoute.GatewayEndpoint, true, S3AccessLayer.BucketOwnerAccount),
        // Over the internet aws:VpcSourceIp is absent: NotIpAddress on an absent key is true, so the Deny applies.
        ["gw-bucket-vpc-cidr/over-the-internet"] = new(GatewayS3Page, GatewayBucketSpecificCidr, PolicyPlace.Bucket, ExampleRoute.Internet, false, S3AccessLayer.BucketPolicy, "Allow-access-to-specific-VPC-CIDR"),
        // s3:ResourceAccount is the bucket owner: the owner's bucket passes, a policy naming another account denies.
        ["gw-bucket-specific-account/owner-named"] = new(GatewayS3Page, GatewayBucketSpecificAccount, PolicyPlace.Bucket, ExampleRoute.GatewayEndpoint, true, S3AccessLayer.BucketOwnerAccount),
        ["gw-bucket-specific-account/another-account-named"] = new(GatewayS3Page, GatewayBucketSpecificAccount, PolicyPlace.Bucket, ExampleRoute.GatewayEndpoint, false, S3AccessLayer.BucketPolicy, "Allow-access-to-bucket-in-specific-account", Account: OtherAccount),

        // Gateway endpoints for Amazon S3, "Edit the VPC endpoint policy".
        ["gw-endpoint-specific-bucket/get"] = new(GatewayS3Page, GatewayEndpointSpecificBucket, PolicyPlace.GatewayEndpoint, ExampleRoute.GatewayEndpoint, true, S3AccessLayer.BucketOwnerAccount),
        ["gw-endpoint-specific-bucket/list"] = new(GatewayS3Page, GatewayEndpointSpecificBucket, PolicyPlace.GatewayEndpoint, ExampleRoute.GatewayEndpoint, true, S3AccessLayer.BucketOwnerAccount, Action: "s3:ListBucket", Key: ""),
        ["gw-endpoint-specific-bucket/delete"] = new(GatewayS3Page, GatewayEndpointSpecificBucket, PolicyPlace.GatewayEndpoint, ExampleRoute.GatewayEndpoint, false, S3AccessLayer.VpcEndpointPolicy, Action: "s3:DeleteObject"),
        ["gw-endpoint-specific-bucket/another-bucket"] = new(GatewayS3Page, GatewayEndpointSpecificBucket, PolicyPlace.GatewayEndpoint, ExampleRoute.GatewayEndpoint, false, S3AccessLayer.VpcEndpointPolicy, Bucket: OtherBucket),
        // aws:PrincipalArn of a role session is the role's ARN (IAM), so ArnEquals on the role admits its sessions.
        ["gw-endpoint-specific-role/the-roles-session"] = new(GatewayS3Page, GatewayEndpointSpecificRole, PolicyPlace.GatewayEndpoint, ExampleRoute.GatewayEndpoint, true, S3AccessLayer.BucketOwnerAccount, Caller: RoleSession(Owner)),
        ["gw-endpoint-specific-role/another-role"] = new(GatewayS3Page, GatewayEndpointSpecificRole, PolicyPlace.GatewayEndpoint, ExampleRoute.GatewayEndpoint, false, S3AccessLayer.VpcEndpointPolicy, Caller: RoleSession(Owner, "batch")),
        ["gw-endpoint-specific-role/root-user"] = new(GatewayS3Page, GatewayEndpointSpecificRole, PolicyPlace.GatewayEndpoint, ExampleRoute.GatewayEndpoint, false, S3AccessLayer.VpcEndpointPolicy),
        ["gw-endpoint-specific-account/own-account"] = new(GatewayS3Page, GatewayEndpointSpecificAccount, PolicyPlace.GatewayEndpoint, ExampleRoute.GatewayEndpoint, true, S3AccessLayer.BucketOwnerAccount, Caller: RoleSession(Owner)),
        ["gw-endpoint-specific-account/another-account"] = new(GatewayS3Page, GatewayEndpointSpecificAccount, PolicyPlace.GatewayEndpoint, ExampleRoute.GatewayEndpoint, false, S3AccessLayer.VpcEndpointPolicy, Caller: RoleSession(OtherAccount)),
        // Only the endpoint's traffic meets its policy: over the internet the same request is the bucket's alone.
        ["gw-endpoint-specific-account/internet-ignores-endpoint-policy"] = new(GatewayS3Page, GatewayEndpointSpecificAccount, PolicyPlace.GatewayEndpoint, ExampleRoute.Internet, true, S3AccessLayer.BucketOwnerAccount, Account: OtherAccount),

        // Control access to VPC endpoints using endpoint policies.
        ["default-endpoint-policy/anyone"] = new(EndpointPoliciesPage, DefaultEndpointPolicy, PolicyPlace.GatewayEndpoint, ExampleRoute.GatewayEndpoint, true, S3AccessLayer.BucketOwnerAccount),
        ["gw-principal-arn/the-user"] = new(EndpointPoliciesPage, GatewayPrincipalArnCondition, PolicyPlace.GatewayEndpoint, ExampleRoute.GatewayEndpoint, true, S3AccessLayer.BucketOwnerAccount, Caller: RequestPrincipal.FromArn($"arn:aws:iam::{Owner}:user/endpointuser")),
        ["gw-principal-arn/another-user"] = new(EndpointPoliciesPage, GatewayPrincipalArnCondition, PolicyPlace.GatewayEndpoint, ExampleRoute.GatewayEndpoint, false, S3AccessLayer.VpcEndpointPolicy, Caller: RequestPrincipal.FromArn($"arn:aws:iam::{Owner}:user/someone")),

        // AWS PrivateLink for Amazon S3 (interface endpoints), "Creating a VPC endpoint policy for Amazon S3".
        ["if-endpoint-specific-bucket/put"] = new(S3PrivateLinkPage, PrivateLinkEndpointSpecificBucket, PolicyPlace.InterfaceEndpoint, ExampleRoute.InterfaceEndpoint, true, S3AccessLayer.BucketOwnerAccount, Action: "s3:PutObject"),
        ["if-endpoint-specific-bucket/another-bucket"] = new(S3PrivateLinkPage, PrivateLinkEndpointSpecificBucket, PolicyPlace.InterfaceEndpoint, ExampleRoute.InterfaceEndpoint, false, S3AccessLayer.VpcEndpointPolicy, Bucket: OtherBucket),
        ["if-endpoint-specific-bucket/gateway-path-unaffected"] = new(S3PrivateLinkPage, PrivateLinkEndpointSpecificBucket, PolicyPlace.InterfaceEndpoint, ExampleRoute.GatewayEndpoint, true, S3AccessLayer.BucketPolicy, Bucket: OtherBucket),
        // The issue's case: "buckets in a specific account only" must not deny the owner's own bucket.
        ["if-endpoint-account-only/own-bucket"] = new(S3PrivateLinkPage, PolicyOf(true, AccountOnlyStatement), PolicyPlace.InterfaceEndpoint, ExampleRoute.InterfaceEndpoint, true, S3AccessLayer.BucketOwnerAccount),
        ["if-endpoint-account-only/another-accounts-bucket"] = new(S3PrivateLinkPage, PolicyOf(true, AccountOnlyStatement), PolicyPlace.InterfaceEndpoint, ExampleRoute.InterfaceEndpoint, false, S3AccessLayer.VpcEndpointPolicy, "Access-to-bucket-in-specific-account-only", Bucket: OtherBucket),
        ["gw-endpoint-account-only/own-bucket"] = new(S3PrivateLinkPage, PolicyOf(true, AccountOnlyStatement), PolicyPlace.GatewayEndpoint, ExampleRoute.GatewayEndpoint, true, S3AccessLayer.BucketOwnerAccount),
        ["gw-endpoint-account-only/another-accounts-bucket"] = new(S3PrivateLinkPage, PolicyOf(true, AccountOnlyStatement), PolicyPlace.GatewayEndpoint, ExampleRoute.GatewayEndpoint, false, S3AccessLayer.VpcEndpointPolicy, "Access-to-bucket-in-specific-account-only", Bucket: OtherBucket),
        // The page's note: s3:ResourceAccount works the same.
        ["gw-endpoint-account-only-s3-key/own-bucket"] = new(S3PrivateLinkPage, PolicyOf(true, AccountOnlyStatement.Replace("aws:ResourceAccount", "s3:ResourceAccount", StringComparison.Ordinal)), PolicyPlace.GatewayEndpoint, ExampleRoute.GatewayEndpoint, true, S3AccessLayer.BucketOwnerAccount),
        ["gw-endpoint-account-only-s3-key/another-accounts-bucket"] = new(S3PrivateLinkPage, PolicyOf(true, AccountOnlyStatement.Replace("aws:ResourceAccount", "s3:ResourceAccount", StringComparison.Ordinal)), PolicyPlace.GatewayEndpoint, ExampleRoute.GatewayEndpoint, false, S3AccessLayer.VpcEndpointPolicy, "Access-to-bucket-in-specific-account-only", Bucket: OtherBucket),
        // The statement alone, as printed, allows nothing (an endpoint policy needs an Allow), and denies explicitly
        // only another account's bucket.
        ["if-endpoint-account-only-alone/own-bucket"] = new(S3PrivateLinkPage, PolicyOf(false, AccountOnlyStatement), PolicyPlace.InterfaceEndpoint, ExampleRoute.InterfaceEndpoint, false, S3AccessLayer.VpcEndpointPolicy),
        ["if-endpoint-account-only-alone/another-accounts-bucket"] = new(S3PrivateLinkPage, PolicyOf(false, AccountOnlyStatement), PolicyPlace.InterfaceEndpoint, ExampleRoute.InterfaceEndpoint, false, S3AccessLayer.VpcEndpointPolicy, "Access-to-bucket-in-specific-account-only", Bucket: OtherBucket),
        ["if-bucket-specific-vpce/through-the-interface-endpoint"] = new(S3PrivateLinkPage, PrivateLinkBucketSpecificVpce, PolicyPlace.Bucket, ExampleRoute.InterfaceEndpoint, true, S3AccessLayer.BucketOwnerAccount, Vpce: ExampleRoute.InterfaceEndpoint),
        ["if-bucket-specific-vpce/through-the-gateway-endpoint"] = new(S3PrivateLinkPage, PrivateLinkBucketSpecificVpce, PolicyPlace.Bucket, ExampleRoute.GatewayEndpoint, false, S3AccessLayer.BucketPolicy, "Access-to-specific-VPCE-only", Vpce: ExampleRoute.InterfaceEndpoint),
        ["if-bucket-specific-vpce/over-the-internet"] = new(S3PrivateLinkPage, PrivateLinkBucketSpecificVpce, PolicyPlace.Bucket, ExampleRoute.Internet, false, S3AccessLayer.BucketPolicy, "Access-to-specific-VPCE-only", Vpce: ExampleRoute.InterfaceEndpoint),

        // S3 User Guide, "Controlling access from VPC endpoints with bucket policies".
        ["s3-bucket-specific-vpce/through-the-endpoint"] = new(S3BucketPolicyVpcePage, S3BucketSpecificVpce, PolicyPlace.Bucket, ExampleRoute.GatewayEndpoint, true, S3AccessLayer.BucketOwnerAccount, Action: "s3:DeleteObject"),
        ["s3-bucket-specific-vpce/over-the-internet"] = new(S3BucketPolicyVpcePage, S3BucketSpecificVpce, PolicyPlace.Bucket, ExampleRoute.Internet, false, S3AccessLayer.BucketPolicy, "Access-to-specific-VPCE-only", Action: "s3:ListBucket", Key: ""),
        ["s3-bucket-specific-vpc/through-the-endpoint"] = new(S3BucketPolicyVpcePage, S3BucketSpecificVpc, PolicyPlace.Bucket, ExampleRoute.GatewayEndpoint, true, S3AccessLayer.BucketOwnerAccount),
        ["s3-bucket-specific-vpc/over-the-internet"] = new(S3BucketPolicyVpcePage, S3BucketSpecificVpc, PolicyPlace.Bucket, ExampleRoute.Internet, false, S3AccessLayer.BucketPolicy, "Access-to-specific-VPC-only"),

        // S3 User Guide, "Examples of Amazon S3 bucket policies": TLS only.
        ["s3-bucket-tls-only/https"] = new(S3BucketPolicyExamplesPage, S3BucketDenyInsecureTransport, PolicyPlace.Bucket, ExampleRoute.GatewayEndpoint, true, S3AccessLayer.BucketOwnerAccount),
        ["s3-bucket-tls-only/http"] = new(S3BucketPolicyExamplesPage, S3BucketDenyInsecureTransport, PolicyPlace.Bucket, ExampleRoute.GatewayEndpoint, false, S3AccessLayer.BucketPolicy, "RestrictToTLSRequestsOnly", Https: false),

        // IAM, absent keys: the lab has no organizations, so aws:PrincipalOrgID is never present.
        ["org-deny-outside-organization/no-organization"] = new(GlobalKeysPage, S3BucketOnlyMyOrganization, PolicyPlace.Bucket, ExampleRoute.GatewayEndpoint, false, S3AccessLayer.BucketPolicy, "DenyOutsideMyOrganization"),
        // …IfExists makes a condition on an absent key true, so the Deny still applies.
        ["org-deny-outside-organization-ifexists/no-organization"] = new(GlobalKeysPage, S3BucketOnlyMyOrganization.Replace("StringNotEquals", "StringNotEqualsIfExists", StringComparison.Ordinal), PolicyPlace.Bucket, ExampleRoute.GatewayEndpoint, false, S3AccessLayer.BucketPolicy, "DenyOutsideMyOrganization"),
        // Null tests presence: "Null": true applies to a request without the key, "Null": false does not.
        ["org-deny-when-key-null/no-organization"] = new(GlobalKeysPage, OrgNull("true"), PolicyPlace.Bucket, ExampleRoute.GatewayEndpoint, false, S3AccessLayer.BucketPolicy, "DenyOutsideMyOrganization"),
        ["org-deny-when-key-present/no-organization"] = new(GlobalKeysPage, OrgNull("false"), PolicyPlace.Bucket, ExampleRoute.GatewayEndpoint, true, S3AccessLayer.BucketOwnerAccount),
    };

    private static string OrgNull(string value) => S3BucketOnlyMyOrganization
        .Replace("\"StringNotEquals\"", "\"Null\"", StringComparison.Ordinal).Replace("\"o-aa111bb222\"", $"\"{value}\"", StringComparison.Ordinal);

    public static TheoryData<string> Examples => [.. Table.Keys];

    [Theory]
    [MemberData(nameof(Examples))]
    public void PublishedExample_RequestThePageDescribes_VerdictAsThePageSays(string name)
    {
        var row = Table[name];
        var lab = new PolicyExampleWorld();
        var world = lab.With(row.Place, lab.Fill(row.Policy, row.Account, row.Vpce));
        var request = new S3Request(row.Bucket, row.Key, row.Action, row.Caller) { SecureTransport = row.Https };
        var r = Trace(world, row.Route, request, lab);

        var why = $"{name} ({row.Page}): {string.Join(" | ", r.Reasons)}";
        Assert.True(row.Allowed == r.IsAllowed, why);
        Assert.True(row.Route.ToString() == r.Path.ToString(), why);
        Assert.True(row.DecidedBy == r.Access!.DecidedBy, why);
        if (row.Sid is not null)
            Assert.True(row.Sid == r.Access.DecidingStatement?.Sid, why);
        if (!row.Allowed)
            Assert.Equal(ExplanationCode.S3AccessDenied, Assert.Single(r.Trace.Explanations).Code);
    }
}
