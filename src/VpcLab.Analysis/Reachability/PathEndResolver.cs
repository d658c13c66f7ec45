using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.Reachability;

/// <summary>A path's source and destination: an id or ARN of a resource RA analyses, visible to the caller
/// (docs/semantics.md#errors, docs/semantics.md#ra-endpoints).</summary>
public static class PathEndResolver
{
    /// <summary>Types RA accepts as a source or destination that VpcLab does not model yet.</summary>
    private static readonly string[] s_unmodelledPrefixes = ["tgw-attach-", "tgw-", "vgw-", "vpce-svc-", "pcx-"];

    private const string Supported = "instances, network interfaces, internet gateways and VPC endpoints";

    /// <summary>An id or ARN of an instance, network interface, internet gateway or VPC endpoint of the caller, in
    /// its Region.</summary>
    public static PathEndpoint Resolve(string value, string parameter, RequestContext ctx, Network network)
    {
        string? arn = value.StartsWith("arn:", StringComparison.Ordinal) ? value : null;
        string id = arn is null ? value : IdOfArn(value, parameter, ctx);

        var caller = new ResourceCaller(ctx.Account, ctx.Region, default);
        PathEndpointKind kind;
        string arnType;
        if (id.StartsWith("eni-", StringComparison.Ordinal))
        {
            ResourceKinds.NetworkInterface.Require(network, id, caller);
            (kind, arnType) = (PathEndpointKind.NetworkInterface, "network-interface");
        }
        else if (id.StartsWith("igw-", StringComparison.Ordinal))
        {
            ResourceKinds.InternetGateway.Require(network, id, caller);
            (kind, arnType) = (PathEndpointKind.InternetGateway, "internet-gateway");
        }
        else if (id.StartsWith("i-", StringComparison.Ordinal))
        {
            // A terminated instance is gone for Reachability Analyzer, though Describe still lists it for a while.
            if (ResourceKinds.Instance.Require(network, id, caller).State == InstanceState.Terminated)
                throw ResourceKinds.Instance.NotFound(id);
            (kind, arnType) = (PathEndpointKind.Instance, "instance");
        }
        else if (s_unmodelledPrefixes.Any(p => id.StartsWith(p, StringComparison.Ordinal)))
        {
            throw Ec2Errors.InvalidParameterValue(
                $"Value ({value}) for parameter {parameter} is invalid. VpcLab supports {Supported} as a source or destination.");
        }
        else if (id.StartsWith("vpce-", StringComparison.Ordinal))
        {
            ResourceKinds.VpcEndpoint.Require(network, id, caller);
            (kind, arnType) = (PathEndpointKind.VpcEndpoint, "vpc-endpoint");
        }
        else
        {
            throw Ec2Errors.InvalidParameterValue(
                $"Value ({value}) for parameter {parameter} is invalid. It must be the ID or ARN of one of: {Supported}.");
        }
        return new PathEndpoint(kind, id, arn ?? Arn(ctx, arnType, id));
    }

    /// <summary>The id in an ARN of a resource type RA takes (arn:&lt;partition&gt;:ec2:&lt;region&gt;:&lt;account&gt;:&lt;type&gt;/&lt;id&gt;),
    /// of the caller in its Region.</summary>
    private static string IdOfArn(string value, string parameter, RequestContext ctx)
    {
        var parts = value.Split(':');
        var slash = parts.Length == 6 ? parts[5].IndexOf('/', StringComparison.Ordinal) : -1;
        if (parts.Length != 6 || parts[2] != "ec2" || slash <= 0)
            throw Ec2Errors.InvalidParameterValue($"Value ({value}) for parameter {parameter} is invalid. It is not a valid EC2 resource ARN.");
        var type = parts[5][..slash];
        var id = parts[5][(slash + 1)..];
        var expected = type switch
        {
            "instance" => "i-",
            "network-interface" => "eni-",
            "internet-gateway" => "igw-",
            "vpc-endpoint" => "vpce-",
            _ => throw Ec2Errors.InvalidParameterValue(
                $"Value ({value}) for parameter {parameter} is invalid. VpcLab supports {Supported} as a source or destination."),
        };
        if (!id.StartsWith(expected, StringComparison.Ordinal))
            throw Ec2Errors.InvalidParameterValue($"Value ({value}) for parameter {parameter} is invalid. The resource type does not match the id.");
        // Another account's or Region's resource is not visible to the caller: not found, as for a plain id.
        if (parts[3] != ctx.Region || parts[4] != ctx.Account.Value)
            throw NotFound(id);
        return id;
    }

    /// <summary>arn:aws:ec2:&lt;region&gt;:&lt;account&gt;:&lt;type&gt;/&lt;id&gt; of a resource of the caller.</summary>
    internal static string Arn(RequestContext ctx, string type, string id) =>
        $"arn:aws:ec2:{ctx.Region}:{ctx.Account.Value}:{type}/{id}";

    private static Ec2Exception NotFound(string id) =>
        (ResourceKinds.ForId(id) ?? ResourceKinds.Instance).NotFound(id);
}
