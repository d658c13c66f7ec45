using System.Collections.Immutable;
using System.Text;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

/// <summary>A component by kind, id and display name (its Name tag, else its id), as RA's AnalysisComponent.</summary>
public sealed record ComponentRef(ComponentKind Kind, string Id, string Name)
{
    public override string ToString() => Name == Id ? $"{Kind} {Id}" : $"{Kind} {Id} ({Name})";
}
