using System.Collections.Immutable;
using System.Text;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

/// <summary>Whether the flow works end to end: the request reaches its destination and the reply comes back.</summary>
public enum Verdict : byte
{
    Accepted,
    Dropped,
}
