using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using VpcLab.Model;

namespace VpcLab.Engine.Dns;

/// <summary>The Amazon DNS resolver of every VPC of a <see cref="Network"/> snapshot, and public DNS for the
/// internet. Immutable and thread-safe: build once per snapshot (<see cref="For"/> caches it) and ask from any
/// thread. Names come from <see cref="IDnsRecordSource"/>s asked in order, so more kinds of record (interface
/// endpoint names, private hosted zones) are new sources placed before the EC2 hostnames they override.</summary>
public sealed class DnsResolver
{
    /// <summary>The <c>from</c> of a query asked from outside every VPC (public DNS).</summary>
    public const string Internet = "internet";

    private static readonly ConditionalWeakTable<Network, DnsResolver> Cache = [];

    private readonly Network _network;
    private readonly ImmutableArray<IDnsRecordSource> _sources;

    private DnsResolver(Network network, ImmutableArray<IDnsRecordSource> sources)
    {
        _network = network;
        _sources = sources;
    }

    /// <summary>The snapshot this resolver answers for.</summary>
    public Network Network => _network;

    /// <summary>The record sources of a snapshot, in the order they are asked.</summary>
    public static ImmutableArray<IDnsRecordSource> DefaultSources(Network network) =>
        [new VpcEndpointDnsSource(network), new LoadBalancerDnsSource(network), new Ec2HostnameSource(network), new Ec2ResourceNameSource(network)];

    /// <summary>Builds a resolver with the default record sources.</summary>
    public static DnsResolver Build(Network network) => Build(network, DefaultSources(network));

    /// <summary>Builds a resolver that asks <paramref name="sources"/> in order.</summary>
    public static DnsResolver Build(Network network, ImmutableArray<IDnsRecordSource> sources)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new DnsResolver(network, sources.IsDefault ? [] : sources);
    }

    /// <summary>The resolver of a snapshot with the default sources, built once and kept while the snapshot lives.</summary>
    public static DnsResolver For(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return Cache.GetValue(network, Build);
    }

    /// <summary>Resolves <paramref name="name"/> as asked from <paramref name="from"/>: a VPC id, a VPC's Name tag,
    /// a subnet id or Name tag (its VPC's resolver, with the subnet's DNS64 setting), or <see cref="Internet"/>.</summary>
    /// <exception cref="DnsQueryException">The name is not a DNS name, or <paramref name="from"/> names no VPC.</exception>
    public DnsAnswer Resolve(string from, string name)
    {
        ArgumentNullException.ThrowIfNull(from);
        from = from.Trim();
        if (string.Equals(from, Internet, StringComparison.OrdinalIgnoreCase))
            return Resolve((Vpc?)null, name);
        if (FindSubnet(from) is { } subnet)
            return Resolve(subnet.Id, name);
        return Resolve(FindVpc(from), name);
    }

    /// <summary>Resolves <paramref name="name"/> as asked by an instance in subnet <paramref name="from"/>: its VPC's
    /// resolver, and with the subnet's EnableDns64 on, synthesised 64:ff9b::/96 addresses for a name that has IPv4
    /// addresses only (VPC User Guide, "DNS64 and NAT64"; docs/semantics.md#dns64).</summary>
    public DnsAnswer Resolve(SubnetId from, string name)
    {
        if (!_network.Subnets.TryGetValue(from, out var subnet))
            throw new DnsQueryException($"The subnet '{from}' does not exist.");
        var answer = Resolve(_network.Vpcs.GetValueOrDefault(subnet.VpcId), name);
        return subnet.EnableDns64 ? Dns64.Synthesise(answer, subnet.Id) : answer;
    }

    /// <summary>Resolves <paramref name="name"/> as asked by an instance in <paramref name="from"/> (null: the internet).</summary>
    public DnsAnswer Resolve(VpcId? from, string name)
    {
        Vpc? vpc = null;
        if (from is { } id && !_network.Vpcs.TryGetValue(id, out vpc))
            throw new DnsQueryException($"The VPC '{id}' does not exist.");
        return Resolve(vpc, name);
    }

    private DnsAnswer Resolve(Vpc? from, string name)
    {
        var query = new DnsQuery(CheckedName(name), from);
        if (from is { EnableDnsSupport: false })
        {
            return new DnsAnswer(query.Name, query.FromText, DnsStatus.NoResolver, DnsRule.DnsSupportDisabled, [],
                $"{from.Id} has DNS support off: its Amazon DNS resolver does not answer");
        }
        DnsAnswer? negative = null;
        foreach (var source in _sources)
        {
            if (source.Answer(query) is not { } answer)
                continue;
            if (answer.Resolved)
                return answer;
            negative ??= answer;
        }
        return negative ?? new DnsAnswer(query.Name, query.FromText, DnsStatus.NxDomain, DnsRule.UnknownName, [],
            "no record of this lab has this name (the lab has no internet DNS)");
    }

    /// <summary>A subnet by id or Name tag, or null when <paramref name="text"/> names none (it may name a VPC).</summary>
    private Subnet? FindSubnet(string text)
    {
        if (_network.Subnets.TryGetValue(new SubnetId(text), out var byId))
            return byId;
        var named = _network.Subnets.Values.Where(s => _network.TagsOf(s.Id.Value).Name == text)
            .OrderBy(s => s.Id.Value, StringComparer.Ordinal).ToList();
        if (named.Count > 1)
            throw new DnsQueryException($"'{text}' is ambiguous: it names {string.Join(", ", named.Select(s => s.Id.Value))}. Use an id instead.");
        return named.Count == 1 ? named[0] : null;
    }

    private Vpc FindVpc(string text)
    {
        if (_network.Vpcs.TryGetValue(new VpcId(text), out var byId))
            return byId;
        var named = _network.Vpcs.Values.Where(v => _network.TagsOf(v.Id.Value).Name == text)
            .OrderBy(v => v.Id.Value, StringComparer.Ordinal).ToList();
        return named.Count switch
        {
            1 => named[0],
            0 => throw new DnsQueryException($"'{text}' is not a VPC or subnet id, a VPC's or subnet's Name tag, or '{Internet}'."),
            _ => throw new DnsQueryException($"'{text}' is ambiguous: it names {string.Join(", ", named.Select(v => v.Id.Value))}. Use an id instead."),
        };
    }

    /// <summary>A DNS name: labels of letters, digits and hyphens (1–63 characters each, 253 in all).</summary>
    private static string CheckedName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new DnsQueryException("A host name is required.");
        var normalized = Ec2Hostnames.Normalize(name);
        if (normalized.Length is 0 or > 253)
            throw new DnsQueryException($"'{name}' is not a DNS name (1 to 253 characters).");
        foreach (var label in normalized.Split('.'))
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-'
                || !label.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
                throw new DnsQueryException($"'{name}' is not a DNS name (label '{label}').");
        }
        return normalized;
    }

    /// <summary>True when <paramref name="text"/> looks like a host name rather than an address or an id.</summary>
    public static bool LooksLikeHostName(string text) =>
        !string.IsNullOrWhiteSpace(text) && text.Trim().TrimEnd('.').Contains('.', StringComparison.Ordinal)
        && !text.Contains(':', StringComparison.Ordinal) && !Net.IpAddress.TryParse(text.Trim(), out _);
}
