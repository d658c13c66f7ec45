namespace VpcLab.ControlPlane.Errors;

/// <summary>Network ACL and entry errors.</summary>
public static class NetworkAclErrors
{
    public static readonly Ec2ErrorCode NetworkAclEntryAlreadyExistsCode = new("NetworkAclEntryAlreadyExists");
    public static readonly Ec2ErrorCode InvalidNetworkAclEntryNotFound = new("InvalidNetworkAclEntry.NotFound");
    public static readonly Ec2ErrorCode NetworkAclEntryLimitExceededCode = new("NetworkAclEntryLimitExceeded");
    public static readonly Ec2ErrorCode NetworkAclLimitExceededCode = new("NetworkAclLimitExceeded");

    public static Ec2Exception NetworkAclEntryAlreadyExists(int ruleNumber) =>
        new(NetworkAclEntryAlreadyExistsCode, $"The network acl entry identified by {Ec2Errors.S(ruleNumber)} already exists.");

    public static Ec2Exception NetworkAclEntryNotFound(int ruleNumber, bool egress, string aclId) =>
        new(InvalidNetworkAclEntryNotFound, $"The network acl entry identified by {Ec2Errors.S(ruleNumber)} ({(egress ? "egress" : "ingress")}) does not exist in {aclId}.");

    public static Ec2Exception NetworkAclRuleNumberOutOfRange(int ruleNumber) =>
        new(Ec2Errors.InvalidParameterValueCode, $"Value ({Ec2Errors.S(ruleNumber)}) for parameter ruleNumber is invalid. Rule number must be between 1 and 32766.");

    public static Ec2Exception NetworkAclEntryLimitExceeded(string aclId) =>
        new(NetworkAclEntryLimitExceededCode, $"The maximum number of entries has been reached for network acl {aclId}.");

    public static Ec2Exception NetworkAclLimitExceeded(string vpcId) =>
        new(NetworkAclLimitExceededCode, $"The maximum number of network acls has been reached for vpc {vpcId}.");

    public static Ec2Exception CannotDeleteDefaultNetworkAcl(string id) =>
        new(Ec2Errors.InvalidParameterValueCode, $"cannot delete default network ACL {id}");

    public static Ec2Exception NetworkAclInUse(string id) =>
        new(Ec2Errors.DependencyViolationCode, $"The network ACL '{id}' has dependencies and cannot be deleted.");

    public static Ec2Exception NetworkAclInOtherVpc(string aclId, string vpcId) =>
        new(Ec2Errors.InvalidParameterValueCode, $"Network ACL {aclId} does not belong to vpc {vpcId}.");
}
