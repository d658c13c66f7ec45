namespace VpcLab.Engine;

/// <summary>Reachability Analyzer's explanation codes, exact strings, declared once (spec/reachability.md §1.4).
/// Codes that start with <c>VPCLAB_</c> are ours, for cases RA has no word for; each is documented here and in
/// docs/semantics.md.</summary>
public readonly record struct ExplanationCode(string Value)
{
    // Path not reachable (RA).
    public static readonly ExplanationCode BadState = new("BAD_STATE");
    public static readonly ExplanationCode BadStateRoute = new("BAD_STATE_ROUTE");
    public static readonly ExplanationCode CannotRoute = new("CANNOT_ROUTE");
    public static readonly ExplanationCode EniAddressRestriction = new("ENI_ADDRESS_RESTRICTION");
    public static readonly ExplanationCode EniSgRulesMismatch = new("ENI_SG_RULES_MISMATCH");
    public static readonly ExplanationCode EniSourceDestCheckRestriction = new("ENI_SOURCE_DEST_CHECK_RESTRICTION");
    public static readonly ExplanationCode GatewayRejectsSpoofedTraffic = new("GATEWAY_REJECTS_SPOOFED_TRAFFIC");
    public static readonly ExplanationCode HigherPriorityRoute = new("HIGHER_PRIORITY_ROUTE");
    public static readonly ExplanationCode IgwDestinationAddressInVpcCidrs = new("IGW_DESTINATION_ADDRESS_IN_VPC_CIDRS");
    public static readonly ExplanationCode IgwDestinationAddressNotInRfc1918Egress = new("IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS");
    public static readonly ExplanationCode IgwDestinationAddressNotInRfc6598Egress = new("IGW_DESTINATION_ADDRESS_NOT_IN_RFC6598_EGRESS");
    public static readonly ExplanationCode IgwNatReflection = new("IGW_NAT_REFLECTION");
    public static readonly ExplanationCode IgwPrivateIpAssociationForIngress = new("IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS");
    public static readonly ExplanationCode IgwPublicIpAssociationForEgress = new("IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS");
    public static readonly ExplanationCode IgwSourceAddressNotInRfc1918Ingress = new("IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS");
    public static readonly ExplanationCode IgwSourceAddressNotInRfc6598Ingress = new("IGW_SOURCE_ADDRESS_NOT_IN_RFC6598_INGRESS");
    public static readonly ExplanationCode MoreSpecificRoute = new("MORE_SPECIFIC_ROUTE");
    public static readonly ExplanationCode NgwDestAddressPreservation = new("NGW_DEST_ADDRESS_PRESERVATION");
    public static readonly ExplanationCode NgwRequiresSourceInVpc = new("NGW_REQUIRES_SOURCE_IN_VPC");
    public static readonly ExplanationCode NgwSourceAddressReassign = new("NGW_SOURCE_ADDRESS_REASSIGN");
    public static readonly ExplanationCode NoPossibleDestination = new("NO_POSSIBLE_DESTINATION");
    public static readonly ExplanationCode NoRouteToDestination = new("NO_ROUTE_TO_DESTINATION");
    public static readonly ExplanationCode PcxRequiresAddressInVpcCidr = new("PCX_REQUIRES_ADDRESS_IN_VPC_CIDR");
    public static readonly ExplanationCode ProtocolRestriction = new("PROTOCOL_RESTRICTION");
    public static readonly ExplanationCode RemapEphemeralPort = new("REMAP_EPHEMERAL_PORT");
    public static readonly ExplanationCode SgHasNoRules = new("SG_HAS_NO_RULES");
    public static readonly ExplanationCode SgReferencesNotPreserved = new("SG_REFERENCES_NOT_PRESERVED");
    public static readonly ExplanationCode SubnetAclRestriction = new("SUBNET_ACL_RESTRICTION");
    public static readonly ExplanationCode UnknownDestination = new("UNKNOWN_DESTINATION");
    public static readonly ExplanationCode VpcLocalRouteCidrRestriction = new("VPC_LOCAL_ROUTE_CIDR_RESTRICTION");
    public static readonly ExplanationCode VpceGatewayProtocolRestriction = new("VPCE_GATEWAY_PROTOCOL_RESTRICTION");
    public static readonly ExplanationCode VpceIntraVpcTraffic = new("VPCE_INTRA_VPC_TRAFFIC");
    public static readonly ExplanationCode ElbV2ListenersMismatch = new("ELBV2_LISTENERS_MISMATCH");
    public static readonly ExplanationCode ElbV2ListenerHasNoTg = new("ELBV2_LISTENER_HAS_NO_TG");
    public static readonly ExplanationCode ElbV2NoTargetsInAz = new("ELBV2_NO_TARGETS_IN_AZ");
    public static readonly ExplanationCode VpceServiceNotInstalledInAz = new("VPCE_SERVICE_NOT_INSTALLED_IN_AZ");

    // Additional detail (RA's additionalDetailType), on hops of an accepted path.
    public static readonly ExplanationCode AvailabilityZoneCrossed = new("AVAILABILITY_ZONE_CROSSED");

    // Configuration: no path possible (RA).
    public static readonly ExplanationCode DisconnectedVpcs = new("DISCONNECTED_VPCS");
    public static readonly ExplanationCode NoPath = new("NO_PATH");
    public static readonly ExplanationCode NoSourceOrDestination = new("NO_SOURCE_OR_DESTINATION");
    public static readonly ExplanationCode UnsupportedComponent = new("UNSUPPORTED_COMPONENT");

    // VpcLab's own codes (RA has none for these).

    /// <summary>A connection opened from the internet over IPv6 toward a VPC whose way to the internet is an
    /// egress-only internet gateway: the gateway refuses it (it only returns replies to connections that left
    /// through it).</summary>
    public static readonly ExplanationCode EgressOnlyInboundRefused = new("VPCLAB_EIGW_INBOUND_REFUSED");

    /// <summary>A packet addressed to a NAT gateway that belongs to no connection the gateway opened: nothing
    /// outside can open a connection through (or to) a NAT gateway.</summary>
    public static readonly ExplanationCode NatGatewayInboundRefused = new("VPCLAB_NGW_INBOUND_REFUSED");

    /// <summary>The reply would leave through a stateful gateway (a NAT gateway) that did not carry the request,
    /// so it would reach the client from another address and never match the connection.</summary>
    public static readonly ExplanationCode AsymmetricReturnPath = new("VPCLAB_ASYMMETRIC_RETURN_PATH");

    /// <summary>Routes send the packet round through middleboxes more times than any sane path needs.</summary>
    public static readonly ExplanationCode ForwardingLoop = new("VPCLAB_FORWARDING_LOOP");

    /// <summary>The Amazon DNS resolver does not answer in a VPC whose enableDnsSupport attribute is false.</summary>
    public static readonly ExplanationCode DnsSupportDisabled = new("VPCLAB_DNS_SUPPORT_DISABLED");

    /// <summary>The destination was an AWS service's DNS name that resolved to the service's public address (private
    /// DNS of the VPC's interface endpoint off, the VPC's DNS attributes off, or no endpoint): the path to it is the
    /// internet's, not the endpoint's. Added beside the drop's own code.</summary>
    public static readonly ExplanationCode ServiceNameResolvedToPublicAddress = new("VPCLAB_SERVICE_NAME_RESOLVED_TO_PUBLIC_ADDRESS");

    /// <summary>The network carried an S3 request but a policy refused it: an explicit Deny of the endpoint policy
    /// or the bucket policy, no Allow in the endpoint policy, or (cross-account, anonymous) no Allow in the bucket
    /// policy. The explanation names the policy and the statement (index and Sid).</summary>
    public static readonly ExplanationCode S3AccessDenied = new("VPCLAB_S3_ACCESS_DENIED");

    /// <summary>The network carried a request to an AWS service through a VPC endpoint, but the endpoint policy refused
    /// it: an explicit Deny, or no statement allows it. The explanation names the statement (index and Sid). Ours: RA
    /// analyses paths, not requests (docs/semantics.md#interface-endpoint-policies).</summary>
    public static readonly ExplanationCode VpcEndpointPolicyDenied = new("VPCLAB_VPC_ENDPOINT_POLICY_DENIED");

    /// <summary>On an accepted hop: no rule of the interface's security groups allows the packet, but it is an ICMP
    /// error (destination unreachable, fragmentation needed, time exceeded, ICMPv6 packet too big), which security
    /// groups let through as part of the tracked connection it reports on (EC2 User Guide, Path MTU Discovery).</summary>
    public static readonly ExplanationCode SecurityGroupTrackedIcmpError = new("VPCLAB_SG_TRACKED_ICMP_ERROR");

    public override string ToString() => Value;

    /// <summary>The code that explains a drop reason of the fast path.</summary>
    public static ExplanationCode For(DropReason reason) => reason switch
    {
        DropReason.NoRouteToDestination => NoRouteToDestination,
        DropReason.BadStateRoute => BadStateRoute,
        DropReason.SubnetAclRestriction => SubnetAclRestriction,
        DropReason.EniSgRulesMismatch => EniSgRulesMismatch,
        DropReason.SgHasNoRules => SgHasNoRules,
        DropReason.IgwPublicIpAssociationForEgress => IgwPublicIpAssociationForEgress,
        DropReason.IgwPrivateIpAssociationForIngress => IgwPrivateIpAssociationForIngress,
        DropReason.IgwDestinationAddressNotInRfc1918Egress => IgwDestinationAddressNotInRfc1918Egress,
        DropReason.IgwDestinationAddressNotInRfc6598Egress => IgwDestinationAddressNotInRfc6598Egress,
        DropReason.IgwSourceAddressNotInRfc1918Ingress => IgwSourceAddressNotInRfc1918Ingress,
        DropReason.IgwSourceAddressNotInRfc6598Ingress => IgwSourceAddressNotInRfc6598Ingress,
        DropReason.EniSourceDestCheckRestriction => EniSourceDestCheckRestriction,
        DropReason.ProtocolRestriction => ProtocolRestriction,
        DropReason.NoPath => NoPath,
        DropReason.NoPossibleDestination => NoPossibleDestination,
        DropReason.BadState => BadState,
        DropReason.EgressOnlyInboundRefused => EgressOnlyInboundRefused,
        DropReason.NatGatewayInboundRefused => NatGatewayInboundRefused,
        DropReason.AsymmetricReturnPath => AsymmetricReturnPath,
        DropReason.ForwardingLoop => ForwardingLoop,
        DropReason.DnsSupportDisabled => DnsSupportDisabled,
        DropReason.PcxRequiresAddressInVpcCidr => PcxRequiresAddressInVpcCidr,
        DropReason.NgwRequiresSourceInVpc => NgwRequiresSourceInVpc,
        DropReason.VpceGatewayProtocolRestriction => VpceGatewayProtocolRestriction,
        DropReason.VpceIntraVpcTraffic => VpceIntraVpcTraffic,
        DropReason.ElbV2ListenersMismatch => ElbV2ListenersMismatch,
        DropReason.ElbV2ListenerHasNoTg => ElbV2ListenerHasNoTg,
        DropReason.ElbV2NoTargetsInAz => ElbV2NoTargetsInAz,
        DropReason.VpceServiceNotInstalledInAz => VpceServiceNotInstalledInAz,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "No explanation code for this reason."),
    };
}
