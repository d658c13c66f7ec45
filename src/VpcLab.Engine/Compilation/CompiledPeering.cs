using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Compilation;

/// <summary>A VPC peering connection: its two ends (VPC indices, −1 when the VPC is not in the snapshot).</summary>
internal struct CompiledPeering
{
    public int Requester;
    public int Accepter;
    public bool Active;
    public bool InterRegion;

    public readonly int PeerOf(int vpc) => vpc == Requester ? Accepter : vpc == Accepter ? Requester : -1;
}
