using VpcLab.Model;

namespace VpcLab.Engine.Dns;

/// <summary>A query as a record source sees it: the name (lowercase, no trailing dot) and the asking VPC (null
/// for the internet). The VPC has DNS support on: the resolver answers <see cref="DnsRule.DnsSupportDisabled"/>
/// itself.</summary>
public sealed record DnsQuery(string Name, Vpc? From)
{
    public string FromText => From?.Id.Value ?? DnsResolver.Internet;
}
