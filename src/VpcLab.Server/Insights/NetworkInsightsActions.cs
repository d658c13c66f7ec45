using System.Text.Json.Nodes;
using VpcLab.Analysis.Reachability;
using VpcLab.ControlPlane;
using VpcLab.Server.Ec2;

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
        var page = BeginPage("DescribeNetworkInsightsPaths", ctx, parameters);
        var all = _insights.DescribePaths(ctx, Ec2ActionDispatcher.Bind<DescribeNetworkInsightsPathsRequest>(parameters));
        IReadOnlyList<NetworkInsightsPath> slice = all;
        string? next = null;
        if (page is not null)
            (slice, next) = page.Slice(all, p => p.Id);
        return new JsonObject
        {
            ["NetworkInsightsPaths"] = Json(slice, NetworkInsightsShapes.Path),
            ["NextToken"] = next,
        };
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
        var page = BeginPage("DescribeNetworkInsightsAnalyses", ctx, parameters);
        var all = _insights.DescribeAnalyses(ctx, Ec2ActionDispatcher.Bind<DescribeNetworkInsightsAnalysesRequest>(parameters));
        IReadOnlyList<NetworkInsightsAnalysis> slice = all;
        string? next = null;
        if (page is not null)
            (slice, next) = page.Slice(all, a => a.Id);
        return new JsonObject
        {
            ["NetworkInsightsAnalyses"] = Json(slice, NetworkInsightsShapes.Analysis),
            ["NextToken"] = next,
        };
    }

    private JsonObject DeleteAnalysis(RequestContext ctx, JsonObject parameters) => new()
    {
        ["NetworkInsightsAnalysisId"] = _insights.DeleteAnalysis(ctx, Ec2ActionDispatcher.Bind<DeleteNetworkInsightsAnalysisRequest>(parameters)),
    };

    private static PageRequest? BeginPage(string operation, RequestContext ctx, JsonObject parameters) =>
        Ec2Pagination.SpecFor(operation) is { } spec ? Ec2Pagination.Begin(operation, spec, ctx, parameters) : null;

    private static JsonArray Json<T>(IEnumerable<T> items, Func<T, JsonNode?> map)
    {
        var array = new JsonArray();
        foreach (var item in items)
            array.Add(map(item));
        return array;
    }
}
