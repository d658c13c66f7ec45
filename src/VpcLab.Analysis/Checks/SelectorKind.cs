namespace VpcLab.Analysis.Checks;

/// <summary>What a policy's <c>from:</c> or <c>to:</c> names (docs/check.md#selectors).</summary>
public enum SelectorKind
{
    Internet,
    /// <summary>An AWS service's public addresses (s3, dynamodb): a destination only.</summary>
    Service,
    AllInterfaces,
    Vpc,
    Subnet,
    SecurityGroup,
    Instance,
    Interface,
    Tag,
}
