using VpcLab.Engine;
using VpcLab.Net;

namespace VpcLab.Analysis.Reach;

/// <summary>The engine's verdict on one piece of header space: one source address, one destination address piece,
/// and one piece of destination values (<see cref="Values"/>), over every source port. <see cref="Flow"/> is the first
/// flow of the piece that is delivered, or when none is, one of its flows (to trace: every flow of it is dropped).
/// <see cref="SourceInterfaceIndex"/> is the sending interface's compiled index, or −1 for the internet.</summary>
public readonly record struct PieceOutcome(FlowKey Flow, int SourceInterfaceIndex, PortRange Values, bool Delivered);
