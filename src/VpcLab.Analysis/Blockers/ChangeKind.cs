namespace VpcLab.Analysis.Blockers;

/// <summary>The kinds of change a blocked path can propose (the settings Reachability Analyzer's explanations point at).</summary>
public enum ChangeKind
{
    AddRoute,
    AddSecurityGroupRule,
    AddNetworkAclEntry,
    AcceptVpcPeeringConnection,
}
