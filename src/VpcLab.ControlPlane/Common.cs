namespace VpcLab.ControlPlane;

/// <summary>The value of a boolean attribute as on the wire (EnableDnsSupport.Value=true).</summary>
public sealed record AttributeBooleanValue
{
    public bool? Value { get; init; }

    public AttributeBooleanValue()
    {
    }

    public AttributeBooleanValue(bool value)
    {
        Value = value;
    }

    public static implicit operator AttributeBooleanValue(bool value) => new(value);
}
