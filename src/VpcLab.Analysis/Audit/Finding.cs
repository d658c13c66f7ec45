namespace VpcLab.Analysis.Audit;

/// <summary>One finding: its kind, the resource holding the rule or route (group, NACL, route table), the rule or route
/// as AWS names it (sgr-…, "inbound 200", a route's destination), and why.</summary>
public sealed record Finding(FindingKind Kind, string ResourceId, string Rule, string Detail);
