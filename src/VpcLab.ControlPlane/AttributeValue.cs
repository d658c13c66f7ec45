namespace VpcLab.ControlPlane;

/// <summary>The value of a string attribute as on the wire (Description.Value=...).</summary>
public sealed record AttributeValue
{
    public string? Value { get; init; }
}
