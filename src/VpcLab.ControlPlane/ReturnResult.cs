namespace VpcLab.ControlPlane;

/// <summary>The result of an action whose response is <c>&lt;return&gt;true&lt;/return&gt;</c>.</summary>
public sealed record ReturnResult(bool Return = true)
{
    public static readonly ReturnResult True = new();
}
