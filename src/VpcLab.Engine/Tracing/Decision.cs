using System.Collections.Immutable;
using System.Text;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

/// <summary>The fast path's answer: a few bytes, never allocated.</summary>
public readonly record struct Decision(Verdict Verdict, DropReason Reason, PathDirection DroppedOn)
{
    public static readonly Decision Accepted = new(Verdict.Accepted, DropReason.None, PathDirection.Forward);

    public bool IsAccepted => Verdict == Verdict.Accepted;
}
