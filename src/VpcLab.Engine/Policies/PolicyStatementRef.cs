namespace VpcLab.Engine.Policies;

/// <summary>A statement by its position in the document's Statement list (0-based) and its Sid, if any.</summary>
public sealed record PolicyStatementRef(int Index, string? Sid)
{
    public override string ToString() => Sid is null ? $"statement {Index}" : $"statement {Index} (Sid {Sid})";
}
