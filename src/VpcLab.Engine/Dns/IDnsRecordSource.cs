using VpcLab.Model;

namespace VpcLab.Engine.Dns;

/// <summary>One kind of name the Amazon resolver knows (EC2 hostnames today; interface endpoint names and private
/// hosted zones later). Built once per snapshot, immutable, asked from any thread. The resolver asks its sources in
/// order; the first <see cref="DnsStatus.Resolved"/> answer wins, else the first negative answer (which explains
/// why the name does not exist from there), else <see cref="DnsRule.UnknownName"/>.</summary>
public interface IDnsRecordSource
{
    /// <summary>The answer for <paramref name="query"/>, or null when this source does not know the name.</summary>
    DnsAnswer? Answer(DnsQuery query);
}
