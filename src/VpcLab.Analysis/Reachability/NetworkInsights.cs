using System.Collections.Immutable;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.Analysis.Reachability;

/// <summary>The Reachability Analyzer operations (Create/Describe/DeleteNetworkInsightsPath,
/// Start/Describe/DeleteNetworkInsightsAnalysis) over one control plane's world, answered by the engine
/// (docs/semantics.md#reachability-analyzer-api). Paths and analyses are immutable records in a
/// <see cref="AnalysisStore{TSubject, TAnalysis}"/>; each mutation is one call that either succeeds whole or changes nothing, so a
/// host that logs successful calls and replays them in order (the operation log, docs/semantics.md#replay) rebuilds
/// the same paths and analyses with the same ids, as it does for EC2 resources.</summary>
public sealed class NetworkInsights
{
    private readonly Ec2ControlPlane _controlPlane;
    private readonly NetworkInsightsAnalyzer _analyzer = new();

    public NetworkInsights(Ec2ControlPlane controlPlane)
    {
        ArgumentNullException.ThrowIfNull(controlPlane);
        _controlPlane = controlPlane;
        Store = new(controlPlane.Options.IdSeed, SeedSalt, NetworkInsightsPath.IdPrefix, NetworkInsightsAnalysis.IdPrefix);
    }

    /// <summary>Mixed into the control plane's seed so our ids never follow the same sequence as its ones.</summary>
    private const ulong SeedSalt = 0x6e69_705f_6e69_615fUL; // "nip_nia_"

    public AnalysisStore<NetworkInsightsPath, NetworkInsightsAnalysis> Store { get; }

    public NetworkInsightsPath CreatePath(RequestContext ctx, CreateNetworkInsightsPathRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var network = _controlPlane.Network;
        CheckRegion(ctx);

        var source = PathEndResolver.Resolve(request.Source ?? throw Ec2Errors.MissingParameter("Source"), "source", ctx, network);
        var destination = request.Destination is { Length: > 0 } d ? PathEndResolver.Resolve(d, "destination", ctx, network) : null;
        var protocol = request.Protocol is "tcp" or "udp"
            ? request.Protocol
            : throw Ec2Errors.InvalidParameterValue($"Value ({request.Protocol}) for parameter protocol is invalid. Valid values: tcp, udp.");
        var sourceIp = PathParameters.Ipv4(request.SourceIp, "sourceIp");
        var destinationIp = PathParameters.Ipv4(request.DestinationIp, "destinationIp");
        if (request.DestinationPort is { } port && port is < 0 or > 65535)
            throw Ec2Errors.InvalidParameterValue($"Value ({port}) for parameter destinationPort is invalid. It must be between 0 and 65535.");
        var atSource = PathParameters.Filter(request.FilterAtSource, "filterAtSource");
        var atDestination = PathParameters.Filter(request.FilterAtDestination, "filterAtDestination");

        // spec/reachability.md §1.2: FilterAtSource excludes SourceIp and DestinationPort; FilterAtDestination excludes DestinationIp.
        if (atSource is not null && (sourceIp is not null || request.DestinationPort is not null))
            throw Ec2Errors.InvalidParameterCombination("FilterAtSource cannot be used with SourceIp or DestinationPort.");
        if (atDestination is not null && destinationIp is not null)
            throw Ec2Errors.InvalidParameterCombination("FilterAtDestination cannot be used with DestinationIp.");
        if (destination is null && destinationIp is null && atSource?.DestinationAddress is null && atDestination?.DestinationAddress is null)
            throw Ec2Errors.MissingParameter("Destination (or DestinationIp)");
        if (destination is not null && destination.Id == source.Id)
            throw Ec2Errors.InvalidParameterValue($"The source and the destination must differ ({source.Id}).");
        if (source.Kind == PathEndpointKind.InternetGateway && destination?.Kind == PathEndpointKind.InternetGateway)
            throw Ec2Errors.InvalidParameterValue("The source and the destination cannot both be internet gateways.");
        // Choice (docs/semantics.md#ra-endpoints): a gateway endpoint is only ever a destination (its service never opens
        // connections into the VPC, and it has no interface to send from); an interface endpoint may be a source,
        // and the analysis then answers VPCE_INTRA_VPC_TRAFFIC as the engine does.
        if (source.Kind == PathEndpointKind.VpcEndpoint && network.VpcEndpoints[new VpcEndpointId(source.Id)].IsGateway)
            throw Ec2Errors.InvalidParameterValue(
                $"Value ({request.Source}) for parameter source is invalid. A gateway VPC endpoint can only be a destination.");
        var tags = PathParameters.TagsFor(request.TagSpecifications, NetworkInsightsPath.ResourceType);
        if (request.DryRun == true)
            throw Ec2Errors.DryRun();

        var created = _controlPlane.Options.Clock.GetUtcNow();
        return Store.AddSubject(id => new NetworkInsightsPath(
            id, PathEndResolver.Arn(ctx, NetworkInsightsPath.ResourceType, id), ctx.Account, ctx.Region, created,
            source, destination, sourceIp, destinationIp, protocol, request.DestinationPort, atSource, atDestination, tags));
    }

    /// <summary>The caller's paths that the request selects, ordered by id.</summary>
    public IReadOnlyList<NetworkInsightsPath> DescribePaths(RequestContext ctx, DescribeNetworkInsightsPathsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckRegion(ctx);
        IEnumerable<NetworkInsightsPath> paths = Store.SubjectsOf(ctx);
        paths = NetworkInsightsFilters.OnlyIds(paths, request.NetworkInsightsPathIds, id => FindPath(ctx, id).Id, p => p.Id);
        paths = NetworkInsightsFilters.ApplyToPaths(paths, request.Filters);
        if (request.DryRun == true)
            throw Ec2Errors.DryRun();
        return [.. paths];
    }

