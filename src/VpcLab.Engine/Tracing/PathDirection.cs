using System.Collections.Immutable;
using System.Text;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

/// <summary>Which of the two paths of a flow: the request (forward) or the reply (return).</summary>
public enum PathDirection : byte
{
    Forward,
    Return,
}
