using VpcLab.ControlPlane.Errors;

namespace VpcLab.ControlPlane;

/// <summary>The AccountAttributes operations.</summary>
public sealed class AccountAttributeOperations
{
    private readonly ControlPlaneState _state;

    internal AccountAttributeOperations(ControlPlaneState state)
    {
        _state = state;
    }

    /// <summary>The instance limit AWS reports as max-instances for a new account (the lab does not limit instances).</summary>
    public const int MaxInstancesAttribute = 20;

    private static readonly string[] s_requestableAccountAttributes = ["supported-platforms", "default-vpc"];

    /// <summary>DescribeAccountAttributes, which the AWS CLI, Terraform and the console call to learn the
    /// platform (always VPC) and the Region's default VPC ("none" when there is none), with the quotas an account
    /// sees, in the order AWS lists them. Only supported-platforms and default-vpc may be asked for by name
    /// (the model's enum); another name is InvalidParameterValue.</summary>
    public DescribeAccountAttributesResult DescribeAccountAttributes(RequestContext ctx, DescribeAccountAttributesRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var defaultVpc = DefaultVpcLookup.Find(tx);
            var all = new List<AccountAttribute>
            {
                new("vpc-max-security-groups-per-interface", [Wire.Int(tx.Quotas.SecurityGroupsPerNetworkInterface)]),
                new("max-instances", [Wire.Int(MaxInstancesAttribute)]),
                new("supported-platforms", ["VPC"]),
                new("default-vpc", [defaultVpc?.Id.Value ?? "none"]),
                new("max-elastic-ips", [Wire.Int(tx.Quotas.ElasticIpsPerRegion)]),
                new("vpc-max-elastic-ips", [Wire.Int(tx.Quotas.ElasticIpsPerRegion)]),
            };
            if (request.AttributeNames is not { Count: > 0 } names)
                return new DescribeAccountAttributesResult(all);
            foreach (var name in names)
            {
                if (!s_requestableAccountAttributes.Contains(name, StringComparer.Ordinal))
                    throw Ec2Errors.InvalidParameterValue($"Value ({name}) for parameter attributeName is invalid. Valid values: supported-platforms, default-vpc");
            }
            return new DescribeAccountAttributesResult([.. all.Where(a => names.Contains(a.AttributeName, StringComparer.Ordinal))]);
        });
}
