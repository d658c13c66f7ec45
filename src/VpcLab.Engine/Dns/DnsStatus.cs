using System.Collections.Immutable;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Dns;

/// <summary>What the Amazon DNS resolver did with a query.</summary>
public enum DnsStatus : byte
{
    /// <summary>NOERROR with one or more addresses.</summary>
    Resolved,
    /// <summary>NXDOMAIN: the name does not exist as seen from where it was asked.</summary>
    NxDomain,
    /// <summary>Nothing answered: the asking VPC has DNS support off, so its Amazon resolver is not there.</summary>
    NoResolver,
    /// <summary>NOERROR with no address: the name exists but has no record of the asked type (a resource name whose
    /// A and AAAA records are off).</summary>
    NoData,
}
