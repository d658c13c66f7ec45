using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

/// <summary>A trace request that cannot be answered (unknown name, no address of the asked family...). The
/// message names the offending text or resource.</summary>
public sealed class TraceRequestException : Exception
{
    public TraceRequestException() { }
    public TraceRequestException(string message) : base(message) { }
    public TraceRequestException(string message, Exception inner) : base(message, inner) { }
}
