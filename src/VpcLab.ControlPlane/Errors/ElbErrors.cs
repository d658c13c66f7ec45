namespace VpcLab.ControlPlane.Errors;

/// <summary>Elastic Load Balancing v2's error codes (its API reference, each action's Errors section), all HTTP
/// 400 and all Sender faults. Messages follow AWS's where known (docs/semantics.md#network-load-balancers).</summary>
public static class ElbErrors
{
    public static readonly Ec2ErrorCode ValidationErrorCode = new("ValidationError");
    public static readonly Ec2ErrorCode LoadBalancerNotFoundCode = new("LoadBalancerNotFound");
    public static readonly Ec2ErrorCode DuplicateLoadBalancerNameCode = new("DuplicateLoadBalancerName");
    public static readonly Ec2ErrorCode SubnetNotFoundCode = new("SubnetNotFound");
    public static readonly Ec2ErrorCode InvalidSubnetCode = new("InvalidSubnet");
    public static readonly Ec2ErrorCode InvalidSecurityGroupCode = new("InvalidSecurityGroup");
    public static readonly Ec2ErrorCode InvalidConfigurationRequestCode = new("InvalidConfigurationRequest");
    public static readonly Ec2ErrorCode InvalidSchemeCode = new("InvalidScheme");
    public static readonly Ec2ErrorCode OperationNotPermittedCode = new("OperationNotPermitted");
    public static readonly Ec2ErrorCode TargetGroupNotFoundCode = new("TargetGroupNotFound");
    public static readonly Ec2ErrorCode DuplicateTargetGroupNameCode = new("DuplicateTargetGroupName");
    public static readonly Ec2ErrorCode InvalidTargetCode = new("InvalidTarget");
    public static readonly Ec2ErrorCode ResourceInUseCode = new("ResourceInUse");
    public static readonly Ec2ErrorCode ListenerNotFoundCode = new("ListenerNotFound");
    public static readonly Ec2ErrorCode DuplicateListenerCode = new("DuplicateListener");
    public static readonly Ec2ErrorCode UnsupportedProtocolCode = new("UnsupportedProtocol");
    public static readonly Ec2ErrorCode IncompatibleProtocolsCode = new("IncompatibleProtocols");
    public static readonly Ec2ErrorCode TargetGroupAssociationLimitCode = new("TargetGroupAssociationLimit");

    public static Ec2Exception LoadBalancerInUseByEndpointService(string arn, string serviceId) =>
        new(ResourceInUseCode, $"Load balancer '{arn}' cannot be deleted because it is currently associated with another service ({serviceId})");

    public static Ec2Exception Validation(string message) => new(ValidationErrorCode, message);

    public static Ec2Exception MissingParameter(string parameter) =>
        Validation($"A value for '{parameter}' must be specified");

    public static Ec2Exception LoadBalancersNotFound(IEnumerable<string> arnsOrNames) =>
        new(LoadBalancerNotFoundCode, $"Load balancers '[{string.Join(", ", arnsOrNames)}]' not found");

    public static Ec2Exception LoadBalancerNotFound() => new(LoadBalancerNotFoundCode, "One or more load balancers not found");

    public static Ec2Exception DuplicateLoadBalancerName(string name) =>
        new(DuplicateLoadBalancerNameCode, $"A load balancer with the same name '{name}' exists, but with different settings");

    public static Ec2Exception SubnetNotFound(string subnet) => new(SubnetNotFoundCode, $"The subnet ID '{subnet}' is not valid");

    public static Ec2Exception SubnetsInOtherVpcs() =>
        new(InvalidSubnetCode, "Subnets must all be in the same VPC");

    public static Ec2Exception TwoSubnetsInOneZone(string zone) =>
        new(InvalidConfigurationRequestCode, $"A load balancer cannot be attached to multiple subnets in the same Availability Zone '{zone}'");

    public static Ec2Exception InvalidSecurityGroup(string group) =>
        new(InvalidSecurityGroupCode, $"Security group '{group}' does not exist");

    public static Ec2Exception NoInternetGateway(string vpc) =>
        new(InvalidSubnetCode, $"VPC {vpc} has no internet gateway");

    public static Ec2Exception DeletionProtected(string arn) =>
        new(OperationNotPermittedCode, $"Load balancer '{arn}' cannot be deleted because deletion protection is enabled");

    public static Ec2Exception TargetGroupsNotFound() => new(TargetGroupNotFoundCode, "One or more target groups not found");

    public static Ec2Exception TargetGroupNotFound(string arn) => new(TargetGroupNotFoundCode, $"Target groups '{arn}' not found");

    public static Ec2Exception DuplicateTargetGroupName(string name) =>
        new(DuplicateTargetGroupNameCode, $"A target group with the same name '{name}' exists, but with different settings");

    public static Ec2Exception InvalidTarget(string message) => new(InvalidTargetCode, message);

    public static Ec2Exception TargetGroupInUse(string arn) =>
        new(ResourceInUseCode, $"Target group '{arn}' is currently in use by a listener or a rule");

    public static Ec2Exception ListenerNotFound() => new(ListenerNotFoundCode, "One or more listeners not found");

    public static Ec2Exception DuplicateListener() => new(DuplicateListenerCode, "A listener already exists on that port");

    public static Ec2Exception UnsupportedProtocol(string protocol) =>
        new(UnsupportedProtocolCode, $"Protocol '{protocol}' is not supported by load balancers of type 'network'");

    public static Ec2Exception IncompatibleProtocols(string listener, string targetGroup) =>
        new(IncompatibleProtocolsCode, $"The listener protocol '{listener}' is not compatible with the target group protocol '{targetGroup}'");

    public static Ec2Exception OneTargetGroupPerAction() =>
        new(TargetGroupAssociationLimitCode, "You cannot specify multiple target groups in a single action with a load balancer of type 'network'");

    public static Ec2Exception CertificateRequired() => Validation("A certificate must be specified for TLS listeners");

    public static Ec2Exception TargetGroupOnOtherLoadBalancer(string arn) =>
        new(TargetGroupAssociationLimitCode, $"The following target groups cannot be associated with more than one load balancer: {arn}");
}
