using System.Collections.Immutable;
using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>A private IPv4 of an interface, with the public IPv4 AWS auto-assigned to it at launch, if any
/// (Elastic IP associations live on <see cref="ElasticIpAddress"/>).</summary>
public sealed record PrivateIpAddress(IpAddress Address, bool Primary, IpAddress? AutoAssignedPublicIp);
