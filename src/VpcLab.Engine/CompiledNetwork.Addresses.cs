using VpcLab.Engine.Compilation;
using VpcLab.Net;

namespace VpcLab.Engine;

// Address lookups built by the compile step: private addresses per VPC and the internet gateway's 1:1 NAT
// between private and public IPv4.
public sealed partial class CompiledNetwork
{
    internal readonly struct PublicTarget(int @interface, uint privateIp)
    {
        public readonly int Interface = @interface;
        private readonly uint _privateIp = privateIp;

        public IpAddress PrivateIp => IpAddress.V4(_privateIp);
    }

    private static ulong V4Key(int vpc, in IpAddress address) => ((ulong)(uint)vpc << 32) | (uint)address.Value;

    private void AddPrivate(int vpc, IpAddress address, int eni)
    {
        if (address.IsV4)
            _privateV4.TryAdd(V4Key(vpc, address), eni);
        else
            _privateV6.TryAdd(new VpcAddress(vpc, address), eni);
    }

    /// <summary>The public IPv4 the internet gateway maps a private IPv4 of a VPC to.</summary>
    private bool TryPublicOf(int vpc, in IpAddress privateIp, out IpAddress publicIp)
    {
        if (privateIp.IsV4 && _privateToPublic.TryGetValue(V4Key(vpc, privateIp), out uint p))
        {
            publicIp = IpAddress.V4(p);
            return true;
        }
        publicIp = default;
        return false;
    }

    private bool TryPrivateOf(in IpAddress publicIp, out PublicTarget target)
    {
        if (publicIp.IsV4)
            return _publicToPrivate.TryGetValue((uint)publicIp.Value, out target);
        target = default;
        return false;
    }

    private bool IsPublicV4(in IpAddress address) => address.IsV4 && _publicToPrivate.ContainsKey((uint)address.Value);

    private void AddPublic(int eni, IpAddress privateIp, IpAddress publicIp)
    {
        int vpc = _interfaces[eni].Vpc;
        if (!privateIp.IsV4 || !publicIp.IsV4)
            return;
        if (_privateToPublic.TryAdd(V4Key(vpc, privateIp), (uint)publicIp.Value))
        {
            _publicToPrivate.TryAdd((uint)publicIp.Value, new PublicTarget(eni, (uint)privateIp.Value));
            if (_interfaces[eni].HasV4 && _interfaces[eni].PrimaryV4Value == (uint)privateIp.Value)
            {
                _interfaces[eni].HasPublicV4 = true;
                _interfaces[eni].PublicV4Value = (uint)publicIp.Value;
            }
        }
    }
}
