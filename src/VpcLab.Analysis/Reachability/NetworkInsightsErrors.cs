using VpcLab.ControlPlane.Errors;

namespace VpcLab.Analysis.Reachability;

/// <summary>The Reachability Analyzer's error codes, declared once (AWS's spelling: <c>InvalidNetworkInsightsPathId</c>
/// with a lowercase "d", like the other newer resources). Codes the control plane already declares (instances,
/// interfaces, internet gateways, tags) are reused from <see cref="Ec2Errors"/>. docs/semantics.md#errors.</summary>
public static class NetworkInsightsErrors
{
    public static readonly Ec2ErrorCode InvalidNetworkInsightsPathIdNotFound = new("InvalidNetworkInsightsPathId.NotFound");
    public static readonly Ec2ErrorCode InvalidNetworkInsightsPathIdMalformed = new("InvalidNetworkInsightsPathId.Malformed");
    public static readonly Ec2ErrorCode InvalidNetworkInsightsAnalysisIdNotFound = new("InvalidNetworkInsightsAnalysisId.NotFound");
    public static readonly Ec2ErrorCode InvalidNetworkInsightsAnalysisIdMalformed = new("InvalidNetworkInsightsAnalysisId.Malformed");

    public static Ec2Exception PathNotFound(string id) =>
        new(InvalidNetworkInsightsPathIdNotFound, $"The NetworkInsightsPath ID '{id}' does not exist");

    public static Ec2Exception PathMalformed(string id) =>
        new(InvalidNetworkInsightsPathIdMalformed, $"Invalid id: \"{id}\" (expecting \"nip-...\")");

    public static Ec2Exception AnalysisNotFound(string id) =>
        new(InvalidNetworkInsightsAnalysisIdNotFound, $"The NetworkInsightsAnalysis ID '{id}' does not exist");

    public static Ec2Exception AnalysisMalformed(string id) =>
        new(InvalidNetworkInsightsAnalysisIdMalformed, $"Invalid id: \"{id}\" (expecting \"nia-...\")");

    /// <summary>Choice: a path with analyses cannot be deleted until they are (DependencyViolation).</summary>
    public static Ec2Exception PathHasAnalyses(string id, int count) =>
        Ec2Errors.DependencyViolation($"The NetworkInsightsPath '{id}' has {count} analyses; delete them first.");
}
