using System.Text.Json.Nodes;
using VpcLab.CloudFormation.Stacks;
using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.CloudFormation.Parameters;

/// <summary>The checks CloudFormation makes of AWS-specific parameter types when the stack runs: a VPC, subnet,
/// security group or instance id must exist in the account and Region, a zone must be one of the Region's; an
/// <c>AWS::SSM::Parameter::Value&lt;…&gt;</c> is replaced by the parameter's value. A failure fails the stack
/// (ROLLBACK_COMPLETE) with AWS's reason.
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-supplied-parameter-types.html</summary>
internal static class WorldParameterCheck
{
    public static IReadOnlyList<BoundParameter> Resolve(Stack stack, Ec2ControlPlane controlPlane)
    {
        var result = new List<BoundParameter>();
        foreach (var parameter in stack.Parameters)
        {
            if (ParameterBinder.IsSsmValue(parameter.Type))
            {
                result.Add(Ssm(stack.Context, parameter, controlPlane));
                continue;
            }
            var itemType = parameter.Type.StartsWith("List<AWS::", StringComparison.Ordinal) ? parameter.Type[5..^1] : parameter.Type;
            var items = parameter.Type.StartsWith("List<", StringComparison.Ordinal) ? parameter.Value.Split(',') : [parameter.Value];
            foreach (var item in items.Where(i => !Exists(controlPlane, stack.Context, itemType, i)))
                throw CloudFormationException.Validation($"Parameter validation failed: parameter value {item} for parameter name {parameter.Key} does not exist");
            result.Add(parameter);
        }
        return result;
    }

    private static BoundParameter Ssm(RequestContext context, BoundParameter parameter, Ec2ControlPlane controlPlane)
    {
        var value = controlPlane.Parameters.TryResolve(context.Region, parameter.Value) // AWS's public parameters: docs/cloudformation.md#ssm-parameters
            ?? throw CloudFormationException.Validation($"Unable to fetch parameters [{parameter.Value}] from parameter store for this account");
        var list = parameter.Type.Contains("List<", StringComparison.Ordinal) || parameter.Type.Contains("CommaDelimitedList", StringComparison.Ordinal);
        return parameter with
        {
            ResolvedValue = value,
            RefValue = list ? new JsonArray([.. value.Split(',').Select(s => (JsonNode)JsonValue.Create(s))]) : JsonValue.Create(value),
        };
    }

    private static bool Exists(Ec2ControlPlane controlPlane, RequestContext context, string type, string value)
    {
        var n = controlPlane.Network;
        bool Mine(AccountId owner, string region) => owner == context.Account && region == context.Region;
        return type switch
        {
            "AWS::EC2::VPC::Id" => n.Vpcs.TryGetValue(new VpcId(value), out var vpc) && Mine(vpc.OwnerId, vpc.Region),
            "AWS::EC2::Subnet::Id" => n.Subnets.TryGetValue(new SubnetId(value), out var subnet) && Mine(subnet.OwnerId, subnet.Region),
            "AWS::EC2::SecurityGroup::Id" => n.SecurityGroups.TryGetValue(new SecurityGroupId(value), out var group) && Mine(group.OwnerId, group.Region),
            "AWS::EC2::Instance::Id" => n.Instances.TryGetValue(new InstanceId(value), out var instance) && Mine(instance.OwnerId, instance.Region),
            "AWS::EC2::AvailabilityZone::Name" => controlPlane.Regions.TryGetValue(context.Region, out var region) && region.Zones.Any(z => z.Name == value),
            _ => true,
        };
    }
}
