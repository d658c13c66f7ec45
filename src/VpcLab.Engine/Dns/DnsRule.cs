using System.Collections.Immutable;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Dns;

/// <summary>The rule that decided an answer, so a user learns why a name gave this address (or none).</summary>
public enum DnsRule : byte
{
    /// <summary>ip-10-0-1-5.ec2.internal asked inside the VPC that owns the address: its private IPv4.</summary>
    PrivateHostname,
    /// <summary>A private hostname asked outside its VPC (another VPC, a peer, the internet): NXDOMAIN.</summary>
    PrivateHostnameOutsideItsVpc,
    /// <summary>ec2-203-0-113-5.compute-1.amazonaws.com asked inside the instance's own VPC: its private IPv4.</summary>
    PublicHostnameInsideVpc,
    /// <summary>A public hostname asked from a peer VPC, the owner's side of an active peering allowing DNS
    /// resolution from the remote VPC (AllowDnsResolutionFromRemoteVpc): the private IPv4.</summary>
    PublicHostnameOverPeering,
    /// <summary>A public hostname asked anywhere else (the internet, an unpeered VPC, a peer without the option):
    /// the public IPv4.</summary>
    PublicHostnameToPublicAddress,
    /// <summary>A public hostname of an address whose VPC has DNS hostnames off: AWS never assigned it, NXDOMAIN.</summary>
    PublicHostnameNotAssigned,
    /// <summary>The asking VPC has enableDnsSupport off: no Amazon resolver answers.</summary>
    DnsSupportDisabled,
    /// <summary>No record source knows the name (the lab has no internet DNS): NXDOMAIN.</summary>
    UnknownName,
    /// <summary>An interface endpoint's regional name (vpce-ID-SUFFIX.SERVICE.REGION.vpce.amazonaws.com): public
    /// DNS, resolvable anywhere, to the private addresses of every interface of the endpoint.</summary>
    VpcEndpointRegionalName,
    /// <summary>An interface endpoint's zonal name (…-ZONE.SERVICE.…): the private address of its interface in that
    /// zone only.</summary>
    VpcEndpointZonalName,
    /// <summary>An AWS service's public name asked inside a VPC whose interface endpoint has private DNS on (and the
    /// VPC DNS support and hostnames on): the endpoint's private hosted zone answers with its interfaces' addresses.</summary>
    VpcEndpointPrivateDns,
    /// <summary>An AWS service's public name answered by public DNS: the service's public address (no endpoint with
    /// private DNS in the asking VPC, private DNS off, or the VPC's DNS hostnames off).</summary>
    ServicePublicName,
    /// <summary>A Network Load Balancer's DNS name (NAME-ID.elb.REGION.amazonaws.com): its nodes' addresses, private
    /// for an internal load balancer, public for an internet-facing one.</summary>
    LoadBalancerName,
    /// <summary>An instance's resource name (i-0123456789abcdef0.ec2.internal) asked inside its VPC: the A and AAAA
    /// records its PrivateDnsNameOptions enable (docs/semantics.md#ipv6-only-subnets).</summary>
    ResourceName,
    /// <summary>An instance's resource name whose enabled records have no address (both off, or A on for an
    /// IPv6-only instance): NOERROR, no address.</summary>
    ResourceNameRecordsOff,
}
