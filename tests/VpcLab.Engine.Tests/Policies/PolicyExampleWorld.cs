using VpcLab.Engine.Policies;
using VpcLab.Engine.S3;
using VpcLab.Engine.Tests.GatewayEndpoints;
using VpcLab.Engine.Tests.InterfaceEndpoints;
using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Model;
using VpcLab.Model.Policies;

namespace VpcLab.Engine.Tests.Policies;

/// <summary><see cref="GatewayEndpointLab"/> (account 111111111111, VPC 10.0.0.0/16) with an S3 gateway endpoint
/// routed from private-rt and isolated-rt, an S3 interface endpoint in subnet "endpoints" (10.0.3.0/24, 443 open
/// from the VPC, private DNS off), the bucket lab-bucket of the lab's account and other-account-bucket of
/// 222222222222, which lets the lab's account do anything so that only the policy under test decides. A policy is
/// placed after its page's placeholders are replaced by the lab's values (<see cref="Fill"/>).</summary>
internal sealed class PolicyExampleWorld
{
    public const string Owner = "111111111111";
    public const string OtherAccount = "222222222222";
    public const string OtherBucket = "other-account-bucket";
    public const string RoleName = "app-role";
    public static readonly DateTimeOffset LabClock = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly GatewayEndpointLab _lab = new();
    private readonly Network _base;

    public VpcEndpointId Gateway { get; }
    public VpcEndpointId Interface { get; }

    public PolicyExampleWorld()
    {
        Gateway = _lab.GatewayEndpoint(tables: [_lab.PrivateRt, _lab.IsolatedRt]);
        var endpoints = _lab.B.Subnet("endpoints", _lab.Vpc, "10.0.3.0/24");
        var endpointSg = _lab.B.SecurityGroup("s3-endpoint-sg", _lab.Vpc);
        _lab.B.Ingress(endpointSg, "tcp", 443, 443, "10.0.0.0/16");
        _lab.S3Bucket();
        _lab.S3Bucket(OtherBucket, owner: OtherAccount, policy:
            $"{{'Statement':[{{'Effect':'Allow','Principal':{{'AWS':'{Owner}'}},'Action':'s3:*','Resource':['arn:aws:s3:::{OtherBucket}','arn:aws:s3:::{OtherBucket}/*']}}]}}");
        var n = _lab.Build().WithInterfaceEndpoint("s3-interface", "s3", [endpoints], [endpointSg], privateDns: false);
        Interface = n.Endpoint("s3-interface").Id;
        // An endpoint created without a policy gets the default one (EndpointPoliciesPage).
        _base = n with { VpcEndpoints = n.VpcEndpoints.SetItem(Interface, n.VpcEndpoints[Interface] with { PolicyDocument = PolicyDocument.DefaultEndpointPolicyJson }) };
    }

    /// <summary>The page's placeholders replaced: bucket names by lab-bucket, vpce-1a2b3c4d by the endpoint the row
    /// names, vpc-111bbb22 by the lab's VPC, 172.31.0.0/16 by private-1's subnet, role_name by app-role, the account
    /// 111122223333 (and 123456789012) by <paramref name="account"/>.</summary>
    public string Fill(string policy, string account, ExampleRoute vpceOf)
    {
        var vpce = vpceOf == ExampleRoute.InterfaceEndpoint ? Interface : Gateway;
        foreach (var bucket in (string[])["amzn-s3-demo-bucket1", "amzn-s3-demo-bucket2", "amzn-s3-demo-bucket", "awsexamplebucket1", "example_bucket", "bucket_name"])
            policy = policy.Replace(bucket, GatewayEndpointLab.Bucket, StringComparison.Ordinal);
        return policy.Replace("vpce-1a2b3c4d", vpce.Value, StringComparison.Ordinal)
            .Replace("vpc-111bbb22", _lab.Vpc.Value, StringComparison.Ordinal)
            .Replace("172.31.0.0/16", "10.0.1.0/24", StringComparison.Ordinal)
            .Replace("role_name", RoleName, StringComparison.Ordinal)
            .Replace("111122223333", account, StringComparison.Ordinal)
            .Replace("123456789012", account, StringComparison.Ordinal);
    }

    /// <summary>The world with <paramref name="policy"/> (already filled) put in its place.</summary>
    public CompiledNetwork With(PolicyPlace place, string policy)
    {
        var n = _base;
        n = place switch
        {
            PolicyPlace.GatewayEndpoint => n with { VpcEndpoints = n.VpcEndpoints.SetItem(Gateway, n.VpcEndpoints[Gateway] with { PolicyDocument = policy }) },
            PolicyPlace.InterfaceEndpoint => n with { VpcEndpoints = n.VpcEndpoints.SetItem(Interface, n.VpcEndpoints[Interface] with { PolicyDocument = policy }) },
            _ => n with { Buckets = n.Buckets.SetItem(GatewayEndpointLab.Bucket, n.Buckets[GatewayEndpointLab.Bucket] with { Policy = policy }) },
        };
        return CompiledNetwork.Compile(n);
    }

    /// <summary>Any world's endpoints keep the default policy unless a row puts one there.</summary>
    public static S3RequestTrace Trace(CompiledNetwork world, ExampleRoute route, S3Request request, PolicyExampleWorld lab)
    {
        var from = route == ExampleRoute.Internet ? "public-1" : "private-1";
        if (route == ExampleRoute.InterfaceEndpoint)
            request = request with { VpcEndpointId = lab.Interface.Value };
        var trace = S3RequestTracer.Trace(world, new EndpointResolver(world.Network).Resolve(from), request with { RequestTime = LabClock });
        trace.Network.AssertWellFormed();
        return trace;
    }

    public static RequestPrincipal RoleSession(string account, string role = RoleName) =>
        RequestPrincipal.FromArn($"arn:aws:sts::{account}:assumed-role/{role}/session-1");
}
