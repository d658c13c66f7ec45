using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using VpcLab.Model;

namespace VpcLab.Engine.Dns;

/// <summary>A DNS question that cannot be asked: not a name, or from a VPC that does not exist.</summary>
public sealed class DnsQueryException : Exception
{
    public DnsQueryException() { }
    public DnsQueryException(string message) : base(message) { }
    public DnsQueryException(string message, Exception inner) : base(message, inner) { }
}
