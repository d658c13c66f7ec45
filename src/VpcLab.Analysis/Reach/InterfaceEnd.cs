using VpcLab.Model;

namespace VpcLab.Analysis.Reach;

/// <summary>One network interface, with every address it owns: its private IPv4 and IPv6 addresses as a source, and
/// as a destination those plus its public IPv4 addresses (the internet can name only the public ones and the IPv6
/// ones).</summary>
public sealed record InterfaceEnd(NetworkInterfaceId Interface) : ReachEnd
{
    public override string Describe(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var name = network.NameOf(Interface.Value);
        if (name != Interface.Value)
            return $"{Interface} ({name})";
        // An interface has no Name tag of its own in most worlds; its instance's tells a reader more.
        var eni = network.NetworkInterfaces.GetValueOrDefault(Interface);
        return eni?.Attachment?.InstanceId is { } instance && network.NameOf(instance.Value) is var n && n != instance.Value
            ? $"{Interface} ({n})"
            : Interface.Value;
    }
}
