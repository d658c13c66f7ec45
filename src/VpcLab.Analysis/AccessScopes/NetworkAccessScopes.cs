using VpcLab.Analysis.Reachability;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Errors;

namespace VpcLab.Analysis.AccessScopes;

/// <summary>The Network Access Analyzer operations (Create/Describe/Delete NetworkInsightsAccessScope,
/// GetNetworkInsightsAccessScopeContent, Start/Describe/Delete NetworkInsightsAccessScopeAnalysis,
/// GetNetworkInsightsAccessScopeAnalysisFindings) over one control plane's world, answered by
/// <see cref="Reach.FlowSpace"/> (docs/semantics.md#network-access-analyzer-api). Each mutation either succeeds whole
/// or changes nothing.</summary>
public sealed class NetworkAccessScopes
{
    private readonly Ec2ControlPlane _controlPlane;

    public NetworkAccessScopes(Ec2ControlPlane controlPlane)
    {
        ArgumentNullException.ThrowIfNull(controlPlane);
        _controlPlane = controlPlane;
        Store = new(controlPlane.Options.IdSeed, SeedSalt, AccessScope.IdPrefix, AccessScopeAnalysis.IdPrefix);
    }

    /// <summary>Mixed into the control plane's seed so our ids never follow its sequence (or the paths' one).</summary>
    private const ulong SeedSalt = 0x6e69_735f_6e69_7361UL; // "nis_nisa"

    public AnalysisStore<AccessScope, AccessScopeAnalysis> Store { get; }

    public AccessScope CreateScope(RequestContext ctx, CreateNetworkInsightsAccessScopeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckRegion(ctx);
        var network = _controlPlane.Network;
        if (request.MatchPaths is not { Count: > 0 })
            throw Ec2Errors.MissingParameter("MatchPaths");
        var match = AccessScopeParameters.Paths(request.MatchPaths, "MatchPath", ctx, network);
        var exclude = AccessScopeParameters.Paths(request.ExcludePaths, "ExcludePath", ctx, network);
        var tags = PathParameters.TagsFor(request.TagSpecifications, AccessScope.ResourceType);
        if (request.DryRun == true)
            throw Ec2Errors.DryRun();
        var created = _controlPlane.Options.Clock.GetUtcNow();
        return Store.AddSubject(id => new AccessScope(id, PathEndResolver.Arn(ctx, AccessScope.ResourceType, id), ctx.Account, ctx.Region,
            created, match, exclude, tags));
    }

    public IReadOnlyList<AccessScope> DescribeScopes(RequestContext ctx, DescribeNetworkInsightsAccessScopesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckRegion(ctx);
        RefuseFilters(request.Filters);
        IEnumerable<AccessScope> scopes = Store.SubjectsOf(ctx);
        if (request.NetworkInsightsAccessScopeIds is { Count: > 0 } ids)
        {
            var wanted = ids.Select(id => FindScope(ctx, id).Id).ToHashSet(StringComparer.Ordinal);
            scopes = scopes.Where(s => wanted.Contains(s.Id));
        }
        if (request.DryRun == true)
            throw Ec2Errors.DryRun();
        return [.. scopes];
    }

    public AccessScope GetContent(RequestContext ctx, GetNetworkInsightsAccessScopeContentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = FindScope(ctx, request.NetworkInsightsAccessScopeId ?? throw Ec2Errors.MissingParameter("NetworkInsightsAccessScopeId"));
        if (request.DryRun == true)
            throw Ec2Errors.DryRun();
        return scope;
    }

    /// <summary>Deletes a scope of the caller; one with analyses is DependencyViolation (docs/semantics.md#naa-errors).</summary>
    public string DeleteScope(RequestContext ctx, DeleteNetworkInsightsAccessScopeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = request.NetworkInsightsAccessScopeId ?? throw Ec2Errors.MissingParameter("NetworkInsightsAccessScopeId");
        FindScope(ctx, id);
        bool dryRun = request.DryRun == true;
        Store.RemoveSubject(ctx, id, (_, analyses) =>
        {
            if (analyses > 0)
                throw AccessScopeErrors.ScopeHasAnalyses(id, analyses);
            if (dryRun)
                throw Ec2Errors.DryRun();
        });
        return id;
    }

