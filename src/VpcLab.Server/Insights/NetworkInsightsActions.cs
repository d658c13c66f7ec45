using System.Text.Json.Nodes;
using VpcLab.Analysis.Reachability;
using VpcLab.ControlPlane;
using VpcLab.Server.Ec2;
using VpcLab.Server.Ec2.Shapes;

namespace VpcLab.Server.Insights;

/// <summary>The Reachability Analyzer actions as EC2 Query actions: each binds the parsed parameters to the request
/// record, calls <see cref="NetworkInsights"/> (src/VpcLab.Analysis, where every decision lives) and maps the answer
/// to its output shape. The dispatcher calls <see cref="Register"/> once. docs/semantics.md#reachability-analyzer-api.</summary>
public sealed class NetworkInsightsActions
{
    private readonly NetworkInsights _insights;

    private NetworkInsightsActions(Ec2ControlPlane controlPlane)
    {
        _insights = new NetworkInsights(controlPlane);
    }

    /// <summary>Adds the six actions to a dispatcher's table. One store per call: a fresh dispatcher (server
    /// reset) starts with no paths or analyses. Returns the operations, so the web console can read saved paths.</summary>
    public static NetworkInsights Register(Ec2ControlPlane controlPlane, Action<string, Func<RequestContext, JsonObject, JsonObject?>> add)
    {
        ArgumentNullException.ThrowIfNull(controlPlane);
        ArgumentNullException.ThrowIfNull(add);
        var a = new NetworkInsightsActions(controlPlane);
        add("CreateNetworkInsightsPath", a.CreatePath);
        add("DescribeNetworkInsightsPaths", a.DescribePaths);
        add("DeleteNetworkInsightsPath", a.DeletePath);
        add("StartNetworkInsightsAnalysis", a.StartAnalysis);
        add("DescribeNetworkInsightsAnalyses", a.DescribeAnalyses);
        add("DeleteNetworkInsightsAnalysis", a.DeleteAnalysis);
        return a._insights;
    }

    private JsonObject CreatePath(RequestContext ctx, JsonObject parameters)
    {
        var path = _insights.CreatePath(ctx, Ec2ActionDispatcher.Bind<CreateNetworkInsightsPathRequest>(parameters));
        return new JsonObject { ["NetworkInsightsPath"] = NetworkInsightsShapes.Path(path) };
    }

    private JsonObject DescribePaths(RequestContext ctx, JsonObject parameters)
    {
        var page = Ec2Pagination.BeginFor("DescribeNetworkInsightsPaths", ctx, parameters);
        var all = _insights.DescribePaths(ctx, Ec2ActionDispatcher.Bind<DescribeNetworkInsightsPathsRequest>(parameters));
        var (slice, next) = Ec2Pagination.Slice(page, all, x => x.Id);
        return new JsonObject { ["NetworkInsightsPaths"] = Json.Array(slice, NetworkInsightsShapes.Path), ["NextToken"] = next };
    }

    private JsonObject DeletePath(RequestContext ctx, JsonObject parameters) => new()
    {
        ["NetworkInsightsPathId"] = _insights.DeletePath(ctx, Ec2ActionDispatcher.Bind<DeleteNetworkInsightsPathRequest>(parameters)),
    };

    private JsonObject StartAnalysis(RequestContext ctx, JsonObject parameters)
    {
        var analysis = _insights.StartAnalysis(ctx, Ec2ActionDispatcher.Bind<StartNetworkInsightsAnalysisRequest>(parameters));
        return new JsonObject { ["NetworkInsightsAnalysis"] = NetworkInsightsShapes.Analysis(analysis) };
    }

    private JsonObject DescribeAnalyses(RequestContext ctx, JsonObject parameters)
    {
        var page = Ec2Pagination.BeginFor("DescribeNetworkInsightsAnalyses", ctx, parameters);
        var all = _insights.DescribeAnalyses(ctx, Ec2ActionDispatcher.Bind<DescribeNetworkInsightsAnalysesRequest>(parameters));
        var (slice, next) = Ec2Pagination.Slice(page, all, x => x.Id);
        return new JsonObject { ["NetworkInsightsAnalyses"] = Json.Array(slice, NetworkInsightsShapes.Analysis), ["NextToken"] = next };
    }

    private JsonObject DeleteAnalysis(RequestContext ctx, JsonObject parameters) => new()
    {
        ["NetworkInsightsAnalysisId"] = _insights.DeleteAnalysis(ctx, Ec2ActionDispatcher.Bind<DeleteNetworkInsightsAnalysisRequest>(parameters)),
    };
}
