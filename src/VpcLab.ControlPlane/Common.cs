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

/// <summary>The value of a string attribute as on the wire (Description.Value=...).</summary>
public sealed record AttributeValue
{
    public string? Value { get; init; }
}

/// <summary>The result of an action whose response carries nothing but the request id.</summary>
public sealed record EmptyResult
{
    public static readonly EmptyResult Instance = new();
}

/// <summary>The result of an action whose response is <c>&lt;return&gt;true&lt;/return&gt;</c>.</summary>
public sealed record ReturnResult(bool Return = true)
{
    public static readonly ReturnResult True = new();
}
