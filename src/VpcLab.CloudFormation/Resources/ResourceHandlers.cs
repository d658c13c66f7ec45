using System.Collections.Frozen;
using VpcLab.CloudFormation.Resources.Ec2;
using VpcLab.CloudFormation.Resources.S3;

namespace VpcLab.CloudFormation.Resources;

/// <summary>Every resource type a stack can create, by type name: the EC2 types through the control plane's
/// operations, S3 buckets and policies through its bucket operations, and the stored types of other services.
/// docs/cloudformation.md#resource-types lists them.</summary>
internal static class ResourceHandlers
{
    public static readonly FrozenDictionary<string, ResourceHandler> All = Build().ToFrozenDictionary(h => h.Type, StringComparer.Ordinal);

    public static ResourceHandler? For(string type) => All.GetValueOrDefault(type);

    private static IEnumerable<ResourceHandler> Build()
    {
        yield return new VpcHandler();
        yield return new VpcCidrBlockHandler();
        yield return new SubnetHandler();
        yield return new RouteTableHandler();
        yield return new RouteHandler();
        yield return new SubnetRouteTableAssociationHandler();
        yield return new InternetGatewayHandler();
        yield return new VpcGatewayAttachmentHandler();
        yield return new EgressOnlyInternetGatewayHandler();
        yield return new EipHandler();
        yield return new NatGatewayHandler();
        yield return new SecurityGroupHandler();
        yield return new SecurityGroupRuleHandler(egress: false);
        yield return new SecurityGroupRuleHandler(egress: true);
        yield return new NetworkAclHandler();
        yield return new NetworkAclEntryHandler();
        yield return new SubnetNetworkAclAssociationHandler();
        yield return new InstanceHandler();
        yield return new VpcEndpointHandler();
        yield return new VpcPeeringConnectionHandler();
        yield return new FlowLogHandler();
        yield return new SubnetCidrBlockHandler();
        yield return new EipAssociationHandler();
        yield return new NetworkInterfaceHandler();
        yield return new NetworkInterfaceAttachmentHandler();
        yield return new PrefixListHandler();
        yield return new DhcpOptionsHandler();
        yield return new VpcDhcpOptionsAssociationHandler();
        yield return new VpcEndpointServiceHandler();
        yield return new VpcEndpointServicePermissionsHandler();
        yield return new Elbv2.LoadBalancerHandler();
        yield return new Elbv2.TargetGroupHandler();
        yield return new Elbv2.ListenerHandler();
        yield return new BucketHandler();
        yield return new BucketPolicyHandler();
        foreach (var stored in Stored())
            yield return stored;
    }

    private static IEnumerable<ResourceHandler> Stored()
    {
        static string Iam(ResourceContext c, string kind, string name) => $"arn:aws:iam::{c.Request.Account}:{kind}/{name}";
        yield return new StoredHandler("AWS::IAM::Role", "RoleName", (c, n) => Iam(c, "role", n), ["Arn", "RoleId"]);
        yield return new StoredHandler("AWS::IAM::InstanceProfile", "InstanceProfileName", (c, n) => Iam(c, "instance-profile", n), ["Arn"]);
        yield return new StoredHandler("AWS::IAM::Policy", "PolicyName", (c, n) => Iam(c, "policy", n), ["Id"]);
        yield return new StoredHandler("AWS::IAM::ManagedPolicy", "ManagedPolicyName", (c, n) => Iam(c, "policy", n), ["PolicyArn", "PolicyId"], refIsArn: true);
        yield return new StoredHandler("AWS::SSM::Parameter", "Name", (c, n) => $"arn:aws:ssm:{c.Request.Region}:{c.Request.Account}:parameter/{n.TrimStart('/')}", ["Type", "Value"]);
        yield return new StoredHandler("AWS::Logs::LogGroup", "LogGroupName", (c, n) => $"arn:aws:logs:{c.Request.Region}:{c.Request.Account}:log-group:{n}:*", ["Arn"]);
        yield return new StoredHandler("AWS::Lambda::Function", "FunctionName", (c, n) => $"arn:aws:lambda:{c.Request.Region}:{c.Request.Account}:function:{n}", ["Arn"]);
    }
}
