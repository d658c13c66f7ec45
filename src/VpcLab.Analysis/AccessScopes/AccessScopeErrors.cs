using VpcLab.ControlPlane.Errors;

namespace VpcLab.Analysis.AccessScopes;

/// <summary>The Network Access Analyzer's error codes, declared once (AWS's spelling, like
/// <c>InvalidNetworkInsightsPathId</c>). docs/semantics.md#naa-errors.</summary>
public static class AccessScopeErrors
{
    public static readonly Ec2ErrorCode InvalidScopeIdNotFound = new("InvalidNetworkInsightsAccessScopeId.NotFound");
    public static readonly Ec2ErrorCode InvalidScopeIdMalformed = new("InvalidNetworkInsightsAccessScopeId.Malformed");
    public static readonly Ec2ErrorCode InvalidAnalysisIdNotFound = new("InvalidNetworkInsightsAccessScopeAnalysisId.NotFound");
    public static readonly Ec2ErrorCode InvalidAnalysisIdMalformed = new("InvalidNetworkInsightsAccessScopeAnalysisId.Malformed");

    public static Ec2Exception ScopeNotFound(string id) =>
        new(InvalidScopeIdNotFound, $"The NetworkInsightsAccessScope ID '{id}' does not exist");

    public static Ec2Exception ScopeMalformed(string id) =>
        new(InvalidScopeIdMalformed, $"Invalid id: \"{id}\" (expecting \"nis-...\")");

    public static Ec2Exception AnalysisNotFound(string id) =>
        new(InvalidAnalysisIdNotFound, $"The NetworkInsightsAccessScopeAnalysis ID '{id}' does not exist");

    public static Ec2Exception AnalysisMalformed(string id) =>
        new(InvalidAnalysisIdMalformed, $"Invalid id: \"{id}\" (expecting \"nisa-...\")");

    /// <summary>Choice: a scope with analyses cannot be deleted until they are (DependencyViolation), as a path with analyses.</summary>
    public static Ec2Exception ScopeHasAnalyses(string id, int count) =>
        Ec2Errors.DependencyViolation($"The NetworkInsightsAccessScope '{id}' has {count} analyses; delete them first.");
}
