namespace VpcLab.ControlPlane.Errors;

/// <summary>Security group and security group rule errors.</summary>
public static class SecurityGroupErrors
{
    public static readonly Ec2ErrorCode InvalidGroupDuplicate = new("InvalidGroup.Duplicate");
    public static readonly Ec2ErrorCode InvalidGroupReserved = new("InvalidGroup.Reserved");
    public static readonly Ec2ErrorCode CannotDeleteCode = new("CannotDelete");
    public static readonly Ec2ErrorCode InvalidPermissionDuplicate = new("InvalidPermission.Duplicate");
    public static readonly Ec2ErrorCode InvalidPermissionNotFound = new("InvalidPermission.NotFound");
    public static readonly Ec2ErrorCode InvalidPermissionMalformed = new("InvalidPermission.Malformed");
    public static readonly Ec2ErrorCode RulesPerSecurityGroupLimitExceededCode = new("RulesPerSecurityGroupLimitExceeded");
    public static readonly Ec2ErrorCode SecurityGroupLimitExceededCode = new("SecurityGroupLimitExceeded");
    public static readonly Ec2ErrorCode SecurityGroupsPerInterfaceLimitExceededCode = new("SecurityGroupsPerInterfaceLimitExceeded");

    /// <summary>DescribeSecurityGroupRules' group-id filter with a value that is no group id (AWS's wording).</summary>
    public static Ec2Exception GroupIdFilterMalformed(string value) =>
        new(ResourceIdErrors.InvalidGroupIdMalformed, $"The security group ID '{value}' is malformed");

    public static Ec2Exception SecurityGroupNameNotFoundInDefaultVpc(string name, string vpcId) =>
        new(ResourceIdErrors.InvalidGroupNotFound, $"The security group '{name}' does not exist in default VPC '{vpcId}'");

    public static Ec2Exception SecurityGroupNameNotFound(string name, string? vpcId) =>
        new(ResourceIdErrors.InvalidGroupNotFound, vpcId is null
            ? $"The security group '{name}' does not exist in default VPC"
            : $"The security group '{name}' does not exist in VPC '{vpcId}'");

    public static Ec2Exception SecurityGroupDuplicate(string name, string vpcId) =>
        new(InvalidGroupDuplicate, $"The security group '{name}' already exists for VPC '{vpcId}'");

    public static Ec2Exception SecurityGroupNameReserved() =>
        new(InvalidGroupReserved, "The security group 'default' is reserved");

    public static Ec2Exception SecurityGroupNameStartsWithSg() =>
        new(Ec2Errors.InvalidParameterValueCode, "Group names may not be in the format sg-*");

    public static Ec2Exception CannotDeleteDefaultGroup(string id) =>
        new(CannotDeleteCode, $"the specified group: \"{id}\" name: \"default\" cannot be deleted by a user");

    public static Ec2Exception SecurityGroupInUse(string id) =>
        new(Ec2Errors.DependencyViolationCode, $"resource {id} has a dependent object");

    public static Ec2Exception PermissionDuplicate(string groupId, string detail) =>
        new(InvalidPermissionDuplicate, $"the specified rule \"{detail}\" already exists in group {groupId}");

    public static Ec2Exception PermissionNotFound() =>
        new(InvalidPermissionNotFound, "The specified rule does not exist in this security group.");

    public static Ec2Exception PermissionMalformed(string message) => new(InvalidPermissionMalformed, message);

    public static Ec2Exception RulesPerSecurityGroupLimitExceeded() =>
        new(RulesPerSecurityGroupLimitExceededCode, "The maximum number of rules per security group has been reached.");

    public static Ec2Exception SecurityGroupLimitExceeded() =>
        new(SecurityGroupLimitExceededCode, "The maximum number of security groups has been reached.");

    public static Ec2Exception TooManySecurityGroups(int limit) =>
        new(SecurityGroupsPerInterfaceLimitExceededCode, $"The maximum number of security groups per interface has been reached ({Ec2Errors.S(limit)}).");

    public static Ec2Exception SecurityGroupInOtherVpc(string groupId) =>
        new(Ec2Errors.InvalidParameterCode, $"Security group {groupId} and subnet belong to different networks.");

    /// <summary>Choice (docs/semantics.md#modify-sg-rules): AWS documents the rule but not its code.</summary>
    public static Ec2Exception RuleTypeUnchangeable(string ruleId, string parameter) =>
        new(Ec2Errors.InvalidParameterValueCode, $"The rule type of security group rule '{ruleId}' cannot be changed: use {parameter}.");

    public static Ec2Exception DescriptionInvalid(string parameter) =>
        new(Ec2Errors.InvalidParameterValueCode, $"Invalid {parameter}: it must be at most 255 characters of a-zA-Z0-9 ._-:/()#,@[]+=&;{{}}!$*");
}
