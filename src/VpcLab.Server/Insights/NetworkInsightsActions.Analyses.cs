using System.Collections.Immutable;
using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;
using VpcLab.Server.Ec2;

namespace VpcLab.Server.Insights;

// Start/Describe/DeleteNetworkInsightsAnalysis.
public sealed partial class NetworkInsightsActions
{
    // ------------------------------------------------------------------ analyses

    private JsonObject StartAnalysis(RequestContext ctx, JsonObject parameters)
    {
        var request = Ec2ActionDispatcher.Bind<StartNetworkInsightsAnalysisRequest>(parameters);
        var path = FindPath(ctx, request.NetworkInsightsPathId ?? throw Ec2Errors.MissingParameter("NetworkInsightsPathId"));
        var filterIn = Arns(request.FilterInArns, "filterInArn");
        var filterOut = Arns(request.FilterOutArns, "filterOutArn");
        var accounts = (request.AdditionalAccounts ?? []).ToImmutableArray();
        foreach (var account in accounts)
        {
            if (account.Length != 12 || !account.All(char.IsAsciiDigit))
                throw Ec2Errors.InvalidParameterValue($"Value ({account}) for parameter additionalAccount is invalid. It must be a 12-digit account ID.");
        }
        var tags = TagsFor(request.TagSpecifications, AnalysisResourceType);
        if (request.DryRun == true)
            throw Ec2Errors.DryRun();

        // Choice (docs/semantics.md#analysis): the engine answers at once, so the analysis is
        // "succeeded" (or "failed") in the Start response itself, never "running".
        var network = _controlPlane.Network;
        var started = _controlPlane.Options.Clock.GetUtcNow();
        string? warning = filterIn.IsEmpty && filterOut.IsEmpty && accounts.IsEmpty
            ? null
            : "VpcLab does not apply FilterInArn, FilterOutArn or AdditionalAccount: the path shown is the one the data plane takes.";
        var analysis = _store.AddAnalysis(id =>
        {
            var outcome = _analyzer.Analyze(path, network);
            return new NetworkInsightsAnalysis(id, ShapeArn(ctx, "network-insights-analysis", id), path.Id, ctx.Account, ctx.Region,
                started, outcome.Status, outcome.StatusMessage, warning, outcome.NetworkPathFound, accounts, filterIn, filterOut, tags,
                NetworkInsightsShapes.Result(outcome, network, ctx));
        });
        return new JsonObject { ["NetworkInsightsAnalysis"] = NetworkInsightsShapes.Analysis(analysis) };
    }

    private JsonObject DescribeAnalyses(RequestContext ctx, JsonObject parameters)
    {
        const string operation = "DescribeNetworkInsightsAnalyses";
        var page = BeginPage(operation, ctx, parameters);
        var request = Ec2ActionDispatcher.Bind<DescribeNetworkInsightsAnalysesRequest>(parameters);
        CheckRegion(ctx);
        IEnumerable<NetworkInsightsAnalysis> analyses = _store.AnalysesOf(ctx);
        analyses = OnlyIds(analyses, request.NetworkInsightsAnalysisIds, id => FindAnalysis(ctx, id).Id, a => a.Id);
        if (request.NetworkInsightsPathId is { } pathId)
        {
            if (!IdGenerator.IsWellFormed(pathId, NetworkInsightsStore.PathPrefix))
                throw NetworkInsightsErrors.PathMalformed(pathId);
            analyses = analyses.Where(a => a.PathId == pathId);
        }
        if (request.AnalysisStartTime is { } from)
            analyses = analyses.Where(a => a.StartDate >= new DateTimeOffset(DateTime.SpecifyKind(from, DateTimeKind.Utc)));
        if (request.AnalysisEndTime is { } to)
            analyses = analyses.Where(a => a.StartDate <= new DateTimeOffset(DateTime.SpecifyKind(to, DateTimeKind.Utc)));
        analyses = ApplyFilters(analyses, request.Filters, s_analysisFilters, AnalysisFilterValues, a => a.Tags);
        if (request.DryRun == true)
            throw Ec2Errors.DryRun();
        var all = analyses.ToList();
        var (slice, next) = page is null ? (all, null) : page.Slice(all, a => a.Id);
        return new JsonObject
        {
            ["NetworkInsightsAnalyses"] = Json(slice, NetworkInsightsShapes.Analysis),
            ["NextToken"] = next,
        };
    }

    private JsonObject DeleteAnalysis(RequestContext ctx, JsonObject parameters)
    {
        var request = Ec2ActionDispatcher.Bind<DeleteNetworkInsightsAnalysisRequest>(parameters);
        var id = request.NetworkInsightsAnalysisId ?? throw Ec2Errors.MissingParameter("NetworkInsightsAnalysisId");
        FindAnalysis(ctx, id);
        if (request.DryRun == true)
            throw Ec2Errors.DryRun();
        _store.RemoveAnalysis(ctx, id);
        return new JsonObject { ["NetworkInsightsAnalysisId"] = id };
    }

    private NetworkInsightsAnalysis FindAnalysis(RequestContext ctx, string id)
    {
        if (!IdGenerator.IsWellFormed(id, NetworkInsightsStore.AnalysisPrefix))
            throw NetworkInsightsErrors.AnalysisMalformed(id);
        return _store.FindAnalysis(ctx, id) ?? throw NetworkInsightsErrors.AnalysisNotFound(id);
    }
}
