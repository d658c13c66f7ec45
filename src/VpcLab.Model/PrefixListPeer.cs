using VpcLab.Net;

namespace VpcLab.Model;

public sealed record PrefixListPeer(PrefixListId PrefixListId) : RulePeer
{
    public override string ToString() => PrefixListId.Value;
}
