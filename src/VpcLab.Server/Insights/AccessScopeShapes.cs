using System.Text.Json.Nodes;
using VpcLab.Analysis.AccessScopes;
using VpcLab.ControlPlane;
using VpcLab.Server.Ec2.Shapes;

namespace VpcLab.Server.Insights;

/// <summary>Access scopes, their content, analyses and findings → the output shapes (NetworkInsightsAccessScope,
/// NetworkInsightsAccessScopeContent, NetworkInsightsAccessScopeAnalysis, AccessScopeAnalysisFinding) as member-name
/// JSON for the generic serializer. docs/semantics.md#network-access-analyzer-api.</summary>
internal static class AccessScopeShapes
{
    public static JsonObject Scope(AccessScope s) => new()
    {
        ["NetworkInsightsAccessScopeId"] = s.Id,
        ["NetworkInsightsAccessScopeArn"] = s.Arn,
        ["CreatedDate"] = s.CreatedDate.UtcDateTime,
        ["UpdatedDate"] = s.CreatedDate.UtcDateTime,
        ["Tags"] = s.Tags.IsEmpty ? null : ShapeContext.TagList(s.Tags),
    };

    public static JsonObject Content(AccessScope s) => new()
    {
        ["NetworkInsightsAccessScopeId"] = s.Id,
        ["MatchPaths"] = Json.Array(s.MatchPaths, Path),
        ["ExcludePaths"] = s.ExcludePaths.IsEmpty ? null : Json.Array(s.ExcludePaths, Path),
    };

    public static JsonObject Analysis(AccessScopeAnalysis a) => new()
    {
        ["NetworkInsightsAccessScopeAnalysisId"] = a.Id,
        ["NetworkInsightsAccessScopeAnalysisArn"] = a.Arn,
        ["NetworkInsightsAccessScopeId"] = a.ScopeId,
        ["Status"] = AccessScopeAnalysis.Status,
        ["StartDate"] = a.StartDate.UtcDateTime,
        ["EndDate"] = a.EndDate.UtcDateTime,
        ["FindingsFound"] = a.FindingsFound,
        ["AnalyzedEniCount"] = a.AnalyzedEniCount,
        ["Tags"] = a.Tags.IsEmpty ? null : ShapeContext.TagList(a.Tags),
    };

    public static JsonObject Finding(AccessScopeAnalysis a, AccessScopeFinding f) => new()
    {
        ["NetworkInsightsAccessScopeAnalysisId"] = a.Id,
        ["NetworkInsightsAccessScopeId"] = a.ScopeId,
        ["FindingId"] = f.FindingId,
        ["FindingComponents"] = NetworkInsightsShapes.Components(f.Trace.Forward, a.AnalyzedNetwork, new RequestContext(a.OwnerId, a.Region)),
    };

    private static JsonObject Path(ScopePath p) => new()
    {
        ["Source"] = Statement(p.Source),
        ["Destination"] = Statement(p.Destination),
        ["ThroughResources"] = p.Through.IsEmpty ? null : Json.Array(p.Through, t => new JsonObject { ["ResourceStatement"] = Resources(t) }),
    };

    private static JsonObject? Statement(ScopePathStatement? s) => s is null ? null : new JsonObject
    {
        ["PacketHeaderStatement"] = s.PacketHeader is { } h ? Header(h) : null,
        ["ResourceStatement"] = s.Resources is { } r ? Resources(r) : null,
    };

    private static JsonObject Header(ScopePacketHeader h) => new()
    {
        ["SourceAddresses"] = Strings(h.SourceAddressesText),
        ["DestinationAddresses"] = Strings(h.DestinationAddressesText),
        ["SourcePorts"] = Strings(h.SourcePortsText),
        ["DestinationPorts"] = Strings(h.DestinationPortsText),
        ["SourcePrefixLists"] = Strings(h.SourcePrefixLists),
        ["DestinationPrefixLists"] = Strings(h.DestinationPrefixLists),
        ["Protocols"] = Strings(h.ProtocolsText),
    };

    private static JsonObject Resources(ScopeResources r) => new()
    {
        ["Resources"] = Strings(r.Resources),
        ["ResourceTypes"] = Strings(r.ResourceTypes),
    };

    private static JsonArray? Strings(IReadOnlyCollection<string> values) => values.Count == 0 ? null : Json.Array(values, v => v);
}
