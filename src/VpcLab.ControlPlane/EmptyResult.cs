namespace VpcLab.ControlPlane;

/// <summary>The result of an action whose response carries nothing but the request id.</summary>
public sealed record EmptyResult
{
    public static readonly EmptyResult Instance = new();
}
