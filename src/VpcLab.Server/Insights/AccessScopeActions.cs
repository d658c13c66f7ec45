using System.Text.Json.Nodes;
using VpcLab.Analysis.AccessScopes;
using VpcLab.ControlPlane;
using VpcLab.Server.Ec2;
using VpcLab.Server.Ec2.Shapes;

namespace VpcLab.Server.Insights;

/// <summary>The Network Access Analyzer actions as EC2 Query actions: each binds the parsed parameters to the request
/// record, calls <see cref="NetworkAccessScopes"/> (src/VpcLab.Analysis/AccessScopes/, where every decision lives)
/// and maps the answer to its output shape. docs/semantics.md#network-access-analyzer-api.</summary>
public sealed class AccessScopeActions
{
    private readonly NetworkAccessScopes _scopes;

    private AccessScopeActions(Ec2ControlPlane controlPlane)
    {
        _scopes = new NetworkAccessScopes(controlPlane);
    }

    /// <summary>Adds the eight actions to a dispatcher's table. One store per call: a fresh dispatcher (server reset)
    /// starts with no scopes or analyses.</summary>
    public static NetworkAccessScopes Register(Ec2ControlPlane controlPlane, Action<string, Func<RequestContext, JsonObject, JsonObject?>> add)
    {
        ArgumentNullException.ThrowIfNull(controlPlane);
        ArgumentNullException.ThrowIfNull(add);
        var a = new AccessScopeActions(controlPlane);
        add("CreateNetworkInsightsAccessScope", a.CreateScope);
        add("DescribeNetworkInsightsAccessScopes", a.DescribeScopes);
        add("GetNetworkInsightsAccessScopeContent", a.GetContent);
        add("DeleteNetworkInsightsAccessScope", a.DeleteScope);
        add("StartNetworkInsightsAccessScopeAnalysis", a.StartAnalysis);
        add("DescribeNetworkInsightsAccessScopeAnalyses", a.DescribeAnalyses);
        add("GetNetworkInsightsAccessScopeAnalysisFindings", a.GetFindings);
        add("DeleteNetworkInsightsAccessScopeAnalysis", a.DeleteAnalysis);
        return a._scopes;
    }

    private JsonObject CreateScope(RequestContext ctx, JsonObject parameters)
    {
        var scope = _scopes.CreateScope(ctx, Ec2ActionDispatcher.Bind<CreateNetworkInsightsAccessScopeRequest>(parameters));
        return new JsonObject
        {
            ["NetworkInsightsAccessScope"] = AccessScopeShapes.Scope(scope),
            ["NetworkInsightsAccessScopeContent"] = AccessScopeShapes.Content(scope),
        };
    }

    private JsonObject DescribeScopes(RequestContext ctx, JsonObject parameters)
    {
        var all = _scopes.DescribeScopes(ctx, Ec2ActionDispatcher.Bind<DescribeNetworkInsightsAccessScopesRequest>(parameters));
        var (slice, next) = Ec2Pagination.Slice(Ec2Pagination.BeginFor("DescribeNetworkInsightsAccessScopes", ctx, parameters), all, s => s.Id);
        return new JsonObject { ["NetworkInsightsAccessScopes"] = Json.Array(slice, AccessScopeShapes.Scope), ["NextToken"] = next };
    }

    private JsonObject GetContent(RequestContext ctx, JsonObject parameters) => new()
    {
        ["NetworkInsightsAccessScopeContent"] = AccessScopeShapes.Content(
            _scopes.GetContent(ctx, Ec2ActionDispatcher.Bind<GetNetworkInsightsAccessScopeContentRequest>(parameters))),
    };

    private JsonObject DeleteScope(RequestContext ctx, JsonObject parameters) => new()
    {
        ["NetworkInsightsAccessScopeId"] = _scopes.DeleteScope(ctx, Ec2ActionDispatcher.Bind<DeleteNetworkInsightsAccessScopeRequest>(parameters)),
    };

    private JsonObject StartAnalysis(RequestContext ctx, JsonObject parameters)
    {
        var analysis = _scopes.StartAnalysis(ctx, Ec2ActionDispatcher.Bind<StartNetworkInsightsAccessScopeAnalysisRequest>(parameters));
        return new JsonObject { ["NetworkInsightsAccessScopeAnalysis"] = AccessScopeShapes.Analysis(analysis) };
    }

    private JsonObject DescribeAnalyses(RequestContext ctx, JsonObject parameters)
    {
        var all = _scopes.DescribeAnalyses(ctx, Ec2ActionDispatcher.Bind<DescribeNetworkInsightsAccessScopeAnalysesRequest>(parameters));
        var (slice, next) = Ec2Pagination.Slice(Ec2Pagination.BeginFor("DescribeNetworkInsightsAccessScopeAnalyses", ctx, parameters), all, a => a.Id);
        return new JsonObject { ["NetworkInsightsAccessScopeAnalyses"] = Json.Array(slice, AccessScopeShapes.Analysis), ["NextToken"] = next };
    }

    private JsonObject GetFindings(RequestContext ctx, JsonObject parameters)
    {
        var analysis = _scopes.GetFindings(ctx, Ec2ActionDispatcher.Bind<GetNetworkInsightsAccessScopeAnalysisFindingsRequest>(parameters));
        var (slice, next) = Ec2Pagination.Slice(Ec2Pagination.BeginFor("GetNetworkInsightsAccessScopeAnalysisFindings", ctx, parameters), analysis.Findings, f => f.FindingId);
        return new JsonObject
        {
            ["NetworkInsightsAccessScopeAnalysisId"] = analysis.Id,
            ["AnalysisStatus"] = AccessScopeAnalysis.Status,
            ["AnalysisFindings"] = Json.Array(slice, f => AccessScopeShapes.Finding(analysis, f)),
            ["NextToken"] = next,
        };
    }

    private JsonObject DeleteAnalysis(RequestContext ctx, JsonObject parameters) => new()
    {
        ["NetworkInsightsAccessScopeAnalysisId"] = _scopes.DeleteAnalysis(ctx, Ec2ActionDispatcher.Bind<DeleteNetworkInsightsAccessScopeAnalysisRequest>(parameters)),
    };
}
