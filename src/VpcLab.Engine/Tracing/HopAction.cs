using System.Collections.Immutable;
using System.Text;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

/// <summary>What a component did with the packet.</summary>
public enum HopAction : byte
{
    /// <summary>The packet left its source interface.</summary>
    Sent,
    /// <summary>A filter let it pass, or a router or gateway sent it on unchanged.</summary>
    Forwarded,
    /// <summary>A gateway rewrote addresses or ports (the outbound header shows the result).</summary>
    Translated,
    /// <summary>The packet reached its destination.</summary>
    Delivered,
    /// <summary>The packet stopped here; the hop's explanations say why.</summary>
    Dropped,
}
