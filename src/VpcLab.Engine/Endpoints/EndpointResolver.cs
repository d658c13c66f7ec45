using VpcLab.Engine.Dns;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

/// <summary>Turns what a user types into a <see cref="TraceEndpoint"/>: an instance id (i-…), an interface id
/// (eni-…), the Name tag of an instance or interface, or an IP address (optionally "name:address" or
/// "id:address" to pick one address of a multi-address interface), or a DNS name (ip-10-0-1-5.ec2.internal, a
/// public EC2 hostname) resolved by the Amazon DNS resolver of the source's VPC. Unknown text is an error that
/// names it. The DNS answers given are kept in <see cref="Resolutions"/> so they can be shown with the trace.</summary>
public sealed class EndpointResolver
{
    private readonly Network _network;
    private readonly List<DnsAnswer> _resolutions = [];

    public EndpointResolver(Network network) => _network = network;

    /// <summary>The DNS answers this resolver used, in the order asked.</summary>
    public IReadOnlyList<DnsAnswer> Resolutions => _resolutions;

    /// <summary>Resolves a destination as seen from <paramref name="source"/>: a DNS name is asked of the source
    /// VPC's Amazon DNS resolver (public DNS when the source is outside every VPC).</summary>
    public TraceEndpoint Resolve(string text, TraceEndpoint source) => Resolve(text, () => VpcOf(source), source);

    /// <summary>Resolves an endpoint with no other end to ask from: a DNS name is asked of public DNS.</summary>
    public TraceEndpoint Resolve(string text) => Resolve(text, static () => null, null);

    private TraceEndpoint Resolve(string text, Func<VpcId?> askFrom, TraceEndpoint? source)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new TraceRequestException("An endpoint is required: an instance or interface id, a Name tag, or an IP address.");
        text = text.Trim();
        if (IpAddress.TryParse(text, out var address))
            return TraceEndpoint.ForAddress(address);

        // "web-1:10.0.0.7" or "eni-…:2600::1" picks one address; IPv6 text has colons too, so split at the first.
        IpAddress? selected = null;
        string name = text;
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && IpAddress.TryParse(text[(colon + 1)..], out var picked))
        {
            name = text[..colon];
            selected = picked;
        }

        if (name.StartsWith(IdPrefixes.Instance + "-", StringComparison.Ordinal)
            && _network.Instances.ContainsKey(new InstanceId(name)))
            return TraceEndpoint.Instance(new InstanceId(name), selected);
        if (name.StartsWith(IdPrefixes.NetworkInterface + "-", StringComparison.Ordinal)
            && _network.NetworkInterfaces.ContainsKey(new NetworkInterfaceId(name)))
            return TraceEndpoint.Interface(new NetworkInterfaceId(name), selected);

        var instances = _network.Instances.Values
            .Where(i => _network.TagsOf(i.Id.Value).Name == name && i.State != InstanceState.Terminated)
            .Select(i => i.Id).OrderBy(i => i.Value, StringComparer.Ordinal).ToList();
        var interfaces = _network.NetworkInterfaces.Values
            .Where(n => _network.TagsOf(n.Id.Value).Name == name)
            .Select(n => n.Id).OrderBy(i => i.Value, StringComparer.Ordinal).ToList();
        int count = instances.Count + interfaces.Count;
        if (count == 1)
        {
            return instances.Count == 1
                ? TraceEndpoint.Instance(instances[0], selected)
                : TraceEndpoint.Interface(interfaces[0], selected);
        }
        if (count > 1)
        {
            var ids = instances.Select(i => i.Value).Concat(interfaces.Select(i => i.Value));
            throw new TraceRequestException($"'{text}' is ambiguous: it names {string.Join(", ", ids)}. Use an id instead.");
        }
        if (selected is null && DnsResolver.LooksLikeHostName(text))
            return ResolveName(text, askFrom(), source);
        throw new TraceRequestException(
            $"'{text}' is not an instance id, network interface id, Name tag of an instance or interface, IP address, or DNS name.");
    }

    private AddressEndpoint ResolveName(string name, VpcId? from, TraceEndpoint? source)
    {
        DnsAnswer answer;
        try
        {
            // The resolver answers per subnet where the source has one: DNS64 is a subnet attribute.
            answer = source is not null && SubnetOf(source) is { } subnet
                ? DnsResolver.For(_network).Resolve(subnet, name)
                : DnsResolver.For(_network).Resolve(from, name);
        }
        catch (DnsQueryException e)
        {
            throw new TraceRequestException(e.Message, e);
        }
        _resolutions.Add(answer);
        if (!answer.Resolved)
            throw new TraceRequestException($"'{name}' does not resolve from {answer.From}: {answer.Status} ({answer.Explanation}).");
        return new AddressEndpoint(EndpointAddressChoice.Pick(_network, answer, source));
    }

    /// <summary>The subnet of a source interface or instance (its primary interface's), else null.</summary>
    private SubnetId? SubnetOf(TraceEndpoint source) => source switch
    {
        InstanceEndpoint i when _network.Instances.TryGetValue(i.Id, out var instance)
            && _network.NetworkInterfaces.TryGetValue(instance.PrimaryNetworkInterface, out var primary) => primary.SubnetId,
        InterfaceEndpoint n when _network.NetworkInterfaces.TryGetValue(n.Id, out var eni) => eni.SubnetId,
        AddressEndpoint a => _network.NetworkInterfaces.Values.Where(e => e.AllPrivateAddresses.Contains(a.Ip))
            .Select(e => (SubnetId?)e.SubnetId).Distinct().Take(2).ToList() is [var only] ? only : null,
        _ => null,
    };

    /// <summary>The VPC a source endpoint asks DNS from: its interface's VPC; for a bare address, the VPC of the
    /// interface that owns it (private, else public address); null for the internet.</summary>
    private VpcId? VpcOf(TraceEndpoint source)
    {
        switch (source)
        {
            case InstanceEndpoint i:
                return _network.Instances.TryGetValue(i.Id, out var instance) ? instance.VpcId : null;
            case InterfaceEndpoint n:
                return _network.NetworkInterfaces.TryGetValue(n.Id, out var eni) ? eni.VpcId : null;
            case AddressEndpoint a:
                var owners = _network.NetworkInterfaces.Values
                    .Where(e => e.AllPrivateAddresses.Contains(a.Ip)).Select(e => e.VpcId).Distinct().ToList();
                if (owners.Count == 1)
                    return owners[0];
                if (owners.Count > 1)
                    throw new TraceRequestException($"The source {a.Ip} is a private address in several VPCs ({string.Join(", ", owners)}): name the instance or interface to say which VPC asks DNS.");
                return _network.NetworkInterfaces.Values
                    .FirstOrDefault(e => e.PrivateIpAddresses.Any(p => _network.PublicIpFor(e, p) == a.Ip))?.VpcId;
            default:
                return null;
        }
    }
}