    /// <summary>Runs the scope on the current snapshot and stores the findings.</summary>
    public AccessScopeAnalysis StartAnalysis(RequestContext ctx, StartNetworkInsightsAccessScopeAnalysisRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = FindScope(ctx, request.NetworkInsightsAccessScopeId ?? throw Ec2Errors.MissingParameter("NetworkInsightsAccessScopeId"));
        var tags = PathParameters.TagsFor(request.TagSpecifications, AccessScopeAnalysis.ResourceType);
        if (request.DryRun == true)
            throw Ec2Errors.DryRun();
        var network = _controlPlane.Network;
        var started = _controlPlane.Options.Clock.GetUtcNow();
        int enis = network.NetworkInterfaces.Values.Count(e => e.OwnerId == ctx.Account && e.Region == ctx.Region);
        return Store.AddAnalysis(id => new AccessScopeAnalysis(id, PathEndResolver.Arn(ctx, AccessScopeAnalysis.ResourceType, id), scope.Id,
            ctx.Account, ctx.Region, started, _controlPlane.Options.Clock.GetUtcNow(), enis,
            NetworkAccessAnalyzer.Findings(scope, network, ctx, id), network, tags));
    }

    public IReadOnlyList<AccessScopeAnalysis> DescribeAnalyses(RequestContext ctx, DescribeNetworkInsightsAccessScopeAnalysesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckRegion(ctx);
        RefuseFilters(request.Filters);
        IEnumerable<AccessScopeAnalysis> analyses = Store.AnalysesOf(ctx);
        if (request.NetworkInsightsAccessScopeAnalysisIds is { Count: > 0 } ids)
        {
            var wanted = ids.Select(id => FindAnalysis(ctx, id).Id).ToHashSet(StringComparer.Ordinal);
            analyses = analyses.Where(a => wanted.Contains(a.Id));
        }
        if (request.NetworkInsightsAccessScopeId is { } scopeId)
        {
            if (!IdGenerator.IsWellFormed(scopeId, AccessScope.IdPrefix))
                throw AccessScopeErrors.ScopeMalformed(scopeId);
            analyses = analyses.Where(a => a.ScopeId == scopeId);
        }
        if (request.AnalysisStartTimeBegin is { } from)
            analyses = analyses.Where(a => a.StartDate >= new DateTimeOffset(DateTime.SpecifyKind(from, DateTimeKind.Utc)));
        if (request.AnalysisStartTimeEnd is { } to)
            analyses = analyses.Where(a => a.StartDate <= new DateTimeOffset(DateTime.SpecifyKind(to, DateTimeKind.Utc)));
        if (request.DryRun == true)
            throw Ec2Errors.DryRun();
        return [.. analyses];
    }

    public AccessScopeAnalysis GetFindings(RequestContext ctx, GetNetworkInsightsAccessScopeAnalysisFindingsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var analysis = FindAnalysis(ctx, request.NetworkInsightsAccessScopeAnalysisId ?? throw Ec2Errors.MissingParameter("NetworkInsightsAccessScopeAnalysisId"));
        if (request.DryRun == true)
            throw Ec2Errors.DryRun();
        return analysis;
    }

    public string DeleteAnalysis(RequestContext ctx, DeleteNetworkInsightsAccessScopeAnalysisRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = request.NetworkInsightsAccessScopeAnalysisId ?? throw Ec2Errors.MissingParameter("NetworkInsightsAccessScopeAnalysisId");
        FindAnalysis(ctx, id);
        if (request.DryRun == true)
            throw Ec2Errors.DryRun();
        Store.RemoveAnalysis(ctx, id);
        return id;
    }

    /// <summary>A scope of the caller, else …Malformed / …NotFound.</summary>
    public AccessScope FindScope(RequestContext ctx, string id)
    {
        if (!IdGenerator.IsWellFormed(id, AccessScope.IdPrefix))
            throw AccessScopeErrors.ScopeMalformed(id);
        return Store.FindSubject(ctx, id) ?? throw AccessScopeErrors.ScopeNotFound(id);
    }

    /// <summary>An analysis of the caller, else …Malformed / …NotFound.</summary>
    public AccessScopeAnalysis FindAnalysis(RequestContext ctx, string id)
    {
        if (!IdGenerator.IsWellFormed(id, AccessScopeAnalysis.IdPrefix))
            throw AccessScopeErrors.AnalysisMalformed(id);
        return Store.FindAnalysis(ctx, id) ?? throw AccessScopeErrors.AnalysisNotFound(id);
    }

    /// <summary>Choice (docs/semantics.md#naa-errors): no Describe filter is answered yet; each is refused by name.</summary>
    private static void RefuseFilters(IReadOnlyList<Filter>? filters)
    {
        if (filters is { Count: > 0 } f)
            throw Ec2Errors.InvalidFilter(f[0].Name ?? "");
    }

    private void CheckRegion(RequestContext ctx)
    {
        if (!_controlPlane.Regions.ContainsKey(ctx.Region))
            throw Ec2Errors.UnknownRegion(ctx.Region);
    }
}
