using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;
using VpcLab.Server.Ec2;

namespace VpcLab.Server.Insights;

/// <summary>The Reachability Analyzer actions (Create/Describe/DeleteNetworkInsightsPath,
/// Start/Describe/DeleteNetworkInsightsAnalysis), answered by the engine. The dispatcher calls
/// <see cref="Register"/> once; everything else lives in NetworkInsightsActions.*.cs (paths, analyses, path ends,
/// parameters, filters). docs/semantics.md.</summary>
public sealed partial class NetworkInsightsActions
{
    public const string PathResourceType = "network-insights-path";
    public const string AnalysisResourceType = "network-insights-analysis";

    private readonly Ec2ControlPlane _controlPlane;
    private readonly NetworkInsightsStore _store;
    private readonly NetworkInsightsAnalyzer _analyzer = new();

    private NetworkInsightsActions(Ec2ControlPlane controlPlane)
    {
        _controlPlane = controlPlane;
        _store = new NetworkInsightsStore(controlPlane.Options.IdSeed);
    }

    /// <summary>Adds the six actions to a dispatcher's table. One store per call: a fresh dispatcher (server
    /// reset) starts with no paths or analyses.</summary>
    public static void Register(Ec2ControlPlane controlPlane, Action<string, Func<RequestContext, JsonObject, JsonObject?>> add)
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
    }

    private void CheckRegion(RequestContext ctx)
    {
        if (!_controlPlane.Regions.ContainsKey(ctx.Region))
            throw Ec2Errors.UnknownRegion(ctx.Region);
    }

    private static string ShapeArn(RequestContext ctx, string type, string id) =>
        $"arn:aws:ec2:{ctx.Region}:{ctx.Account.Value}:{type}/{id}";
}
