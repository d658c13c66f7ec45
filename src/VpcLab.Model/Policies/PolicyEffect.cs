namespace VpcLab.Model.Policies;

/// <summary>A statement's <c>Effect</c>: AWS spells exactly "Allow" or "Deny".</summary>
public enum PolicyEffect
{
    Allow,
    Deny,
}
