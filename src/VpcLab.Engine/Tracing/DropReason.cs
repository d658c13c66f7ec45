namespace VpcLab.Engine;

/// <summary>Why the fast path dropped a flow: one value per explanation code the data plane can produce, so a
/// <see cref="Decision"/> stays a few bytes. <see cref="ExplanationCode.For"/> gives the code string.</summary>
public enum DropReason : byte
{
    None = 0,
    NoRouteToDestination,
    BadStateRoute,
    SubnetAclRestriction,
    EniSgRulesMismatch,
    SgHasNoRules,
    IgwPublicIpAssociationForEgress,
    IgwPrivateIpAssociationForIngress,
    IgwDestinationAddressNotInRfc1918Egress,
    IgwDestinationAddressNotInRfc6598Egress,
    IgwSourceAddressNotInRfc1918Ingress,
    IgwSourceAddressNotInRfc6598Ingress,
    EniSourceDestCheckRestriction,
    ProtocolRestriction,
    NoPath,
    NoPossibleDestination,
    BadState,
    EgressOnlyInboundRefused,
    NatGatewayInboundRefused,
    AsymmetricReturnPath,
    ForwardingLoop,
    DnsSupportDisabled,
    PcxRequiresAddressInVpcCidr,
    NgwRequiresSourceInVpc,
    VpceGatewayProtocolRestriction,
    VpceIntraVpcTraffic,
    ElbV2ListenersMismatch,
    ElbV2ListenerHasNoTg,
    ElbV2NoTargetsInAz,
    VpceServiceNotInstalledInAz,
}
