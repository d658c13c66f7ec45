namespace VpcLab.Analysis.Audit;

/// <summary>What <see cref="RuleAudit"/> found (docs/semantics.md#rule-audit).</summary>
public enum FindingKind
{
    /// <summary>A security group rule that allows nothing another rule of its group does not already allow.</summary>
    ShadowedSecurityGroupRule,
    /// <summary>A NACL entry that no packet reaches: lower-numbered entries decide every packet it names.</summary>
    ShadowedNetworkAclEntry,
    /// <summary>A security group rule naming a group that is not in the world (deleted, or of an account not imported).</summary>
    MissingGroupReference,
    /// <summary>A security group rule naming a group of another Region, which AWS does not match.</summary>
    CrossRegionGroupReference,
    /// <summary>A route whose target is gone or not usable.</summary>
    BlackholeRoute,
}