    /// <summary>Deletes a path of the caller; one with analyses is DependencyViolation (docs/semantics.md#errors).</summary>
    public string DeletePath(RequestContext ctx, DeleteNetworkInsightsPathRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = request.NetworkInsightsPathId ?? throw Ec2Errors.MissingParameter("NetworkInsightsPathId");
        FindPath(ctx, id);
        bool dryRun = request.DryRun == true;
        Store.RemoveSubject(ctx, id, (_, analyses) =>
        {
            if (analyses > 0)
                throw NetworkInsightsErrors.PathHasAnalyses(id, analyses);
            if (dryRun)
                throw Ec2Errors.DryRun();
        });
        return id;
    }

    /// <summary>Runs the engine on the current snapshot and stores the answer.</summary>
    public NetworkInsightsAnalysis StartAnalysis(RequestContext ctx, StartNetworkInsightsAnalysisRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = FindPath(ctx, request.NetworkInsightsPathId ?? throw Ec2Errors.MissingParameter("NetworkInsightsPathId"));
        var filterIn = PathParameters.Arns(request.FilterInArns, "filterInArn");
        var filterOut = PathParameters.Arns(request.FilterOutArns, "filterOutArn");
        var accounts = PathParameters.Accounts(request.AdditionalAccounts);
        var tags = PathParameters.TagsFor(request.TagSpecifications, NetworkInsightsAnalysis.ResourceType);
        if (request.DryRun == true)
            throw Ec2Errors.DryRun();

        // Choice (docs/semantics.md#analysis): the engine answers at once, so the analysis is
        // "succeeded" (or "failed") in the Start response itself, never "running".
        var network = _controlPlane.Network;
        var started = _controlPlane.Options.Clock.GetUtcNow();
        string? warning = filterIn.IsEmpty && filterOut.IsEmpty && accounts.IsEmpty
            ? null
            : "VpcLab does not apply FilterInArn, FilterOutArn or AdditionalAccount: the path shown is the one the data plane takes.";
        return Store.AddAnalysis(id => new NetworkInsightsAnalysis(
            id, PathEndResolver.Arn(ctx, NetworkInsightsAnalysis.ResourceType, id), path.Id, ctx.Account, ctx.Region, started,
            warning, accounts, filterIn, filterOut, tags, _analyzer.Analyze(path, network), network));
    }

    /// <summary>The caller's analyses that the request selects, ordered by id.</summary>
    public IReadOnlyList<NetworkInsightsAnalysis> DescribeAnalyses(RequestContext ctx, DescribeNetworkInsightsAnalysesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckRegion(ctx);
        IEnumerable<NetworkInsightsAnalysis> analyses = Store.AnalysesOf(ctx);
        analyses = NetworkInsightsFilters.OnlyIds(analyses, request.NetworkInsightsAnalysisIds, id => FindAnalysis(ctx, id).Id, a => a.Id);
        if (request.NetworkInsightsPathId is { } pathId)
        {
            if (!IdGenerator.IsWellFormed(pathId, NetworkInsightsPath.IdPrefix))
                throw NetworkInsightsErrors.PathMalformed(pathId);
            analyses = analyses.Where(a => a.PathId == pathId);
        }
        if (request.AnalysisStartTime is { } from)
            analyses = analyses.Where(a => a.StartDate >= new DateTimeOffset(DateTime.SpecifyKind(from, DateTimeKind.Utc)));
        if (request.AnalysisEndTime is { } to)
            analyses = analyses.Where(a => a.StartDate <= new DateTimeOffset(DateTime.SpecifyKind(to, DateTimeKind.Utc)));
        analyses = NetworkInsightsFilters.ApplyToAnalyses(analyses, request.Filters);
        if (request.DryRun == true)
            throw Ec2Errors.DryRun();
        return [.. analyses];
    }

    public string DeleteAnalysis(RequestContext ctx, DeleteNetworkInsightsAnalysisRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = request.NetworkInsightsAnalysisId ?? throw Ec2Errors.MissingParameter("NetworkInsightsAnalysisId");
        FindAnalysis(ctx, id);
        if (request.DryRun == true)
            throw Ec2Errors.DryRun();
        Store.RemoveAnalysis(ctx, id);
        return id;
    }

    /// <summary>A path of the caller, else …Malformed / …NotFound.</summary>
    public NetworkInsightsPath FindPath(RequestContext ctx, string id)
    {
        if (!IdGenerator.IsWellFormed(id, NetworkInsightsPath.IdPrefix))
            throw NetworkInsightsErrors.PathMalformed(id);
        return Store.FindSubject(ctx, id) ?? throw NetworkInsightsErrors.PathNotFound(id);
    }

    /// <summary>An analysis of the caller, else …Malformed / …NotFound.</summary>
    public NetworkInsightsAnalysis FindAnalysis(RequestContext ctx, string id)
    {
        if (!IdGenerator.IsWellFormed(id, NetworkInsightsAnalysis.IdPrefix))
            throw NetworkInsightsErrors.AnalysisMalformed(id);
        return Store.FindAnalysis(ctx, id) ?? throw NetworkInsightsErrors.AnalysisNotFound(id);
    }

    private void CheckRegion(RequestContext ctx)
    {
        if (!_controlPlane.Regions.ContainsKey(ctx.Region))
            throw Ec2Errors.UnknownRegion(ctx.Region);
    }
}
