using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

/// <summary>Turns what a user types into a <see cref="TraceEndpoint"/>: an instance id (i-…), an interface id
/// (eni-…), the Name tag of an instance or interface, or an IP address (optionally "name:address" or
/// "id:address" to pick one address of a multi-address interface). Unknown text is an error that names it.</summary>
public sealed class EndpointResolver
{
    private readonly Network _network;

    public EndpointResolver(Network network) => _network = network;

    public TraceEndpoint Resolve(string text)
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
        throw new TraceRequestException(
            $"'{text}' is not an instance id, network interface id, Name tag of an instance or interface, or IP address.");
    }
}
